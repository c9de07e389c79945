"""Muscle emergencies: exertional rhabdomyolysis, compartment syndrome, clots."""

from __future__ import annotations

from unknot.engine.intake import COMPARTMENT_AREAS, Intake
from unknot.engine.triage import sources as src
from unknot.engine.triage.base import Level, rule


@rule(
    "dark_urine", Level.EMERGENCY, src.RHABDO,
    """Dark brown, tea or cola coloured urine with sore muscles can mean muscle is breaking
    down and flooding the kidneys (rhabdomyolysis). Go to an emergency department now for a
    blood test, and drink water on the way.""",
)
def dark_urine(intake: Intake) -> bool:
    return "dark_urine" in intake.symptoms


@rule(
    "compartment_syndrome", Level.EMERGENCY, src.BOAST_COMPARTMENT,
    """Pain far worse than the injury or workout would explain, in an arm or leg, can mean
    pressure is building up inside the muscle (compartment syndrome) and cutting off its
    blood supply. This needs treatment within hours: go to an emergency department now.""",
)
def compartment_syndrome(intake: Intake) -> bool:
    return "pain_out_of_proportion" in intake.symptoms and (
        not intake.area_set.isdisjoint(COMPARTMENT_AREAS) or "severe_swelling" in intake.symptoms
    )


@rule(
    "pain_out_of_proportion", Level.URGENT, src.BOAST_COMPARTMENT,
    """Pain far worse than the cause would explain is not the usual course of a strain.
    A doctor should examine you today.""",
)
def pain_out_of_proportion(intake: Intake) -> bool:
    return "pain_out_of_proportion" in intake.symptoms and not compartment_syndrome.applies(intake)


@rule(
    "swelling_and_weakness_after_exercise", Level.EMERGENCY, src.RHABDO,
    """Hugely swollen muscles that you can no longer use after hard exercise can mean the
    muscle is breaking down (rhabdomyolysis) or swelling inside its sheath. Go to an
    emergency department now.""",
)
def swelling_and_weakness(intake: Intake) -> bool:
    return {"severe_swelling", "severe_muscle_weakness"} <= intake.symptoms


@rule(
    "severe_muscle_weakness", Level.URGENT, src.RHABDO,
    """Not being able to lift the limb or get up from a chair is more than soreness. After
    hard exercise it can be muscle breakdown (rhabdomyolysis), which needs a blood test
    today; it can also be a nerve problem.""",
)
def severe_muscle_weakness(intake: Intake) -> bool:
    return "severe_muscle_weakness" in intake.symptoms and not swelling_and_weakness.applies(
        intake
    )


@rule(
    "severe_swelling", Level.URGENT, src.NG158_VTE,
    """A hugely or rapidly swollen area is not the usual course of sore muscles. It can be
    a blood clot (especially in the calf), bleeding into the muscle, an infection or a
    tear. See a doctor today.""",
)
def severe_swelling(intake: Intake) -> bool:
    return (
        "severe_swelling" in intake.symptoms
        and not swelling_and_weakness.applies(intake)
        and not compartment_syndrome.applies(intake)
    )


RULES = (
    dark_urine,
    compartment_syndrome,
    pain_out_of_proportion,
    swelling_and_weakness,
    severe_muscle_weakness,
    severe_swelling,
)

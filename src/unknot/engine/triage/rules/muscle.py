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


# Sudden groin pain without a strain (first day, strong) can be a twisted
# testicle, which must be untwisted within hours, or a trapped hernia.
SUDDEN_GROIN_HOURS = 24
STRONG_PAIN = 7
# Calf pain with no strain, knock or exercise to explain it is assessed for a
# clot (NICE NG158 asks for same-week assessment of suspected DVT; swelling
# raises it further, see severe_swelling).
UNEXPLAINED_CALF_PAIN_DAYS = 14


@rule(
    "sudden_groin_pain", Level.URGENT, src.CKS_SCROTAL,
    """Sudden strong pain in the groin without a strain to explain it can come from a hernia
    or, in men, a twisted testicle, which needs treatment within hours. See a doctor today;
    call the emergency number if the testicle hurts or swells, or you are sick.""",
)
def sudden_groin_pain(intake: Intake) -> bool:
    return (
        "groin" in intake.area_set
        and intake.cause in ("unknown", "medical_condition")
        and intake.onset_hours_ago <= SUDDEN_GROIN_HOURS
        and intake.intensity >= STRONG_PAIN
    )


@rule(
    "unexplained_calf_pain", Level.SEE_CLINICIAN, src.NG158_VTE,
    """Calf pain with no exercise, strain or knock to explain it can be a blood clot in the
    leg. Have it checked in the next day or two; go the same day if the calf swells, turns red
    or warm, and call the emergency number if you become breathless.""",
)
def unexplained_calf_pain(intake: Intake) -> bool:
    return (
        "calf" in intake.area_set
        and intake.cause in ("unknown", "medical_condition")
        and intake.days <= UNEXPLAINED_CALF_PAIN_DAYS
    )


RULES = (
    sudden_groin_pain,
    unexplained_calf_pain,
    dark_urine,
    compartment_syndrome,
    pain_out_of_proportion,
    swelling_and_weakness,
    severe_muscle_weakness,
    severe_swelling,
)

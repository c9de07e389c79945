"""Muscle emergencies: exertional rhabdomyolysis, compartment syndrome, clots."""

from __future__ import annotations

from unknot.engine.intake import COMPARTMENT_AREAS, Intake
from unknot.engine.triage import sources as src
from unknot.engine.triage.base import Level, rule
from unknot.engine.triage.rules.benign import easing_night_cramp_pattern


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


# Sudden groin pain in the first day, without a workout to explain it, can be
# a twisted testicle, which can be saved only within about six hours (NICE
# CKS scrotal pain), or a trapped hernia. Torsion is most common up to 25-30.
SUDDEN_HOURS = 24
MODERATE_PAIN = 5
TORSION_AGE = 30
# Calf or thigh pain with no strain, knock or exercise to explain it may be a
# clot: NICE NG158 asks for an ultrasound within 4 hours of suspecting a DVT
# (or interim treatment and a scan within 24), so it is a same-day visit.
UNEXPLAINED_LEG_PAIN_DAYS = 14
CLOT_AREAS = frozenset({"calf", "back_thigh"})


def _sudden_groin_pain(intake: Intake) -> bool:
    return (
        "groin" in intake.area_set
        and intake.cause != "overexertion"
        and intake.onset_hours_ago <= SUDDEN_HOURS
        and intake.intensity >= MODERATE_PAIN
    )


@rule(
    "possible_testicular_torsion", Level.EMERGENCY, src.CKS_SCROTAL,
    """Sudden groin pain in a young man, without a workout to explain it, can be a twisted
    testicle, which can only be saved within a few hours. Go to an emergency department
    now.""",
)
def possible_torsion(intake: Intake) -> bool:
    return intake.sex != "female" and intake.age <= TORSION_AGE and _sudden_groin_pain(intake)


@rule(
    "sudden_groin_or_belly_pain", Level.URGENT, src.CKS_SCROTAL,
    """Sudden pain in the groin or belly without a workout to explain it can come from a
    hernia, the appendix or, in men, a twisted testicle. See a doctor today; call the
    emergency number if the pain is severe, a testicle hurts or swells, or you are sick.""",
)
def sudden_groin_pain(intake: Intake) -> bool:
    sudden_belly = (
        "abdomen" in intake.area_set
        and intake.cause in ("unknown", "medical_condition")
        and intake.onset_hours_ago <= SUDDEN_HOURS
        and intake.intensity >= MODERATE_PAIN
    )
    return (_sudden_groin_pain(intake) or sudden_belly) and not possible_torsion.applies(intake)


@rule(
    "unexplained_leg_pain", Level.URGENT, src.NG158_VTE,
    """Calf or thigh pain with no exercise, strain or knock to explain it can be a blood clot
    in the leg, which should be scanned within hours. See a doctor today; call the emergency
    number if you become breathless or have chest pain.""",
)
def unexplained_calf_pain(intake: Intake) -> bool:
    return (
        not intake.area_set.isdisjoint(CLOT_AREAS)
        and intake.cause in ("unknown", "medical_condition")
        and intake.days <= UNEXPLAINED_LEG_PAIN_DAYS
        # leg pain that comes with back pain is a nerve from the back (sciatica),
        # which has rules of its own; without the back marked, shooting pain
        # does not rule a clot out, and reporting it must not lower the level
        and not intake.spinal
        and not easing_night_cramp_pattern(intake)
    )


RULES = (
    possible_torsion,
    sudden_groin_pain,
    unexplained_calf_pain,
    dark_urine,
    compartment_syndrome,
    pain_out_of_proportion,
    swelling_and_weakness,
    severe_muscle_weakness,
    severe_swelling,
)

"""Young people and athletes: emergencies that can start during sport, and bones or
muscles worn down by repeated loading."""

from __future__ import annotations

from unknot.engine.intake import COMPARTMENT_AREAS, LIMB_AREAS, Intake
from unknot.engine.triage import sources as src
from unknot.engine.triage.base import Level, rule

# --- A twisted testicle during sport ----------------------------------------------
# Torsion often starts during exercise or sport, and a kick to the groin can
# cause it too (NICE CKS scrotal pain); the testicle can be saved only within
# about six hours. A pulled groin muscle is far more common, so it is the strong,
# sudden pain in a young man on the first day that calls for the emergency.
TORSION_AGE = 30
TORSION_HOURS = 24
TORSION_PAIN = 7


@rule(
    "groin_pain_during_sport_young_man", Level.EMERGENCY, src.CKS_SCROTAL,
    """Sudden, strong groin pain in a young man, even during sport or after a kick, can be
    a twisted testicle, which can only be saved within a few hours. Go to an emergency
    department now, especially if a testicle hurts or swells or you feel sick.""",
)
def groin_pain_during_sport_young_man(intake: Intake) -> bool:
    return (
        intake.sex != "female"
        and intake.age <= TORSION_AGE
        # the pain of a twisted testicle is often felt low in the belly
        and not intake.area_set.isdisjoint({"groin", "abdomen"})
        and intake.cause in ("overexertion", "injury")
        and intake.onset_hours_ago <= TORSION_HOURS
        and intake.intensity >= TORSION_PAIN
    )


# --- Compartment syndrome without the words for it ---------------------------------
# BOAST 10: severe pain with a tense, swollen limb after an injury or hard
# exercise is compartment syndrome until proven otherwise, whether or not the
# person says the pain is out of proportion. The leg, thigh, arm and forearm
# only: a badly sprained ankle swells and hurts this much far more often, and
# has its own rules (Ottawa).
COMPARTMENT_HOURS = 72
SEVERE_PAIN = 8
MUSCLE_COMPARTMENTS = COMPARTMENT_AREAS - {"glutes", "ankle_foot"}


@rule(
    "tense_swollen_limb_with_severe_pain", Level.EMERGENCY, src.BOAST_COMPARTMENT,
    """Severe pain in a hugely swollen arm or leg after an injury or hard exercise can mean
    pressure is building inside the muscle (compartment syndrome) and cutting off its blood
    supply. It needs treatment within hours: go to an emergency department now.""",
)
def tense_swollen_limb_with_severe_pain(intake: Intake) -> bool:
    return (
        "severe_swelling" in intake.symptoms
        and not intake.area_set.isdisjoint(MUSCLE_COMPARTMENTS)
        and intake.cause in ("overexertion", "injury")
        and intake.onset_hours_ago <= COMPARTMENT_HOURS
        and intake.intensity >= SEVERE_PAIN
        and "pain_out_of_proportion" not in intake.symptoms  # compartment_syndrome speaks
    )


# --- Bone stress injuries ----------------------------------------------------------
# Pain that builds over a week or more of running, marching or jumping, in a
# weight-bearing bone, and now hurts in ordinary walking, at night or more each
# time, is a bone stress injury until examined (Hoenig et al. 2022). The femoral
# neck is the high-risk site: a stress fracture there can break through and
# needs imaging and crutches the same day.
STRESS_MIN_HOURS = 7 * 24
STRESS_MAX_HOURS = 26 * 7 * 24
STRESS_AREAS = frozenset({"shin", "ankle_foot", "front_thigh", "hip", "groin"})
HIP_AREAS = frozenset({"hip", "groin"})
LOADED_PAIN = 6
LOADED_LIMIT = 5


def _building_with_load(intake: Intake) -> bool:
    return (
        intake.cause == "overexertion"
        and STRESS_MIN_HOURS < intake.onset_hours_ago <= STRESS_MAX_HOURS
        and (
            intake.trend == "worse"
            or intake.intensity >= LOADED_PAIN
            or intake.function_limit >= LOADED_LIMIT
            or not intake.symptoms.isdisjoint({"constant_night_pain", "cannot_bear_weight"})
        )
    )


@rule(
    "possible_hip_stress_fracture", Level.URGENT, src.BONE_STRESS,
    """Hip or groin pain that has built up over weeks of running or training and now hurts
    more, at night or when walking can be a stress fracture of the thigh bone's neck, which
    can break through if you keep loading it. Stop running and see a doctor today.""",
)
def possible_hip_stress_fracture(intake: Intake) -> bool:
    return not intake.area_set.isdisjoint(HIP_AREAS) and _building_with_load(intake)


@rule(
    "possible_bone_stress_injury", Level.SEE_CLINICIAN, src.BONE_STRESS,
    """Pain in the shin, foot or thigh that has built up over weeks of running, marching or
    jumping, and now hurts in ordinary walking, at night or more each time, can be a stress
    fracture. Cut back the loading and have it examined in the coming days.""",
)
def possible_bone_stress_injury(intake: Intake) -> bool:
    return (
        not intake.area_set.isdisjoint(STRESS_AREAS - HIP_AREAS)
        and _building_with_load(intake)
        and not possible_hip_stress_fracture.applies(intake)
    )


# A stress fracture of the spine's arch (spondylolysis) is the commonest cause of
# lasting back pain in young athletes who bend backwards, bowl or lift; back pain
# that starts before 20 is itself a flag (NICE CKS low back pain). Two weeks
# separates it from an ordinary strain.
YOUNG_ATHLETE_AGE = 20
YOUNG_BACK_HOURS = 14 * 24


@rule(
    "young_athlete_back_pain", Level.SEE_CLINICIAN, src.BONE_STRESS,
    """Low back pain from training that lasts beyond two weeks in someone under 20 can be a
    stress fracture in the back of a spine bone (spondylolysis). Have it examined in the
    coming days, and rest from the sport until then.""",
)
def young_athlete_back_pain(intake: Intake) -> bool:
    return (
        intake.age < YOUNG_ATHLETE_AGE
        and "lower_back" in intake.area_set
        and intake.cause == "overexertion"
        and YOUNG_BACK_HOURS < intake.onset_hours_ago <= STRESS_MAX_HOURS
        and intake.trend != "better"
    )


# --- A slipped hip growth plate -------------------------------------------------------
# Until the growth plates close (about 17 in boys), hip, groin or knee pain with
# a limp and no injury to explain it can be a slipped upper femoral epiphysis,
# which can slip further with each step: same-day orthopaedic assessment (Peck
# et al. 2017).
GROWING_AGE = 17
LIMPING = 4


@rule(
    "teenage_hip_pain_with_limp", Level.URGENT, src.SCFE,
    """Hip or groin pain with a limp, without an injury to explain it, in someone still
    growing can be a slipped growth plate at the top of the thigh bone, which can slip
    further with every step. Use crutches or rest the leg and see a doctor today.""",
)
def teenage_hip_pain_with_limp(intake: Intake) -> bool:
    return (
        intake.age <= GROWING_AGE
        and not intake.area_set.isdisjoint(HIP_AREAS)
        and intake.cause in ("unknown", "medical_condition")
        and (intake.function_limit >= LIMPING or intake.trend == "worse"
             or "cannot_bear_weight" in intake.symptoms)
    )


# --- The same strain again and again ------------------------------------------------
# Re-injury of a strained muscle is common and mostly follows rehabilitation that
# stopped too soon (Heiderscheit et al. 2010): a third strain in a year, however
# mild this one is, calls for a clinician's programme. Back pain recurs often
# and keeps its own threshold (recurrent_episodes).
RECURRENT_STRAINS = 2


@rule(
    "recurrent_muscle_strain", Level.SEE_CLINICIAN, src.RECURRENT_STRAIN,
    """The same muscle keeps getting strained. A physical therapist can find out why and
    build a strengthening programme that makes it last, even when this episode is mild.""",
)
def recurrent_muscle_strain(intake: Intake) -> bool:
    return (
        (intake.episodes_past_year or 0) >= RECURRENT_STRAINS
        and intake.cause in ("overexertion", "injury")
        and not intake.spinal
        and not intake.area_set.isdisjoint(LIMB_AREAS | {"abdomen", "chest"})
    )


RULES = (
    groin_pain_during_sport_young_man,
    tense_swollen_limb_with_severe_pain,
    possible_hip_stress_fracture,
    possible_bone_stress_injury,
    young_athlete_back_pain,
    teenage_hip_pain_with_limp,
    recurrent_muscle_strain,
)

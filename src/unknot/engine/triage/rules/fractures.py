"""Broken bones that are easy to miss: thin bones in old age, and small bones after a fall."""

from __future__ import annotations

from unknot.engine.intake import Intake
from unknot.engine.triage import sources as src
from unknot.engine.triage.base import Level, rule

FRAGILE_BONES = frozenset({"osteoporosis", "long_term_steroids"})
RECENT_HOURS = 6 * 7 * 24

# --- The very old after an ordinary strain ----------------------------------------
# Most spine fractures from thin bones follow a lift, a bend, a cough or a sneeze
# rather than a fall, and most are never diagnosed, often in people never told
# their bones were thin (Royal Osteoporosis Society vertebral fracture guidance).
# Thin bones are common by 75 (NICE CG146 assesses fracture risk in every man
# from 75 and every woman from 65): new back pain strong enough to notice deserves an
# examination, and pain that makes getting up hard is a same-day visit (ROS;
# NICE CKS low back pain: sudden severe spinal pain, or a hip or pelvis that
# breaks with no fall at all, NICE CG124).
VERY_OLD_AGE = 75
THORACOLUMBAR = frozenset({"upper_back", "mid_back", "lower_back"})
PELVIS_AND_HIP = frozenset({"hip", "groin", "glutes"})
NOTICEABLE_PAIN = 5
HARD_TO_GET_UP = 6
SEVERE_PAIN = 7


def _new_pain_in_very_old_age(intake: Intake) -> bool:
    return (
        intake.age >= VERY_OLD_AGE
        and not intake.injured
        and intake.onset_hours_ago <= RECENT_HOURS
    )


@rule(
    "old_age_sudden_pain_hard_to_get_up", Level.URGENT, src.ROS_VERTEBRAL,
    """After 75, strong new pain in the back, pelvis or hip that makes it hard to get up or
    walk can be a bone that broke under an ordinary strain, a lift or even a sneeze, because
    bones thin with age, often without anyone knowing. See a doctor today.""",
)
def old_age_sudden_pain_hard_to_get_up(intake: Intake) -> bool:
    return (
        _new_pain_in_very_old_age(intake)
        and not intake.area_set.isdisjoint(THORACOLUMBAR | PELVIS_AND_HIP)
        and (intake.function_limit >= HARD_TO_GET_UP or intake.intensity >= SEVERE_PAIN
             or "severe_muscle_weakness" in intake.symptoms)
    )


@rule(
    "possible_spine_fracture_in_old_age", Level.SEE_CLINICIAN, src.ROS_VERTEBRAL,
    """After 75, new back pain after lifting, bending, coughing or sneezing can be a small
    break in a spine bone, even when your bones have never been tested. See a doctor in the
    coming days; the same day if getting up or walking becomes hard.""",
)
def possible_spine_fracture_in_old_age(intake: Intake) -> bool:
    return (
        _new_pain_in_very_old_age(intake)
        # known thin bones: the thin-bone spine rules already speak, at least as high
        and intake.history.isdisjoint(FRAGILE_BONES)
        and not intake.area_set.isdisjoint(THORACOLUMBAR)
        and (intake.intensity >= NOTICEABLE_PAIN or intake.function_limit >= NOTICEABLE_PAIN)
        and not old_age_sudden_pain_hard_to_get_up.applies(intake)
    )


# --- Small bones after a fall ---------------------------------------------------
# A broken scaphoid (wrist) after a fall on the hand often looks normal and still
# moves; missed, it may never heal, so NICE NG38 asks for imaging of any
# suspected one. Pain, swelling or bruising after the fall is the suspicion.
FRESH_INJURY_HOURS = 14 * 24
MARKED_PAIN = 4


def _fresh_injury(intake: Intake, area: str) -> bool:
    return (
        intake.injured
        and area in intake.area_set
        and intake.trauma != "major"  # major_trauma already calls for an emergency
        and intake.onset_hours_ago <= FRESH_INJURY_HOURS
    )


def _marked(intake: Intake, threshold: int) -> bool:
    return (
        intake.intensity >= threshold
        or intake.function_limit >= threshold
        or not intake.symptoms.isdisjoint({"bruising", "severe_swelling"})
    )


@rule(
    "wrist_injury", Level.URGENT, src.NG38_FRACTURES,
    """A painful, swollen or bruised wrist or hand after a fall or a twist can hide a broken
    bone, such as the small scaphoid bone, even when the wrist still moves and looks straight.
    Missed, it may never heal properly. Get it examined today, usually with an X-ray.""",
)
def wrist_injury(intake: Intake) -> bool:
    return _fresh_injury(intake, "forearm_wrist") and _marked(intake, MARKED_PAIN)


@rule(
    "minor_wrist_injury", Level.SEE_CLINICIAN, src.NG38_FRACTURES,
    """A knock or fall on the wrist or hand can crack a small bone that still lets you move
    it. If it is still tender in a day or two, have it examined, and at once if it swells,
    bruises or gets more painful.""",
)
def minor_wrist_injury(intake: Intake) -> bool:
    return (
        _fresh_injury(intake, "forearm_wrist")
        and not wrist_injury.applies(intake)
        and intake.intensity > 0
    )


# The Ottawa ankle and foot rules X-ray a foot that cannot take weight (its own
# rule); midfoot and fifth metatarsal fractures and torn midfoot ligaments
# (Lisfranc) also show as bruising or strong pain in a foot that can still take
# a few steps, so these are examined in the coming days.
FOOT_STRONG_PAIN = 6


@rule(
    "foot_or_ankle_injury_check", Level.SEE_CLINICIAN, src.OTTAWA,
    """A bruised or very painful foot or ankle after a fall or a twist can hide a small
    broken bone or a torn ligament even when you can walk on it. Have it examined in the
    coming days; the same day if you cannot take four steps.""",
)
def foot_or_ankle_injury_check(intake: Intake) -> bool:
    return _fresh_injury(intake, "ankle_foot") and _marked(intake, FOOT_STRONG_PAIN)


# --- A fall after 65 ---------------------------------------------------------------
# A fall from standing height that breaks a bone is the definition of a fragility
# fracture, and wrist, upper arm, ribs, pelvis and hip are where they happen
# (NOGG 2022); the top of the thigh is where a broken hip is felt. The Ottawa
# knee rule X-rays every knee injury from 55.
FRAGILITY_AGE = 65
# A knock on a table is not a fall: pain or loss of use, one point above the
# wrist's, or a swelling, is what suggests a break; a bruise alone, common after
# any knock and more so on a blood thinner, does not.
FRAGILITY_PAIN = 5
FRAGILITY_SITES = frozenset(
    {"forearm_wrist", "shoulder", "upper_arm", "chest", "knee", "front_thigh"}
)
OTTAWA_KNEE_AGE = 55


@rule(
    "fall_after_65", Level.URGENT, src.NOGG_FRAGILITY,
    """After 65, a fall or knock that leaves the wrist, shoulder, upper arm, ribs, thigh or
    knee painful, hard to use or swollen can break a bone even when it looks straight. Get
    it examined today, usually with an X-ray.""",
)
def fall_after_65(intake: Intake) -> bool:
    return (
        intake.age >= FRAGILITY_AGE
        and any(_fresh_injury(intake, area) for area in FRAGILITY_SITES)
        and (intake.intensity >= FRAGILITY_PAIN or intake.function_limit >= FRAGILITY_PAIN
             or "severe_swelling" in intake.symptoms)
    )


@rule(
    "knee_injury_over_55", Level.SEE_CLINICIAN, src.OTTAWA,
    """After 55, the Ottawa knee rule advises an X-ray after a knee injury, because a
    break can hide behind a knee that still bends. Have it examined in the coming days.""",
)
def knee_injury_over_55(intake: Intake) -> bool:
    return (
        intake.age >= OTTAWA_KNEE_AGE
        and _fresh_injury(intake, "knee")
        and intake.intensity > 0
        and not fall_after_65.applies(intake)
    )


RULES = (
    old_age_sudden_pain_hard_to_get_up,
    possible_spine_fracture_in_old_age,
    wrist_injury,
    minor_wrist_injury,
    foot_or_ankle_injury_check,
    fall_after_65,
    knee_injury_over_55,
)

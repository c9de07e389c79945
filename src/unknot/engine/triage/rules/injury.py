"""Broken bones, injured spines, torn tendons and bleeding after an injury or a strain."""

from __future__ import annotations

from unknot.engine.intake import LIMB_AREAS, NERVE_SYMPTOMS, Intake
from unknot.engine.triage import sources as src
from unknot.engine.triage.base import Level, rule
from unknot.engine.triage.rules.benign import small_bruise_on_blood_thinners_pattern

FRAGILE_BONES = frozenset({"osteoporosis", "long_term_steroids"})
# The Canadian C-spine rule counts age 65 or over as high risk after any neck
# injury; NICE CKS lists older age among the fracture risks for back pain.
HIGH_RISK_AGE = 65
# New spinal pain within six weeks in fragile bones is a possible vertebral
# fracture, which can follow a lift, a cough or nothing at all.
RECENT_ONSET_HOURS = 6 * 7 * 24
STRONG_PAIN = 7
HARD_TO_GET_UP = 6
HIP_AREAS = frozenset({"hip", "groin"})


@rule(
    "major_trauma", Level.EMERGENCY, src.NG41_TRAUMA,
    """Pain after a high-energy injury (a fall from a height, a road collision, a hard
    sports impact) can hide a broken bone or an injured spine. Go to an emergency department
    now; if your neck or back hurts, keep still and call the emergency number.""",
)
def major_trauma(intake: Intake) -> bool:
    return intake.trauma == "major"


@rule(
    "spinal_injury_with_nerve_signs", Level.EMERGENCY, src.CANADIAN_CSPINE,
    """Numbness, tingling or weakness in an arm or leg after an injury to the neck or back
    can mean the spinal cord or a nerve is hurt. Keep still and call the emergency number
    now.""",
)
def spinal_injury_with_nerve_signs(intake: Intake) -> bool:
    return intake.injured and intake.spinal and not intake.symptoms.isdisjoint(NERVE_SYMPTOMS)


@rule(
    "visible_deformity", Level.EMERGENCY, src.OTTAWA,
    """A part that looks bent, out of place or the wrong shape may be broken or
    dislocated. Keep it still and go to an emergency department now.""",
)
def visible_deformity(intake: Intake) -> bool:
    return "visible_deformity" in intake.symptoms


@rule(
    "neck_injury_over_65", Level.EMERGENCY, src.CANADIAN_CSPINE,
    """After 65, even a simple fall or twist can break a bone in the neck. Neck pain after
    an injury needs an emergency check and usually a scan. Keep your neck still and call the
    emergency number.""",
)
def neck_injury_over_65(intake: Intake) -> bool:
    return intake.injured and "neck" in intake.area_set and intake.age >= HIGH_RISK_AGE


@rule(
    "hip_fracture_signs", Level.EMERGENCY, src.HIP_FRACTURE,
    """Not being able to stand or walk with hip or groin pain, after 65 or with thin bones,
    is a broken hip until proven otherwise, even without a fall you remember. Stay where you
    are, keep warm and call the emergency number.""",
)
def hip_fracture_signs(intake: Intake) -> bool:
    # a broken hip hurts in the groin and at the top of the thigh (NICE CG124)
    return (
        not intake.area_set.isdisjoint(HIP_AREAS | {"front_thigh"})
        and "cannot_bear_weight" in intake.symptoms
        and (intake.age >= HIGH_RISK_AGE or not intake.history.isdisjoint(FRAGILE_BONES))
    )


@rule(
    "fragile_bone_injury", Level.URGENT, src.OSTEOPOROTIC_FRACTURE,
    """With thin bones (osteoporosis, long-term steroid tablets, or age over 65) a fall or
    knock can break a bone in the spine. See a doctor today for an examination and
    possibly an X-ray.""",
)
def fragile_bone_injury(intake: Intake) -> bool:
    return (
        intake.injured
        and intake.spinal
        and (not intake.history.isdisjoint(FRAGILE_BONES) or intake.age >= HIGH_RISK_AGE)
        and not neck_injury_over_65.applies(intake)
    )


@rule(
    "fragility_fracture", Level.URGENT, src.OSTEOPOROTIC_FRACTURE,
    """With thin bones (osteoporosis or long-term steroid tablets), a simple fall or knock
    can break a bone, often the wrist, hip or shoulder, even when it looks straight. Get it
    examined today, usually with an X-ray.""",
)
def fragility_fracture(intake: Intake) -> bool:
    return (
        intake.injured
        and not intake.history.isdisjoint(FRAGILE_BONES)
        and not intake.spinal
        and not hip_fracture_signs.applies(intake)
    )


@rule(
    "hip_injury_over_65", Level.URGENT, src.HIP_FRACTURE,
    """After 65, a fall onto the hip can break it even when you can still walk a little.
    Get it examined today.""",
)
def hip_injury_over_65(intake: Intake) -> bool:
    return (
        intake.injured
        and intake.age >= HIGH_RISK_AGE
        and not intake.area_set.isdisjoint(HIP_AREAS | {"glutes"})
        and intake.history.isdisjoint(FRAGILE_BONES)
        and not hip_fracture_signs.applies(intake)
        and not (_small_hip_knock_easing(intake) and "cancer" not in intake.history)
    )


# A broken hip hurts to stand on and does not ease: a knock a day or more ago
# with little pain, normal walking and pain already easing is unlikely to be
# one (NICE CG124 looks for pain on weight bearing), but is still examined.
SMALL_KNOCK_PAIN = 3
WALKING_NORMALLY = 2
SETTLING_HOURS = 24


def _small_hip_knock_easing(intake: Intake) -> bool:
    return (
        intake.trauma != "major"
        and intake.trend == "better"
        and intake.onset_hours_ago >= SETTLING_HOURS
        and intake.intensity <= SMALL_KNOCK_PAIN
        and intake.function_limit <= WALKING_NORMALLY
        and intake.symptoms <= {"bruising"}
    )


@rule(
    "easing_hip_knock_over_65", Level.SEE_CLINICIAN, src.HIP_FRACTURE,
    """After 65, a knock on the hip that hurts little, lets you walk normally and is
    already easing is unlikely to be a break, but have it examined in the coming days. Get
    help the same day if standing or walking starts to hurt more.""",
)
def easing_hip_knock_over_65(intake: Intake) -> bool:
    return (
        intake.injured
        and intake.age >= HIGH_RISK_AGE
        and not intake.area_set.isdisjoint(HIP_AREAS | {"glutes"})
        and intake.history.isdisjoint(FRAGILE_BONES | {"cancer"})
        and _small_hip_knock_easing(intake)
    )


@rule(
    "fragile_bone_new_back_pain", Level.URGENT, src.OSTEOPOROTIC_FRACTURE,
    """With osteoporosis or long-term steroid tablets, sudden strong back pain, even after
    just lifting, bending or a sneeze, or back pain that makes getting up hard, can be a
    small break in a spine bone. See a doctor today.""",
)
def fragile_bone_new_back_pain(intake: Intake) -> bool:
    return (
        intake.spinal
        and not intake.history.isdisjoint(FRAGILE_BONES)
        and not intake.injured
        and intake.onset_hours_ago <= RECENT_ONSET_HOURS
        # pain that makes getting up hard is a doctor today, whatever started it
        # (Royal Osteoporosis Society vertebral fracture guidance)
        and (intake.cause == "overexertion" or intake.intensity >= STRONG_PAIN
             or intake.function_limit >= HARD_TO_GET_UP)
    )


@rule(
    "fragile_bone_back_pain", Level.SEE_CLINICIAN, src.OSTEOPOROTIC_FRACTURE,
    """With osteoporosis or long-term steroid tablets, back pain should be checked by a
    doctor, who may look for a small break in a spine bone.""",
)
def fragile_bone_back_pain(intake: Intake) -> bool:
    return (
        intake.spinal
        and not intake.history.isdisjoint(FRAGILE_BONES)
        and not intake.injured
        and not fragile_bone_new_back_pain.applies(intake)
    )


@rule(
    "cannot_bear_weight", Level.URGENT, src.OTTAWA,
    """Not being able to stand or walk on it can mean a broken bone or a torn tendon or
    ligament. Get it examined today, usually with an X-ray.""",
)
def cannot_bear_weight(intake: Intake) -> bool:
    return "cannot_bear_weight" in intake.symptoms and not hip_fracture_signs.applies(intake)


@rule(
    "tendon_rupture", Level.URGENT, src.CKS_ACHILLES,
    """A pop or snap at the moment it happened, in an arm or leg, can be a torn tendon
    (such as the Achilles tendon above the heel, or the biceps). Torn tendons heal best when
    treated early: get it examined today.""",
)
def tendon_rupture(intake: Intake) -> bool:
    return (
        "heard_pop" in intake.symptoms
        and not intake.area_set.isdisjoint(LIMB_AREAS)
        and not pop_at_shoulder_end_of_biceps.applies(intake)
    )


# The long head of the biceps tears at the shoulder end, leaving a bulge low in
# the upper arm; it usually heals without surgery, unlike the elbow end or the
# Achilles tendon (BESS). A weak arm or a shoulder that cannot lift keeps the
# same-day rules.
@rule(
    "pop_at_shoulder_end_of_biceps", Level.SEE_CLINICIAN, src.BICEPS,
    """A pop at the front of the shoulder with a bulge or bruise in the upper arm is often
    the long head of the biceps tearing, which usually heals without an operation. Have it
    examined in the coming days; the same day if the arm is weak, you cannot lift it, or the
    pain or bruising is at the front of the elbow.""",
)
def pop_at_shoulder_end_of_biceps(intake: Intake) -> bool:
    return (
        "heard_pop" in intake.symptoms
        and "shoulder" in intake.area_set
        and intake.area_set <= {"shoulder", "upper_arm"}
        and intake.intensity < STRONG_PAIN
        and intake.cause in ("overexertion", "injury")
        and intake.trend != "worse"
        and intake.function_limit < HARD_TO_GET_UP
        and intake.history.isdisjoint(FRAGILE_BONES | {"cancer"})
        and intake.symptoms <= {"heard_pop", "bruising"}
    )


@rule(
    "pop_in_back", Level.SEE_CLINICIAN, src.CKS_BACK,
    """A pop or snap felt in the back or trunk when the pain started is worth having
    examined in the coming days.""",
)
def pop_in_back(intake: Intake) -> bool:
    return "heard_pop" in intake.symptoms and intake.area_set.isdisjoint(LIMB_AREAS)


@rule(
    "growing_swelling_on_blood_thinners", Level.EMERGENCY, src.BLEEDING,
    """You take a blood thinner and the injured part is hugely swollen and still getting
    bigger: that is bleeding that has not stopped, and the pressure can cut off the blood
    supply to the muscle. Go to an emergency department now.""",
)
def growing_swelling_on_blood_thinners(intake: Intake) -> bool:
    return (
        "blood_thinners" in intake.history
        and intake.injured
        and "severe_swelling" in intake.symptoms
        and intake.trend == "worse"
    )


@rule(
    "blood_thinners_and_injury", Level.URGENT, src.BLEEDING,
    """You take medicine that thins the blood, so a knock, bruising or swelling can mean
    bleeding into the muscle or joint that keeps going. See a doctor today; go to an
    emergency department if the swelling grows fast or you hit your head.""",
)
def blood_thinners_and_injury(intake: Intake) -> bool:
    return (
        "blood_thinners" in intake.history
        and (intake.injured or not intake.symptoms.isdisjoint({"bruising", "severe_swelling"}))
        and not small_bruise_on_blood_thinners_pattern(intake)
    )


@rule(
    "unexplained_bruising", Level.SEE_CLINICIAN, src.NG12_BRUISING,
    """Bruising that appeared without an injury to explain it should be checked by a
    doctor in the next day or two, with a blood test.""",
)
def unexplained_bruising(intake: Intake) -> bool:
    return (
        "bruising" in intake.symptoms
        and not intake.injured
        and intake.cause != "overexertion"
        and "blood_thinners" not in intake.history
    )


RULES = (
    major_trauma,
    spinal_injury_with_nerve_signs,
    visible_deformity,
    neck_injury_over_65,
    hip_fracture_signs,
    fragile_bone_injury,
    fragility_fracture,
    hip_injury_over_65,
    easing_hip_knock_over_65,
    fragile_bone_new_back_pain,
    fragile_bone_back_pain,
    cannot_bear_weight,
    tendon_rupture,
    pop_at_shoulder_end_of_biceps,
    pop_in_back,
    growing_swelling_on_blood_thinners,
    blood_thinners_and_injury,
    unexplained_bruising,
)

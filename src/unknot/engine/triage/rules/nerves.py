"""Nerves under pressure: cauda equina syndrome, cord compression, nerve root pain."""

from __future__ import annotations

from unknot.engine.intake import ARM_AREAS, LEG_AREAS, Intake
from unknot.engine.triage import sources as src
from unknot.engine.triage.base import Level, rule
from unknot.engine.triage.rules.benign import early_overuse_pattern

# Sudden arm weakness that is not explained by an injury or a strain may be a
# stroke or a torn neck artery; NICE NG128 asks for emergency assessment of any
# sudden focal weakness. Beyond three days it is treated as a nerve problem.
SUDDEN_WEAKNESS_HOURS = 72
# Cauda equina syndrome is a new, evolving loss (GIRFT pathway). Narrowing of
# the lower spinal canal gives both legs symptoms that come with walking and
# ease with sitting or bending forward, unchanged for months (NASS lumbar
# spinal stenosis guideline): a clinician's assessment, not an emergency, as
# long as no leg is weak and bladder, bowel and saddle feel normal. Past six
# weeks, the usual span of acute back pain (NICE NG59), is long-standing.
LONG_STANDING_HOURS = 6 * 7 * 24
# The lower spine only: both legs affected from the neck or upper back is the
# spinal cord itself (myelopathy), which has no such stable form to wait on.
UPPER_SPINE = frozenset({"neck", "upper_back", "mid_back"})
CAUDA_EQUINA_SIGNS = frozenset(
    {"leg_weakness", "saddle_numbness", "bladder_dysfunction", "bowel_incontinence"}
)
# Pain and tingling in both lower legs that come with running and go with rest,
# with no back or thigh involved, is exertional (chronic compartment syndrome,
# shin splints), not a squeezed nerve root (BOAST 10 tells the two kinds of
# compartment syndrome apart).
LOWER_LEG_AREAS = frozenset({"knee", "calf", "shin", "ankle_foot"})
# Exertional pain is a pattern of weeks; numbness in both legs that began
# with a lift or a workout days ago is treated as the back until shown otherwise.
EXERTIONAL_MIN_HOURS = 14 * 24


def _long_standing_both_legs(intake: Intake) -> bool:
    return (
        "bilateral_leg_symptoms" in intake.symptoms
        and intake.onset_hours_ago > LONG_STANDING_HOURS
        and intake.trend != "worse"
        and intake.area_set.isdisjoint(UPPER_SPINE)
        and intake.symptoms.isdisjoint(CAUDA_EQUINA_SIGNS)
        and "fever_or_chills" not in intake.symptoms
        and intake.age >= 50
        and intake.symptoms.isdisjoint({"constant_night_pain", "unexplained_weight_loss"})
        and intake.history.isdisjoint(
            {"cancer", "immunosuppressed", "iv_drug_use", "recent_infection"})
    )


def _exertional_lower_legs(intake: Intake) -> bool:
    return (
        "bilateral_leg_symptoms" in intake.symptoms
        and intake.cause == "overexertion"
        and intake.onset_hours_ago > EXERTIONAL_MIN_HOURS
        and intake.trend != "worse"
        and intake.area_set <= LOWER_LEG_AREAS
        # a plain ache in both legs after effort has its own, milder rule
        and not intake.symptoms.isdisjoint({"leg_numbness_tingling", "leg_pain_below_knee"})
        and intake.symptoms.isdisjoint(CAUDA_EQUINA_SIGNS)
        and "fever_or_chills" not in intake.symptoms
    )


@rule(
    "saddle_numbness", Level.EMERGENCY, src.GIRFT_CES,
    """Numbness or tingling between the legs, around the bottom or genitals can mean
    the nerves at the base of the spine are being squeezed (cauda equina syndrome).
    It needs an emergency scan now: delay can leave lasting damage.""",
)
def saddle_numbness(intake: Intake) -> bool:
    return "saddle_numbness" in intake.symptoms


@rule(
    "bladder_dysfunction", Level.EMERGENCY, src.GIRFT_CES,
    """New trouble starting or stopping urine, or leaking, can mean the nerves that
    control the bladder are being squeezed (cauda equina syndrome). Go to an emergency
    department now.""",
)
def bladder_dysfunction(intake: Intake) -> bool:
    return "bladder_dysfunction" in intake.symptoms


@rule(
    "bowel_incontinence", Level.EMERGENCY, src.GIRFT_CES,
    """New loss of bowel control can mean the nerves at the base of the spine are being
    squeezed (cauda equina syndrome). Go to an emergency department now.""",
)
def bowel_incontinence(intake: Intake) -> bool:
    return "bowel_incontinence" in intake.symptoms


@rule(
    "both_legs_nerve_signs", Level.EMERGENCY, src.GIRFT_CES,
    """Pain, numbness or weakness in both legs together with back or neck pain, or shooting
    pain or numbness down the legs, can mean the spinal cord or the nerves at the base of the
    spine are being squeezed. This needs an emergency assessment now.""",
)
def both_legs_with_back_pain(intake: Intake) -> bool:
    return (
        "bilateral_leg_symptoms" in intake.symptoms
        and (
            intake.spinal
            or not intake.symptoms.isdisjoint(
                {"leg_weakness", "leg_pain_below_knee", "leg_numbness_tingling"}
            )
            or not intake.area_set & LEG_AREAS
        )
        and not _long_standing_both_legs(intake)
        and not _exertional_lower_legs(intake)
    )


@rule(
    "both_legs_long_standing", Level.SEE_CLINICIAN, src.SPINAL_STENOSIS,
    """Symptoms in both legs that have stayed the same for months, often brought on by
    walking or standing and eased by sitting or bending forward, usually come from a
    narrowing in the lower spine. A doctor should assess it and plan treatment in the
    coming weeks. Call the emergency number if numbness spreads between the legs, your
    bladder or bowel change, or a leg becomes weak.""",
)
def both_legs_long_standing(intake: Intake) -> bool:
    return _long_standing_both_legs(intake) and not _exertional_lower_legs(intake)


@rule(
    "exercise_pain_in_both_lower_legs", Level.SEE_CLINICIAN, src.CECS,
    """Pain, tightness or tingling in both lower legs that comes with running or training
    and goes with rest is usually the shins or the muscle compartments reacting to load.
    A doctor or physical therapist should assess it in the coming days. Get help at once if
    a leg stays painful, tense and swollen after you stop, or a foot becomes weak.""",
)
def exercise_pain_in_both_lower_legs(intake: Intake) -> bool:
    return _exertional_lower_legs(intake)


@rule(
    "both_legs_affected", Level.URGENT, src.CKS_BACK,
    """Symptoms in both legs at once are not usual for a simple strain. A doctor should
    check your nerves today.""",
)
def both_legs_affected(intake: Intake) -> bool:
    return (
        "bilateral_leg_symptoms" in intake.symptoms
        and not both_legs_with_back_pain.applies(intake)
        and not both_legs_sore_after_effort.applies(intake)
        and not _long_standing_both_legs(intake)
        and not _exertional_lower_legs(intake)
        and not _aches_in_arms_and_legs(intake)
        and not early_overuse_pattern(intake)
    )


# Aches in both arms and both legs at once, with no numbness, weakness or
# shooting pain, are the muscles or the joints around them, not a nerve:
# polymyalgia rheumatica after 50 (BSR), a statin or a virus. A blood test and
# an examination in the coming days find which.
def _aches_in_arms_and_legs(intake: Intake) -> bool:
    return (
        "bilateral_leg_symptoms" in intake.symptoms
        and not intake.area_set.isdisjoint(ARM_AREAS)
        and not intake.area_set.isdisjoint(LEG_AREAS)
        and not intake.spinal
        and not intake.injured
        # worsening within the first week is not yet the weeks-long course of PMR
        and (intake.trend != "worse" or intake.onset_hours_ago > 7 * 24)
        and intake.symptoms.isdisjoint(
            {"arm_weakness", "arm_numbness_tingling",
             "leg_weakness", "leg_numbness_tingling", "leg_pain_below_knee",
             "severe_muscle_weakness", "saddle_numbness", "bladder_dysfunction",
             "bowel_incontinence"}
        )
    )


@rule(
    "aches_in_arms_and_legs", Level.SEE_CLINICIAN, src.BSR_PMR,
    """Aches in both arms and both legs together, without numbness or weakness, usually
    come from the muscles or the joints around them: polymyalgia rheumatica after 50, a
    cholesterol-lowering statin, or a virus. See a doctor in the coming days for an
    examination and a blood test; the same day if your urine turns dark or you cannot get up
    from a chair.""",
)
def aches_in_arms_and_legs(intake: Intake) -> bool:
    return _aches_in_arms_and_legs(intake) and intake.cause != "overexertion"


@rule(
    "both_legs_sore_after_effort", Level.SEE_CLINICIAN, src.CKS_BACK,
    """Both legs ache after working them hard, which is usually ordinary soreness, but you
    marked symptoms in both legs, so have it checked in the coming days. If it is numbness,
    tingling or weakness rather than an ache, get help today; if numbness spreads between
    the legs or your bladder or bowel change, call the emergency number.""",
)
def both_legs_sore_after_effort(intake: Intake) -> bool:
    return (
        "bilateral_leg_symptoms" in intake.symptoms
        and intake.cause == "overexertion"
        and not intake.spinal
        and not both_legs_with_back_pain.applies(intake)
        and not _exertional_lower_legs(intake)
        and not _long_standing_both_legs(intake)
        and not early_overuse_pattern(intake)
    )


@rule(
    "sudden_limb_weakness", Level.EMERGENCY, src.STROKE_FAST,
    """A leg that has suddenly become weak without back pain, sciatica or an injury to
    explain it, or an arm and a leg weak together, can be a stroke. Call the emergency
    number now.""",
)
def sudden_limb_weakness(intake: Intake) -> bool:
    if {"arm_weakness", "leg_weakness"} <= intake.symptoms:
        return True
    return (
        "leg_weakness" in intake.symptoms
        and intake.onset_hours_ago <= SUDDEN_WEAKNESS_HOURS
        and intake.cause in ("unknown", "medical_condition")
        and not intake.spinal
        and "leg_pain_below_knee" not in intake.symptoms
    )


@rule(
    "new_leg_weakness", Level.URGENT, src.NG59,
    """A leg or foot that has become weak (the foot slaps down, the leg gives way) means a
    nerve is not working properly. A doctor should examine you today so that it can be
    treated before the weakness lasts.""",
)
def new_leg_weakness(intake: Intake) -> bool:
    return (
        "leg_weakness" in intake.symptoms
        and "bilateral_leg_symptoms" not in intake.symptoms
        and not sudden_limb_weakness.applies(intake)
    )


@rule(
    "sudden_arm_weakness", Level.EMERGENCY, src.STROKE_FAST,
    """An arm or hand that has suddenly become weak without an injury or strain to explain
    it can be a sign of a stroke or a problem with a blood vessel in the neck. Call the
    emergency number now.""",
)
def sudden_arm_weakness(intake: Intake) -> bool:
    return (
        "arm_weakness" in intake.symptoms
        and intake.onset_hours_ago <= SUDDEN_WEAKNESS_HOURS
        and intake.cause in ("unknown", "medical_condition")
    )


@rule(
    "new_arm_weakness", Level.URGENT, src.CKS_NECK,
    """An arm or hand that has become weak means a nerve or tendon is not working
    properly. A doctor should examine you today.""",
)
def new_arm_weakness(intake: Intake) -> bool:
    return (
        "arm_weakness" in intake.symptoms
        and not sudden_arm_weakness.applies(intake)
        and not sudden_limb_weakness.applies(intake)
    )


@rule(
    "leg_numbness", Level.SEE_CLINICIAN, src.CKS_SCIATICA,
    """Pins and needles or numbness in a leg means a nerve is irritated. It often settles,
    but a doctor or physical therapist should check your nerves in the coming days. If the
    leg becomes weak, or numbness spreads between the legs, get help at once.""",
)
def leg_numbness(intake: Intake) -> bool:
    return "leg_numbness_tingling" in intake.symptoms


@rule(
    "arm_numbness", Level.SEE_CLINICIAN, src.CKS_NECK,
    """Pins and needles or numbness in an arm means a nerve is irritated, often in the
    neck. A doctor or physical therapist should check it in the coming days. If the arm
    becomes weak, get help the same day.""",
)
def arm_numbness(intake: Intake) -> bool:
    return "arm_numbness_tingling" in intake.symptoms


# Sciatica usually settles within weeks (NICE CKS), but severe or worsening leg
# pain should be examined rather than waited out.
SEVERE_SCIATICA_INTENSITY = 8


@rule(
    "sciatica_not_settling", Level.SEE_CLINICIAN, src.CKS_SCIATICA,
    """Pain shooting down the leg that is severe or getting worse should be examined by a
    doctor or physical therapist, who can check the nerve and help with the pain.""",
)
def sciatica_not_settling(intake: Intake) -> bool:
    return "leg_pain_below_knee" in intake.symptoms and (
        intake.trend == "worse" or intake.intensity >= SEVERE_SCIATICA_INTENSITY
    )


RULES = (
    saddle_numbness,
    bladder_dysfunction,
    bowel_incontinence,
    both_legs_with_back_pain,
    both_legs_long_standing,
    exercise_pain_in_both_lower_legs,
    aches_in_arms_and_legs,
    both_legs_affected,
    both_legs_sore_after_effort,
    sudden_limb_weakness,
    new_leg_weakness,
    sudden_arm_weakness,
    new_arm_weakness,
    leg_numbness,
    arm_numbness,
    sciatica_not_settling,
)

"""Heart, lung and blood-vessel emergencies that can feel like back or shoulder pain."""

from __future__ import annotations

from unknot.engine.intake import Intake
from unknot.engine.triage import sources as src
from unknot.engine.triage.base import Level, rule

# Chest-wall strain after a workout is common and a chest_pain tick alone in a
# young person who strained the chest is still checked the same day, not
# dismissed: heart attacks also happen in the gym (NICE CG95).
YOUNG_ADULT_AGE = 40
# NICE CG95 grades chest pain by time: within 12 hours an emergency, 12 to 72
# hours a same-day assessment, longer ago an assessment without that hurry.
# Chest pain that has gone on for more than three days without getting worse,
# without breathlessness and without spreading to the arm, neck or jaw is not
# a heart attack in progress: unexplained, it is still seen the same day at any
# age (pericarditis, a clot in the lung or a collapsed lung can hurt for days in
# the young too); after a strain or a knock it is the chest wall, examined in the
# coming days.
SETTLED_CHEST_HOURS = 72
# CG95 treats chest pain felt now as current, whenever it began: severe pain at
# the moment of asking (7 or more out of 10) is never put down as settled.
SEVERE_CHEST_PAIN = 7
CHEST_ALARMS = frozenset({"shortness_of_breath", "pain_spreading_to_arm_or_jaw",
                          "sudden_tearing_pain"})


def _chest_pain_reported(intake: Intake) -> bool:
    # Marking the chest on the body map with no strain or injury to explain it is
    # reporting chest pain, whether or not the symptom was ticked too.
    unexplained_chest = "chest" in intake.area_set and intake.cause in (
        "unknown", "medical_condition"
    )
    return "chest_pain" in intake.symptoms or unexplained_chest


def _settled_chest_pain(intake: Intake) -> bool:
    return (
        _chest_pain_reported(intake)
        and intake.onset_hours_ago > SETTLED_CHEST_HOURS
        and intake.trend != "worse"
        and intake.symptoms.isdisjoint(CHEST_ALARMS)
        and intake.intensity < SEVERE_CHEST_PAIN
    )


@rule(
    "chest_pain", Level.EMERGENCY, src.CG95_CHEST,
    """Pain, pressure or tightness in the chest can come from the heart, even when the back
    or shoulder hurts too. Call the emergency number now; do not drive yourself.""",
)
def chest_pain(intake: Intake) -> bool:
    return (
        _chest_pain_reported(intake)
        and not chest_wall_strain.applies(intake)
        and not chest_muscle_soreness.applies(intake)
        and not _settled_chest_pain(intake)
    )


@rule(
    "lasting_chest_pain", Level.URGENT, src.CG95_CHEST,
    """Chest pain that has gone on for days without getting worse is less likely to be a
    heart attack, but chest pain without a strain to explain it still needs a doctor today.
    Call the emergency number if it becomes a pressure or tightness, spreads to the arm, neck
    or jaw, or you feel breathless, sweaty or sick.""",
)
def lasting_chest_pain(intake: Intake) -> bool:
    return (
        _settled_chest_pain(intake)
        and not settled_chest_wall_pain.applies(intake)
    )


@rule(
    "settled_chest_wall_pain", Level.SEE_CLINICIAN, src.CG95_CHEST,
    """Chest pain that began with a strain, a cough or a knock and has stayed the same or
    eased for days is most often the muscles, ribs or cartilage of the chest wall. Have it
    examined in the coming days. Call the emergency number if it becomes a pressure or
    tightness, spreads to the arm, neck or jaw, or you feel breathless, sweaty or sick.""",
)
def settled_chest_wall_pain(intake: Intake) -> bool:
    return (
        _settled_chest_pain(intake)
        and intake.cause in ("overexertion", "injury")
        # the strain explains the chest pain only when the chest is where it hurts
        and "chest" in intake.area_set
    )


# Under 40, chest pain that began with a chest workout or a knock and is first
# felt the next day is the muscles' delayed soreness (peaking at one to three
# days, Cheung 2003), not pain that started during the effort: CG95's 12 hours.
DURING_EFFORT_HOURS = 12


@rule(
    "chest_muscle_soreness", Level.SEE_CLINICIAN, src.CG95_CHEST,
    """Chest pain that came on the day after working the chest muscles, in someone under 40
    with no breathlessness and nothing spreading to the arm, neck or jaw, is most often sore
    muscles. Have it checked in the coming days. Call the emergency number if it becomes a
    pressure or tightness, spreads, or you feel breathless, sweaty or sick.""",
)
def chest_muscle_soreness(intake: Intake) -> bool:
    return (
        "chest_pain" in intake.symptoms
        and "chest" in intake.area_set
        and intake.cause in ("overexertion", "injury")
        and intake.age < YOUNG_ADULT_AGE
        and intake.onset_hours_ago > DURING_EFFORT_HOURS
        and intake.symptoms.isdisjoint(CHEST_ALARMS)
        and intake.trend != "worse"
        and not _settled_chest_pain(intake)
    )


@rule(
    "chest_wall_strain_check", Level.URGENT, src.CG95_CHEST,
    """Chest pain after straining the chest muscles is usually the muscle, but chest pain
    always deserves a doctor's check today. If it becomes a pressure or tightness, spreads
    to the arm, neck or jaw, or you feel breathless, sweaty or sick, call the emergency
    number.""",
)
def chest_wall_strain(intake: Intake) -> bool:
    return (
        "chest_pain" in intake.symptoms
        and "chest" in intake.area_set
        and intake.cause in ("overexertion", "injury")
        and intake.age < YOUNG_ADULT_AGE
        and intake.symptoms.isdisjoint({"shortness_of_breath", "pain_spreading_to_arm_or_jaw"})
        and not _settled_chest_pain(intake)
        # Soreness from a workout eases; chest pain that keeps getting worse after
        # the first day is not put down to it.
        and (intake.onset_hours_ago <= DURING_EFFORT_HOURS or intake.trend == "worse")
    )


@rule(
    "pain_spreading_to_arm_or_jaw", Level.EMERGENCY, src.CG95_CHEST,
    """Pain that spreads to the arm, neck or jaw, with chest pain or without a strain or
    injury to explain it, can be a heart attack, even when it started in the back or
    shoulder. Call the emergency number now.""",
)
def pain_spreading(intake: Intake) -> bool:
    # Heart pain often comes on with effort (walking uphill, a workout): from 40,
    # pain spreading to the arm, neck or jaw within CG95's 12 hours is not put
    # down to a strain, unless an injury explains it.
    during_effort_from_40 = (
        intake.age >= YOUNG_ADULT_AGE
        and intake.onset_hours_ago <= DURING_EFFORT_HOURS
        and not intake.injured
    )
    return "pain_spreading_to_arm_or_jaw" in intake.symptoms and (
        intake.cause in ("unknown", "medical_condition")
        or "chest_pain" in intake.symptoms
        or during_effort_from_40
    )


@rule(
    "pain_spreading_after_strain", Level.URGENT, src.CG95_CHEST,
    """Pain spreading into the arm, neck or jaw is usually a nerve after a strain, but the
    heart can do the same. A doctor should check you today; call the emergency number if
    you feel chest pressure, breathlessness, sweating or sickness.""",
)
def pain_spreading_after_strain(intake: Intake) -> bool:
    return "pain_spreading_to_arm_or_jaw" in intake.symptoms and not pain_spreading.applies(
        intake
    )


@rule(
    "shortness_of_breath", Level.EMERGENCY, src.NG158_VTE,
    """Being breathless at rest or on light effort, with pain in the back, chest, shoulder
    or leg, can mean a blood clot in the lung, a collapsed lung or a heart problem. Call the
    emergency number now.""",
)
def shortness_of_breath(intake: Intake) -> bool:
    return "shortness_of_breath" in intake.symptoms


@rule(
    "sudden_tearing_pain", Level.EMERGENCY, src.AORTA,
    """Sudden, severe, tearing or ripping pain in the back or belly can be a tear in the
    body's main artery (aorta). Call the emergency number now.""",
)
def sudden_tearing_pain(intake: Intake) -> bool:
    return "sudden_tearing_pain" in intake.symptoms


# NICE CKS (renal colic) and NG156: consider a leaking abdominal aortic
# aneurysm in anyone over 60 with new back, flank or belly pain. No guideline
# sets a pain score. Our own cut-offs: pain reaching the belly counts from 6 out
# of 10; back pain alone, very common at that age, from 8 (severe).
AAA_AGE = 60
STRONG_PAIN = 6
SEVERE_PAIN = 8
SUDDEN_HOURS = 48
# An abdominal aneurysm hurts in the belly, flank or lower back; tearing pain
# higher up (dissection) has its own symptom code.
TRUNK_AREAS = frozenset({"abdomen", "lower_back"})


def _sudden_strong_trunk_pain(intake: Intake) -> bool:
    # A strain explains back pain, but not back pain that spreads to the belly.
    explained = intake.cause == "overexertion" and "abdomen" not in intake.area_set
    return (
        not intake.area_set.isdisjoint(TRUNK_AREAS)
        and not explained
        and not intake.injured
        and intake.onset_hours_ago <= SUDDEN_HOURS
        and intake.intensity
        >= (STRONG_PAIN if "abdomen" in intake.area_set else SEVERE_PAIN)
    )


@rule(
    "sudden_severe_pain_over_60", Level.EMERGENCY, src.AAA,
    """New, strong back or belly pain with no strain or injury to explain it, after 60, can
    come from a leaking swelling of the main artery (aortic aneurysm). Call the emergency
    number now.""",
)
def sudden_severe_pain_over_60(intake: Intake) -> bool:
    return intake.age >= AAA_AGE and _sudden_strong_trunk_pain(intake)


@rule(
    "sudden_severe_back_and_belly_pain", Level.URGENT, src.CKS_RENAL_COLIC,
    """Sudden, severe pain in the back and belly together with no strain to explain it can
    come from the kidneys, the pancreas or a blood vessel. See a doctor today; call the
    emergency number if you feel faint or it gets worse.""",
)
def sudden_severe_back_and_belly_pain(intake: Intake) -> bool:
    return (
        intake.age < AAA_AGE
        and "abdomen" in intake.area_set
        and intake.spinal
        and intake.cause != "overexertion"
        and _sudden_strong_trunk_pain(intake)
    )


RULES = (
    sudden_severe_pain_over_60,
    sudden_severe_back_and_belly_pain,
    chest_pain,
    lasting_chest_pain,
    settled_chest_wall_pain,
    chest_muscle_soreness,
    chest_wall_strain,
    pain_spreading,
    pain_spreading_after_strain,
    shortness_of_breath,
    sudden_tearing_pain,
)

"""Pain that goes beyond the usual course of sore muscles and back pain."""

from __future__ import annotations

from unknot.engine.intake import ARM_AREAS, SPINAL_AREAS, Intake
from unknot.engine.triage import sources as src
from unknot.engine.triage.base import Level, rule
from unknot.engine.triage.rules.benign import (
    early_overuse_pattern,
    osteoarthritis_flare_pattern,
    pregnancy_back_pain_pattern,
    recurring_cramps_pattern,
    vaccine_reaction_pattern,
)
from unknot.engine.triage.rules.sport import recurrent_muscle_strain

HOUR_PER_DAY = 24
# Delayed-onset muscle soreness peaks at 24-72 hours and is mostly gone within
# 5-7 days (Cheung, Hume & Maxwell 2003). Past a week without easing, or past
# two weeks at all, it is no longer ordinary soreness.
SORENESS_USUAL_DAYS = 7
SORENESS_LONGEST_DAYS = 14
# Most acute back and neck pain improves within six weeks (NICE NG59/CKS).
BACK_PAIN_USUAL_WEEKS = 6
# Soreness gets worse for the first two to three days; worse after that is not
# the usual course.
WORSENING_ALLOWED_HOURS = 72
# A function limit of 8+ out of 10 means most daily tasks are impossible; for
# a day or two after a hard effort that can happen, lasting longer it needs care.
SEVERE_FUNCTION_LIMIT = 8
SEVERE_FUNCTION_HOURS = 48
WORST_PAIN = 9
# NICE NG65 considers spondyloarthritis in back pain lasting 3 months or more;
# morning stiffness over 30 minutes is an inflammatory feature in the Berlin
# criteria (Rudwaleit 2006).
INFLAMMATORY_MIN_HOURS = 3 * 30 * HOUR_PER_DAY
# Pain still this strong two weeks after a sprain suggests a tear or small break.
STILL_STRONG = 6
# Unable to do almost anything (9 or 10 of 10) two days on needs help even if
# it has begun to ease.
DISABLING_FUNCTION_LIMIT = 9
# BSR: polymyalgia rheumatica presents after 50 with shoulder or hip girdle
# stiffness over 45 minutes in the morning.
PMR_MIN_AGE = 50
# Three or more episodes a year is recurrent pain that a physical therapist can
# help break (NICE NG59 recommends exercise programmes for it).
RECURRENT_EPISODES = 3


def _spinal(intake: Intake) -> bool:
    return not intake.area_set.isdisjoint(SPINAL_AREAS)


@rule(
    "soreness_not_easing", Level.SEE_CLINICIAN, src.DOMS,
    """Muscle soreness usually peaks within three days and fades within a week. Yours is
    lasting longer than that, so a doctor or physical therapist should look for a strain or
    another cause.""",
)
def soreness_not_easing(intake: Intake) -> bool:
    # Buttock pain that comes with low back pain is part of the back pain and
    # follows its six-week course (NICE NG59), as does pelvic girdle pain.
    back = SPINAL_AREAS | ({"glutes"} if _spinal(intake) else set())
    limbs_or_trunk = not intake.area_set <= back
    if intake.cause not in ("overexertion", "unknown") or not limbs_or_trunk:
        return False
    if intake.days > BACK_PAIN_USUAL_WEEKS * 7:  # pain_past_six_weeks speaks then
        return False
    if early_overuse_pattern(intake) or recurring_cramps_pattern(intake):
        return False
    return (intake.days > SORENESS_USUAL_DAYS and intake.trend != "better") or (
        intake.days > SORENESS_LONGEST_DAYS
    )


@rule(
    "back_pain_past_six_weeks", Level.SEE_CLINICIAN, src.NG59,
    """Most back and neck pain improves within six weeks. Yours has lasted longer, so a
    doctor or physical therapist should assess it and plan treatment with you, such as
    an exercise programme.""",
)
def back_pain_past_six_weeks(intake: Intake) -> bool:
    return _spinal(intake) and intake.days > BACK_PAIN_USUAL_WEEKS * 7


@rule(
    "pain_past_six_weeks", Level.SEE_CLINICIAN, src.CKS_SPRAINS,
    """Pain in muscles or joints that lasts more than six weeks is beyond the usual time to
    heal. A doctor or physical therapist should find out what keeps it going.""",
)
def pain_past_six_weeks(intake: Intake) -> bool:
    return (
        not _spinal(intake)
        and intake.days > BACK_PAIN_USUAL_WEEKS * 7
        and not recurring_cramps_pattern(intake)
    )


@rule(
    "injury_not_easing", Level.SEE_CLINICIAN, src.CKS_SPRAINS,
    """A sprain or knock usually eases clearly within a week or two. Yours is still strong
    or not easing, so it should be examined for a tear or a small break.""",
)
def injury_not_easing(intake: Intake) -> bool:
    still_strong = intake.intensity >= STILL_STRONG or intake.function_limit >= STILL_STRONG
    return (
        intake.injured
        and intake.days > SORENESS_LONGEST_DAYS
        and (intake.trend != "better" or still_strong)
        and not pain_past_six_weeks.applies(intake)
        and not back_pain_past_six_weeks.applies(intake)
    )


# A twisted knee, ankle, wrist or shoulder that is no better after three days
# may hide a torn ligament or cartilage, or a small break (NICE CKS knee pain;
# Ottawa knee and ankle rules for who needs an X-ray).
JOINT_AREAS = frozenset({"knee", "ankle_foot", "forearm_wrist", "shoulder", "hip"})
JOINT_REVIEW_HOURS = 72


@rule(
    "injured_joint_not_improving", Level.SEE_CLINICIAN, src.CKS_KNEE,
    """A twisted or knocked joint that is no better after three days may have a torn
    ligament or cartilage, or a small break. Have it examined in the coming days.""",
)
def injured_joint_not_improving(intake: Intake) -> bool:
    return (
        intake.injured
        and not intake.area_set.isdisjoint(JOINT_AREAS)
        and intake.onset_hours_ago > JOINT_REVIEW_HOURS
        and intake.trend != "better"
        and intake.days <= SORENESS_LONGEST_DAYS  # later, injury_not_easing speaks
    )


@rule(
    "bruise_after_sudden_pull", Level.SEE_CLINICIAN, src.MUSCLE_TEAR,
    """A bruise after a sudden pull or twist means there is bleeding inside, usually from a
    torn muscle or ligament. Have it examined in the coming days to see how bad the tear
    is and how to load it as it heals.""",
)
def bruise_after_sudden_pull(intake: Intake) -> bool:
    return (
        intake.cause == "injury"
        and intake.trauma == "none"
        and "bruising" in intake.symptoms
    )


@rule(
    "worsening_after_first_days", Level.SEE_CLINICIAN, src.CKS_REVIEW,
    """Pain that is still getting worse after the first three days, despite looking after
    it, is not the usual course. A doctor or physical therapist should examine it.""",
)
def worsening(intake: Intake) -> bool:
    return intake.trend == "worse" and intake.onset_hours_ago > WORSENING_ALLOWED_HOURS


@rule(
    "severe_loss_of_function", Level.SEE_CLINICIAN, src.CKS_REVIEW,
    """The pain has stopped you doing most everyday things for more than two days. A doctor
    or physical therapist should assess it and help you with pain relief so you can move
    again.""",
)
def severe_loss_of_function(intake: Intake) -> bool:
    return (
        intake.onset_hours_ago > SEVERE_FUNCTION_HOURS
        and (
            intake.function_limit >= DISABLING_FUNCTION_LIMIT
            or (intake.function_limit >= SEVERE_FUNCTION_LIMIT and intake.trend != "better")
        )
    )


@rule(
    "worst_pain", Level.SEE_CLINICIAN, src.CKS_REVIEW,
    """Pain this severe is beyond what simple soreness causes. A doctor should see you in
    the next day or two, and sooner if anything new appears.""",
)
def worst_pain(intake: Intake) -> bool:
    return intake.intensity >= WORST_PAIN or (
        intake.function_limit >= SEVERE_FUNCTION_LIMIT and intake.intensity >= SEVERE_FUNCTION_LIMIT
        and intake.trend != "better"
    )


@rule(
    "inflammatory_back_pain", Level.SEE_CLINICIAN, src.BERLIN_IBP,
    """Back pain for three months or more that is stiff for over half an hour each morning
    and eases with movement can be an inflammatory condition of the spine
    (spondyloarthritis). Ask a doctor about a referral to a rheumatologist.""",
)
def inflammatory_back_pain(intake: Intake) -> bool:
    return (
        "morning_stiffness_over_30_min" in intake.symptoms
        and _spinal(intake)
        and intake.onset_hours_ago >= INFLAMMATORY_MIN_HOURS
    )


@rule(
    "girdle_stiffness_over_50", Level.SEE_CLINICIAN, src.BSR_PMR,
    """Long morning stiffness of the shoulders, neck or hips after 50 can be polymyalgia
    rheumatica, which a blood test can show and treatment eases quickly. See a doctor in the
    coming days; the same day if you have headaches, scalp tenderness or sight problems.""",
)
def girdle_stiffness_over_50(intake: Intake) -> bool:
    return (
        "morning_stiffness_over_30_min" in intake.symptoms
        and intake.age >= PMR_MIN_AGE
        and not intake.area_set.isdisjoint(ARM_AREAS | {"neck", "hip", "glutes"})
        and intake.cause != "overexertion"
    )


@rule(
    "lasting_morning_stiffness", Level.SEE_CLINICIAN, src.BERLIN_IBP,
    """Stiffness that lasts over half an hour every morning, for more than six weeks, is
    worth a doctor's check for an inflammatory cause.""",
)
def lasting_morning_stiffness(intake: Intake) -> bool:
    return (
        "morning_stiffness_over_30_min" in intake.symptoms
        and intake.days > BACK_PAIN_USUAL_WEEKS * 7
        and not inflammatory_back_pain.applies(intake)
        and not girdle_stiffness_over_50.applies(intake)
    )


@rule(
    "recurrent_episodes", Level.SEE_CLINICIAN, src.NG59,
    """This keeps coming back. A physical therapist can find out why and give you a
    strengthening programme that makes new episodes less likely.""",
)
def recurrent_episodes(intake: Intake) -> bool:
    return (
        (intake.episodes_past_year or 0) >= RECURRENT_EPISODES
        and not recurrent_muscle_strain.applies(intake)
    )


@rule(
    "medical_condition", Level.SEE_CLINICIAN, src.NG59,
    """You think an illness is behind the pain, so its care should be guided by a doctor
    who knows it. Book an appointment in the coming days; the relief plan below is safe to
    use meanwhile unless your doctor has said otherwise.""",
)
def medical_condition(intake: Intake) -> bool:
    return (
        intake.cause == "medical_condition"
        and not osteoarthritis_flare_pattern(intake)
        and not pregnancy_back_pain_pattern(intake)
        and not vaccine_reaction_pattern(intake)
    )


RULES = (
    soreness_not_easing,
    back_pain_past_six_weeks,
    pain_past_six_weeks,
    injury_not_easing,
    injured_joint_not_improving,
    bruise_after_sudden_pull,
    worsening,
    severe_loss_of_function,
    worst_pain,
    inflammatory_back_pain,
    girdle_stiffness_over_50,
    lasting_morning_stiffness,
    recurrent_episodes,
    medical_condition,
)

"""Common patterns that look worrying on a form but follow a harmless, well-known course.

Each pattern here is narrow on purpose: it needs every sign of the harmless
course together, and any warning sign at all takes it away. When one matches,
the rule that would otherwise escalate stays silent and a self-care finding
says why, with the signs that should still send the person for help
(safety-netting, as NICE NG51 asks for people cared for at home).
"""

from __future__ import annotations

from unknot.engine.intake import ARM_AREAS, LEG_AREAS, SPINAL_AREAS, Intake
from unknot.engine.triage import sources as src
from unknot.engine.triage.base import Level, rule

# --- Flu-like aches ----------------------------------------------------------
# Influenza aches the back and the limbs together, with fever, for a few days;
# most healthy adults recover at home within a week (NICE CKS influenza). Over
# 65, or with any risk of a serious infection, the fever rules speak instead,
# and so they do for the shapes of a local infection: a fever with pain in the
# chest or belly (lungs, kidneys, appendix), or with back pain reaching only the
# buttock and back of the thigh (a spinal infection or abscess, NICE CKS).
# NICE NG51 counts a new loss of the ability to get about as a sepsis warning,
# so the pattern needs a person who still gets about.
#
# A pattern that silences a rule must never be switched on by reporting one
# more symptom or risk, or a worse answer could lower the level: so the shape
# of widespread aches is defined with or without the fever (its calf ache is
# not a clot, which is one-sided), and only the fever rules wait on the fever.
FLU_MAX_AGE = 64
FLU_MAX_HOURS = 5 * 24
FLU_MIN_AREAS = 3
FLU_PAIN = 6
FLU_LIMIT = 5
SERIOUS_INFECTION_RISKS = frozenset(
    {"immunosuppressed", "long_term_steroids", "iv_drug_use", "recent_infection",
     "spinal_surgery", "cancer"}
)
TRUNK_AREAS = frozenset({"chest", "abdomen"})
# Muscles that ache in flu away from where back pain spreads to.
FLU_MUSCLES = frozenset(
    {"shoulder", "upper_arm", "forearm_wrist", "front_thigh", "calf", "shin"}
)


def _regions(intake: Intake) -> int:
    areas = intake.area_set
    return sum(not areas.isdisjoint(region) for region in (SPINAL_AREAS, ARM_AREAS, LEG_AREAS))


def widespread_aches_pattern(intake: Intake) -> bool:
    return (
        intake.symptoms <= {"fever_or_chills"}
        and intake.history.isdisjoint(SERIOUS_INFECTION_RISKS)
        and intake.age <= FLU_MAX_AGE
        and not intake.injured
        and intake.cause in ("unknown", "medical_condition")
        and len(intake.area_set) >= FLU_MIN_AREAS
        and _regions(intake) >= 2
        and intake.area_set.isdisjoint(TRUNK_AREAS)
        and not (intake.age >= 50 and not intake.area_set.isdisjoint({"upper_back", "mid_back"}))
        and not intake.area_set.isdisjoint(FLU_MUSCLES)
        and intake.onset_hours_ago <= FLU_MAX_HOURS
        and intake.trend != "worse"
        and intake.intensity <= FLU_PAIN
        and intake.function_limit <= FLU_LIMIT
    )


def _flu_like(intake: Intake) -> bool:
    return widespread_aches_pattern(intake) and "fever_or_chills" in intake.symptoms


def _flu_with_neck(intake: Intake) -> bool:
    # A painful, stiff neck with fever is meningitis until shown otherwise (NICE
    # NG240); an ache of the neck among aches of the back and limbs is the flu's
    # pattern, still worth a doctor's look, with the signs of meningitis spelled out.
    return _flu_like(intake) and "neck" in intake.area_set


@rule(
    "flu_like_aches_with_neck", Level.SEE_CLINICIAN, src.CKS_FLU,
    """A fever with aches in the neck, back and limbs together is most often flu or another
    virus. Rest and drink plenty, and have a doctor check you in the next day or two. Call
    the emergency number at once if bending your chin to your chest is hard or very painful,
    light hurts your eyes, you get a bad headache, feel drowsy or confused, or a rash does not
    fade when pressed with a glass: that can be meningitis.""",
)
def flu_like_aches_with_neck(intake: Intake) -> bool:
    return _flu_with_neck(intake)


def flu_with_neck_pattern(intake: Intake) -> bool:
    return _flu_with_neck(intake)


@rule(
    "flu_like_aches", Level.SELF_CARE, src.CKS_FLU,
    """Aches in the back and limbs together with a fever, for a few days, are most often
    flu or another virus, which a healthy adult gets over at home: rest, drink plenty and
    take paracetamol. Get help the same day if you become breathless, confused, very
    drowsy, get a rash that does not fade when pressed, a stiff neck, or the fever lasts
    beyond five days.""",
)
def flu_like_aches(intake: Intake) -> bool:
    return _flu_like(intake) and not _flu_with_neck(intake)


# --- A vaccine's expected reaction ------------------------------------------------
# A sore upper arm and feeling shivery in the first two days after a jab are
# expected and settle by themselves (UKHSA Green Book, chapter 8). The form has
# no answer for a jab: the person names a cause, and the pattern needs the arm
# alone, mild pain, normal use and no sign but the shivers (with or without
# them, so that reporting them never lowers the level), so that an infected
# joint or skin (worse pain, swelling, a limb that stops working) keeps the
# fever rules.
JAB_HOURS = 48
JAB_PAIN = 3
JAB_LIMIT = 2
JAB_AREAS = frozenset({"shoulder", "upper_arm"})


def vaccine_reaction_pattern(intake: Intake) -> bool:
    return (
        intake.symptoms <= {"fever_or_chills"}
        and intake.cause == "medical_condition"
        and intake.area_set <= JAB_AREAS
        and not intake.injured
        and intake.history.isdisjoint(SERIOUS_INFECTION_RISKS)
        and intake.age <= FLU_MAX_AGE
        and intake.onset_hours_ago <= JAB_HOURS
        and intake.trend != "worse"
        and intake.intensity <= JAB_PAIN
        and intake.function_limit <= JAB_LIMIT
    )


@rule(
    "vaccine_reaction", Level.SELF_CARE, src.GREEN_BOOK,
    """If you had a vaccine in the last two days, a sore upper arm, perhaps with feeling
    shivery, is its expected reaction and settles by itself: move the arm gently and take
    paracetamol if you need it. If you have had no vaccine, or the arm swells, turns red and
    hot, the pain grows or the fever lasts beyond two days, see a doctor the same day.""",
)
def vaccine_reaction(intake: Intake) -> bool:
    return vaccine_reaction_pattern(intake)


# --- A small bruise on blood thinners ------------------------------------------
# Anticoagulants make bruises bigger, not every knock dangerous: small bruises are
# expected and need no action (NICE CKS anticoagulation); what matters is bleeding
# that keeps going (swelling that grows, pain that builds, a limb that stops
# working) and any knock to the head, neck or back.
SMALL_KNOCK_PAIN = 4
SMALL_KNOCK_LIMIT = 3
# A fall, not a bump: from 65 a fall from standing often includes a blow to the
# head that the intake cannot record, and on an anticoagulant that needs a scan
# within 8 hours (NICE NG232 head injury). The intake's "minor" covers a fall and
# a knock alike, so within those 8 hours it is never put down as a small bruise.
FALL_AGE = 65
HEAD_SCAN_HOURS = 8


def small_bruise_on_blood_thinners_pattern(intake: Intake) -> bool:
    return (
        "blood_thinners" in intake.history
        and intake.injured
        and intake.trauma != "major"
        and not intake.spinal
        and not (intake.age >= FALL_AGE and intake.trauma == "minor"
                 and intake.onset_hours_ago <= HEAD_SCAN_HOURS)
        # Bleeding inside the chest or belly does not show as a bruise.
        and intake.area_set.isdisjoint({"chest", "abdomen"})
        and intake.symptoms <= {"bruising"}
        and intake.intensity <= SMALL_KNOCK_PAIN
        and intake.function_limit <= SMALL_KNOCK_LIMIT
        and intake.trend != "worse"
    )


@rule(
    "small_bruise_on_blood_thinners", Level.SELF_CARE, src.BLEEDING,
    """A small bruise after a knock is expected when you take a blood thinner, and with
    little pain, no swelling and normal use of the limb it needs no more than watching.
    Get help the same day if the swelling grows, the pain builds, the limb becomes hard to
    use, or you also hit your head.""",
)
def small_bruise_on_blood_thinners(intake: Intake) -> bool:
    return small_bruise_on_blood_thinners_pattern(intake)


# --- A night cramp that is easing ----------------------------------------------
# A cramp tightens the calf suddenly, often at night, for seconds to minutes and
# can leave it sore for a day (NICE CKS leg cramps). A clot does not come and go
# overnight: calf pain that is already easing within a day, with no swelling,
# is a cramp; pain that stays or grows keeps the clot rule.
CRAMP_HOURS = 24
CRAMP_PAIN = 5
CRAMP_LIMIT = 3
CRAMP_AREAS = frozenset({"calf", "ankle_foot"})


def easing_night_cramp_pattern(intake: Intake) -> bool:
    return (
        "calf" in intake.area_set
        and intake.area_set <= CRAMP_AREAS
        and intake.cause == "unknown"
        and not intake.injured
        and intake.onset_hours_ago <= CRAMP_HOURS
        and intake.trend == "better"
        and intake.intensity <= CRAMP_PAIN
        and intake.function_limit <= CRAMP_LIMIT
        and not intake.symptoms
        and "cancer" not in intake.history
    )


@rule(
    "easing_cramp", Level.SELF_CARE, src.CKS_LEG_CRAMPS,
    """Sudden calf pain that came on, often at night, and is already easing within the day
    is most likely a cramp, which can leave the muscle sore for a day. Gentle calf
    stretches help. If the calf swells, stays painful or gets worse, or you become
    breathless, get help the same day: that can be a clot.""",
)
def easing_cramp(intake: Intake) -> bool:
    return easing_night_cramp_pattern(intake)


# --- The usual ache of known osteoarthritis --------------------------------------
# NICE NG226 diagnoses osteoarthritis without tests after 45 with activity-
# related joint pain and morning stiffness of 30 minutes or less, and manages its
# flares with exercise and self-management. The pattern needs the joints that
# osteoarthritis affects, no warning sign at all, and a flare of days, not weeks.
OA_MIN_AGE = 45
# The foot is left out: with a condition behind it (diabetes above all) a foot
# that hurts needs examining (NICE NG19).
OA_JOINTS = frozenset({"knee", "hip", "forearm_wrist"})
OA_FLARE_HOURS = 14 * 24
OA_PAIN = 6
OA_LIMIT = 5
OA_RISKS = frozenset(
    {"cancer", "immunosuppressed", "iv_drug_use", "recent_infection", "long_term_steroids",
     "blood_thinners"}
)


def osteoarthritis_flare_pattern(intake: Intake) -> bool:
    return (
        intake.cause == "medical_condition"
        and intake.age >= OA_MIN_AGE
        and intake.area_set <= OA_JOINTS
        and not intake.symptoms
        and intake.history.isdisjoint(OA_RISKS)
        and intake.onset_hours_ago <= OA_FLARE_HOURS
        and intake.trend != "worse"
        and intake.intensity <= OA_PAIN
        and intake.function_limit <= OA_LIMIT
    )


@rule(
    "osteoarthritis_flare", Level.SELF_CARE, src.NG226_OA,
    """If this is your known osteoarthritis aching after more activity than usual, it
    usually settles within days: keep moving within comfort and pace the activity. If you
    had another illness in mind, or it has not settled in two weeks, see your doctor; at
    once if the joint becomes hot, red or very swollen, or you feel feverish.""",
)
def osteoarthritis_flare(intake: Intake) -> bool:
    return osteoarthritis_flare_pattern(intake)


# --- Overuse pain in its first weeks ------------------------------------------------
# Tennis elbow, plantar heel pain, kneecap pain, shin splints and pain on the
# outside of the hip come from doing more than the tendon or bone was used to.
# The guidelines start with load management and exercise and look again if the
# pain is not better in about six weeks (NICE CKS tennis elbow and plantar
# fasciitis; BJSM patellofemoral pain consensus; LEAP trial). Mild pain that is
# not getting worse in those weeks is on that course; muscle soreness after a
# single effort is not (it should be gone in a week) and keeps its own rule.
OVERUSE_SITES = frozenset({"knee", "ankle_foot", "forearm_wrist", "shin", "hip"})
OVERUSE_WEEKS_HOURS = 6 * 7 * 24
OVERUSE_PAIN = 4
OVERUSE_LIMIT = 3


# Without an activity to blame, hip pain in an older person and shin pain in a
# young one are examined rather than waited on (NICE NG12: unexplained bone
# pain in the young).
UNEXPLAINED_EXCLUDED = frozenset({"hip", "shin"})


def early_overuse_pattern(intake: Intake) -> bool:
    areas = intake.area_set
    # pain on the outside of the hip spreads into the buttock
    sites = OVERUSE_SITES | ({"glutes"} if "hip" in areas else set())
    if intake.cause == "unknown":
        sites = sites - UNEXPLAINED_EXCLUDED - {"glutes"}
    return (
        intake.cause in ("overexertion", "unknown")
        and not intake.injured
        and areas <= sites
        and intake.onset_hours_ago < OVERUSE_WEEKS_HOURS
        and intake.trend != "worse"
        and intake.intensity <= OVERUSE_PAIN
        and intake.function_limit <= OVERUSE_LIMIT
        and intake.symptoms <= {"bilateral_leg_symptoms"}
        and not intake.history
        and not (intake.episodes_past_year or 0)
    )


@rule(
    "early_overuse_pain", Level.SELF_CARE, src.OVERUSE,
    """Mild pain in a tendon or joint after doing more than usual (a new running plan, a
    day of pruning, hill walks) usually settles over a few weeks with less of the activity
    that provokes it and the exercises in the plan. See a doctor or physical therapist if it
    is not clearly better in six weeks, gets worse, hurts at night, or you start to limp.""",
)
def early_overuse_pain(intake: Intake) -> bool:
    return early_overuse_pattern(intake)


# --- Night cramps that keep coming back ---------------------------------------------
# Cramps in the calves at night are common from middle age, ease with
# stretching and leave little pain between attacks (NICE CKS leg cramps: review
# medicines, no tests needed). Any warning sign, or pain that limits the day,
# takes the pattern away.
RECURRING_CRAMP_PAIN = 3
RECURRING_CRAMP_LIMIT = 1
RECURRING_CRAMP_AREAS = frozenset({"calf", "ankle_foot", "back_thigh", "lower_back"})


def recurring_cramps_pattern(intake: Intake) -> bool:
    return (
        "calf" in intake.area_set
        and intake.area_set <= RECURRING_CRAMP_AREAS
        and intake.cause == "unknown"
        and not intake.injured
        and intake.trend != "worse"
        and intake.intensity <= RECURRING_CRAMP_PAIN
        and intake.function_limit <= RECURRING_CRAMP_LIMIT
        and not intake.symptoms
        and "cancer" not in intake.history
    )


@rule(
    "recurring_cramps", Level.SELF_CARE, src.CKS_LEG_CRAMPS,
    """Calf pain that comes and goes, with little pain between times and no limits on your
    day, fits night cramps, which calf stretches before bed often ease. Ask your doctor or
    pharmacist whether a medicine could cause them. If the calf swells or stays painful, get
    help the same day.""",
)
def recurring_cramps(intake: Intake) -> bool:
    return recurring_cramps_pattern(intake)


# --- Back and pelvic pain of pregnancy --------------------------------------------------
# Back and pelvic girdle pain are common in pregnancy and eased by exercise,
# posture and support (NICE NG201). Pregnancy is not an answer on the form; a
# woman of child-bearing age who names a condition behind mild, steady low back
# or pelvic pain with no warning sign at all is told what fits pregnancy, and to
# see her doctor or midwife if it is anything else.
PREGNANCY_AGES = range(16, 51)
# The groin is left out: one-sided groin or belly pain early in pregnancy can be
# an ectopic pregnancy.
PREGNANCY_AREAS = frozenset({"lower_back", "glutes", "hip"})
PREGNANCY_HOURS = 40 * 7 * 24
PREGNANCY_PAIN = 5
PREGNANCY_LIMIT = 4


def pregnancy_back_pain_pattern(intake: Intake) -> bool:
    return (
        intake.sex == "female"
        and intake.age in PREGNANCY_AGES
        and intake.cause == "medical_condition"
        and not intake.injured
        and "lower_back" in intake.area_set
        and intake.area_set <= PREGNANCY_AREAS
        and intake.onset_hours_ago <= PREGNANCY_HOURS
        and intake.trend != "worse"
        and intake.intensity <= PREGNANCY_PAIN
        and intake.function_limit <= PREGNANCY_LIMIT
        and not intake.symptoms
        and not intake.history
    )


@rule(
    "pregnancy_back_pain", Level.SELF_CARE, src.NG201_PREGNANCY,
    """If you are pregnant, an ache in the low back or pelvis that eases with rest is common
    and helped by gentle exercise, good posture and support; tell your midwife, who can refer
    you to a physical therapist. If the condition you have in mind is not pregnancy, book a
    doctor in the coming days. Get help at once for bleeding, fluid loss, tightenings, fever,
    or numbness between the legs.""",
)
def pregnancy_back_pain(intake: Intake) -> bool:
    return pregnancy_back_pain_pattern(intake)


RULES = (
    vaccine_reaction,
    flu_like_aches,
    flu_like_aches_with_neck,
    early_overuse_pain,
    recurring_cramps,
    pregnancy_back_pain,
    small_bruise_on_blood_thinners,
    easing_cramp,
    osteoarthritis_flare,
)

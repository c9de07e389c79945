"""Infection of the spine or blood, and cancer that has spread to the bones."""

from __future__ import annotations

from unknot.engine.intake import (
    LIMB_AREAS,
    NERVE_SYMPTOMS,
    SPINAL_AREAS,
    THORACIC_AREAS,
    Intake,
)
from unknot.engine.triage import sources as src
from unknot.engine.triage.base import Level, rule
from unknot.engine.triage.rules.benign import (
    flu_with_neck_pattern,
    vaccine_reaction_pattern,
    widespread_aches_pattern,
)

INFECTION_RISKS = frozenset(
    {"iv_drug_use", "immunosuppressed", "recent_infection", "spinal_surgery",
     "long_term_steroids"}
)
# NICE NG51 counts long-term steroids as weakened immunity, like chemotherapy
# or transplant drugs.
WEAK_IMMUNITY = frozenset({"immunosuppressed", "long_term_steroids"})
# NICE NG234 1.2: radicular pain, limb weakness, numbness, and bladder or bowel
# problems in someone with cancer are possible cord compression: act at once.
NEURO_DEFICITS = NERVE_SYMPTOMS | {"leg_pain_below_knee", "severe_muscle_weakness"}
# Thoracic pain and pain over 50 are flagged for a closer look at cancer in people
# who have had it (NICE NG234 1.1: spinal pain suggestive of metastases).
OLDER_AGE = 50


def _has_spinal_pain(intake: Intake) -> bool:
    return not intake.area_set.isdisjoint(SPINAL_AREAS)


@rule(
    "fever_with_weak_immunity", Level.EMERGENCY, src.NG51,
    """A fever or shivers when your immune system is weakened (by illness, chemotherapy,
    transplant drugs or long-term steroid tablets) can be a serious infection of the blood
    (sepsis), which can get worse within hours. Go to an emergency department now.""",
)
def fever_with_weak_immunity(intake: Intake) -> bool:
    return "fever_or_chills" in intake.symptoms and not intake.history.isdisjoint(WEAK_IMMUNITY)


@rule(
    "fever_with_spine_and_nerve_signs", Level.EMERGENCY, src.CKS_SPINAL_INFECTION,
    """A fever with back or neck pain and new weakness, numbness or bladder problems can be
    an abscess pressing on the spinal cord. Go to an emergency department now.""",
)
def fever_with_spine_and_nerve_signs(intake: Intake) -> bool:
    return (
        "fever_or_chills" in intake.symptoms
        and intake.spinal
        and not intake.symptoms.isdisjoint(NERVE_SYMPTOMS)
    )


@rule(
    "fever_with_neck_pain", Level.EMERGENCY, src.NG240_MENINGITIS,
    """A fever or shivers with a painful, stiff neck can be meningitis, an infection around
    the brain that gets worse within hours. Call the emergency number now, especially if you
    also have a headache, dislike bright light, feel drowsy or have a rash.""",
)
def fever_with_neck_pain(intake: Intake) -> bool:
    return (
        "fever_or_chills" in intake.symptoms
        and "neck" in intake.area_set
        and not flu_with_neck_pattern(intake)
    )


@rule(
    "fever_with_severe_pain_or_swelling", Level.EMERGENCY, src.NG141_FASCIITIS,
    """A fever with pain far worse than expected, or a hugely swollen area, can be a fast
    spreading infection under the skin (necrotising fasciitis) or a blood infection. Go to an
    emergency department now.""",
)
def fever_with_severe_pain_or_swelling(intake: Intake) -> bool:
    return "fever_or_chills" in intake.symptoms and not intake.symptoms.isdisjoint(
        {"pain_out_of_proportion", "severe_swelling"}
    )


@rule(
    "fever_and_cannot_stand", Level.EMERGENCY, src.HOT_JOINT,
    """A fever with a joint or limb too painful to stand on, or so weak you cannot get up,
    can be an infected joint or bone or an infection of the blood (sepsis). Go to an
    emergency department now.""",
)
def fever_and_cannot_stand(intake: Intake) -> bool:
    return "fever_or_chills" in intake.symptoms and not intake.symptoms.isdisjoint(
        {"cannot_bear_weight", "severe_muscle_weakness"}
    )


@rule(
    "fever_with_pain", Level.URGENT, src.CKS_SPINAL_INFECTION,
    """A fever or shivers together with this pain can mean an infection in the spine,
    a muscle or a joint. See a doctor today.""",
)
def fever_with_pain(intake: Intake) -> bool:
    return (
        "fever_or_chills" in intake.symptoms
        and intake.history.isdisjoint(WEAK_IMMUNITY)
        and not widespread_aches_pattern(intake)
        and not vaccine_reaction_pattern(intake)
    )


@rule(
    "spinal_infection_risk", Level.URGENT, src.CKS_SPINAL_INFECTION,
    """Back or neck pain that is getting worse or is constant at night, in someone who
    injects drugs, has a weakened immune system, a recent infection or spine surgery, can be
    an infection in the spine even without a fever. See a doctor today.""",
)
def spinal_infection_risk(intake: Intake) -> bool:
    return (
        _has_spinal_pain(intake)
        and not intake.history.isdisjoint(INFECTION_RISKS)
        and (intake.trend == "worse" or "constant_night_pain" in intake.symptoms)
    )


@rule(
    "spinal_pain_with_infection_risk", Level.SEE_CLINICIAN, src.CKS_SPINAL_INFECTION,
    """Because you inject drugs, have a weakened immune system, had a recent infection or
    spine surgery, new back or neck pain should be checked by a doctor in the coming days.
    Go the same day if you get a fever, or the pain gets worse or keeps you awake.""",
)
def spinal_pain_with_infection_risk(intake: Intake) -> bool:
    return (
        _has_spinal_pain(intake)
        and not intake.history.isdisjoint(INFECTION_RISKS)
        and not spinal_infection_risk.applies(intake)
        and not _easing_strain_after_old_surgery(intake)
    )


# An infection after spine surgery shows in the weeks after it, as pain that
# builds (NICE CKS low back pain). The form does not say when the operation
# was; a strain with an obvious cause that is already easing, with no fever or
# night pain, is the ordinary back pain NICE NG59 manages with self-care.
def _easing_strain_after_old_surgery(intake: Intake) -> bool:
    return (
        intake.history & INFECTION_RISKS == {"spinal_surgery"}
        and intake.cause == "overexertion"
        and intake.trend == "better"
        and not intake.symptoms
    )


@rule(
    "cancer_with_nerve_signs", Level.EMERGENCY, src.NG234,
    """After cancer, new weakness, numbness, pain shooting down a limb, or bladder or bowel
    problems can mean the spinal cord or its nerves are being squeezed by the cancer. Go to
    an emergency department now and tell them about your cancer.""",
)
def cancer_with_nerve_signs(intake: Intake) -> bool:
    return "cancer" in intake.history and not intake.symptoms.isdisjoint(NEURO_DEFICITS)


@rule(
    "spinal_pain_after_cancer", Level.URGENT, src.NG234,
    """After cancer, new back or neck pain that is not from an obvious strain, is in the
    upper or middle back, keeps you awake or is getting worse should be checked for cancer
    in the spine. Contact your cancer team or a doctor today.""",
)
def spinal_pain_after_cancer(intake: Intake) -> bool:
    return (
        "cancer" in intake.history
        and _has_spinal_pain(intake)
        and not cancer_with_nerve_signs.applies(intake)
        and (
            intake.cause != "overexertion"
            or intake.trend == "worse"
            or not intake.area_set.isdisjoint(THORACIC_AREAS | {"neck"})
            or not intake.symptoms.isdisjoint({"constant_night_pain", "unexplained_weight_loss"})
        )
    )


@rule(
    "strain_after_cancer", Level.SEE_CLINICIAN, src.NG234,
    """You have had cancer, so even back pain after a strain should be checked by a doctor
    in the coming days. Contact them the same day if it gets worse or keeps you awake.""",
)
def strain_after_cancer(intake: Intake) -> bool:
    return (
        "cancer" in intake.history
        and _has_spinal_pain(intake)
        and not cancer_with_nerve_signs.applies(intake)
        and not spinal_pain_after_cancer.applies(intake)
    )


@rule(
    "limb_bone_pain_after_cancer", Level.URGENT, src.METASTATIC_BONE,
    """After cancer, a deep ache in an arm or leg bone that keeps you awake at night, is
    getting worse or hurts to put weight on, without an injury to explain it, can be cancer
    in the bone weakening it. Contact your cancer team or a doctor today, and spare the limb
    until then.""",
)
def limb_bone_pain_after_cancer(intake: Intake) -> bool:
    return (
        "cancer" in intake.history
        and not intake.injured
        and not intake.area_set.isdisjoint(LIMB_AREAS)
        and not intake.symptoms.isdisjoint(
            {"constant_night_pain", "cannot_bear_weight", "unexplained_weight_loss"}
        )
        and not cancer_with_nerve_signs.applies(intake)
    )


@rule(
    "night_pain_and_weight_loss", Level.URGENT, src.NG59,
    """Pain that is worst at night and does not ease with rest, together with losing weight
    without trying, needs a doctor to look for a cause beyond the muscles. See a doctor
    today or tomorrow.""",
)
def night_pain_and_weight_loss(intake: Intake) -> bool:
    return {"constant_night_pain", "unexplained_weight_loss"} <= intake.symptoms


@rule(
    "unexplained_weight_loss", Level.SEE_CLINICIAN, src.NG59,
    """Losing weight without trying, together with pain, needs a doctor to look for the
    cause. Book an appointment in the coming days.""",
)
def weight_loss(intake: Intake) -> bool:
    return "unexplained_weight_loss" in intake.symptoms and not night_pain_and_weight_loss.applies(
        intake
    )


@rule(
    "constant_night_pain", Level.SEE_CLINICIAN, src.NG59,
    """Pain that does not ease with rest or any position and is worst at night is not the
    usual pattern of a strained muscle. A doctor should look for the cause in the coming
    days.""",
)
def constant_night_pain(intake: Intake) -> bool:
    return "constant_night_pain" in intake.symptoms and not night_pain_and_weight_loss.applies(
        intake
    )


@rule(
    "thoracic_pain_over_50", Level.SEE_CLINICIAN, src.CKS_BACK,
    """New pain in the upper or middle back after 50 without a strain to explain it is
    worth a doctor's check in the coming days, to rule out causes beyond the muscles.""",
)
def thoracic_pain_over_50(intake: Intake) -> bool:
    return (
        intake.age >= OLDER_AGE
        and not intake.area_set.isdisjoint(THORACIC_AREAS)
        and intake.cause in ("unknown", "medical_condition")
    )


RULES = (
    fever_with_weak_immunity,
    fever_with_spine_and_nerve_signs,
    fever_with_neck_pain,
    fever_with_severe_pain_or_swelling,
    fever_and_cannot_stand,
    fever_with_pain,
    spinal_infection_risk,
    spinal_pain_with_infection_risk,
    cancer_with_nerve_signs,
    spinal_pain_after_cancer,
    strain_after_cancer,
    limb_bone_pain_after_cancer,
    night_pain_and_weight_loss,
    weight_loss,
    constant_night_pain,
    thoracic_pain_over_50,
)

"""Plain-language labels for the intake codes, shared by every page and report."""

from __future__ import annotations

AREA_LABELS = {
    "neck": "Neck",
    "upper_back": "Upper back",
    "mid_back": "Middle back",
    "lower_back": "Lower back",
    "shoulder": "Shoulder",
    "chest": "Chest",
    "upper_arm": "Upper arm",
    "forearm_wrist": "Forearm and wrist",
    "abdomen": "Belly",
    "glutes": "Buttocks",
    "hip": "Hip",
    "groin": "Groin and inner thigh",
    "front_thigh": "Front of thigh",
    "back_thigh": "Back of thigh (hamstrings)",
    "knee": "Knee",
    "calf": "Calf",
    "shin": "Shin",
    "ankle_foot": "Ankle and foot",
}

CAUSE_LABELS = {
    "overexertion": ("Going a bit too hard", "Gym, sport, lifting, gardening, a long walk."),
    "injury": ("An injury", "A fall, a knock, a sudden twist or tear."),
    "medical_condition": ("An illness", "A known or suspected medical condition behind it."),
    "unknown": ("Not sure", "No clear cause, or it came on by itself."),
}

TRAUMA_LABELS = {
    "none": ("No fall or impact", ""),
    "minor": ("A minor one", "A fall from standing height, a knock."),
    "major": ("A major one", "A fall from a height, a road collision, a high-speed impact."),
}

TREND_LABELS = {
    "better": "Getting better",
    "same": "About the same",
    "worse": "Getting worse",
}

SEX_LABELS = {"female": "Female", "male": "Male", "other": "Other"}

# Grouped so that a person reads related warning signs together.
SYMPTOM_GROUPS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Nerves, bladder and bowel", (
        ("saddle_numbness", "Numbness or tingling between the legs, buttocks or genitals"),
        ("bladder_dysfunction", "New difficulty starting or stopping urine, or leaking urine"),
        ("bowel_incontinence", "New loss of bowel control"),
        ("leg_weakness", "A leg or foot is newly weak (the foot slaps, the leg gives way)"),
        ("bilateral_leg_symptoms",
         "Numbness, weakness or shooting pain in both legs (not just aching muscles)"),
        ("leg_pain_below_knee", "Pain shooting down one leg below the knee (sciatica)"),
        ("leg_numbness_tingling", "Pins and needles or numbness in a leg"),
        ("arm_weakness", "An arm or hand is newly weak"),
        ("arm_numbness_tingling", "Pins and needles or numbness in an arm"),
    )),
    ("Heart, lungs and blood vessels", (
        ("chest_pain", "Pain, pressure or tightness in the chest"),
        ("shortness_of_breath", "Breathless at rest or on light effort"),
        ("pain_spreading_to_arm_or_jaw", "The pain spreads to an arm, the neck or the jaw"),
        ("sudden_tearing_pain", "Sudden, severe, tearing or ripping pain in the back or belly"),
    )),
    ("Muscles after effort", (
        ("dark_urine", "Urine dark brown, tea or cola coloured"),
        ("severe_swelling", "The sore part is hugely or rapidly swollen"),
        ("severe_muscle_weakness", "Cannot lift the limb or stand up from a chair"),
        ("pain_out_of_proportion", "Pain far worse than the cause would explain"),
    )),
    ("Injury", (
        ("heard_pop", "Heard or felt a pop or snap when it happened"),
        ("cannot_bear_weight", "Cannot stand or walk on it"),
        ("visible_deformity", "The part looks bent, out of place or the wrong shape"),
        ("bruising", "Bruising appeared where it hurts"),
    )),
    ("Whole body", (
        ("fever_or_chills", "Fever, shivering, feeling hot and cold"),
        ("unexplained_weight_loss", "Losing weight without trying"),
        ("constant_night_pain",
         "Pain that does not ease with rest or any position, worst at night"),
        ("morning_stiffness_over_30_min", "Stiff for more than half an hour after getting up"),
    )),
)
SYMPTOM_LABELS = {code: label for _, items in SYMPTOM_GROUPS for code, label in items}

HISTORY_LABELS = {
    "cancer": "Have had cancer",
    "osteoporosis": "Osteoporosis or thin bones",
    "long_term_steroids": "Take steroid tablets (e.g. prednisolone) for months or years",
    "immunosuppressed": "Weakened immune system (chemotherapy, transplant drugs, HIV)",
    "iv_drug_use": "Inject drugs",
    "recent_infection": "A bacterial infection in the last weeks (urine, skin, lungs)",
    "spinal_surgery": "Have had an operation on the spine",
    "blood_thinners": "Take blood-thinning (anticoagulant) medicine",
}

LEVEL_LABELS = {
    "emergency": "Emergency",
    "urgent": "Urgent",
    "see_clinician": "See a clinician",
    "self_care": "Self-care",
}

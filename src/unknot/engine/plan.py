"""The relief plan: the four ways to relief, tailored to the person's intake.

Keep moving, sleep well, massage, and physical therapy. What goes in depends
on where it hurts, what caused it, how fresh it is (the stage), how strong
the pain is, and how the person sleeps.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from unknot.engine.content import Massage, Movement, Strengthening, as_dict, library
from unknot.engine.intake import LEG_AREAS, SPINAL_AREAS, Intake
from unknot.engine.triage.base import Level

# Stages follow the usual course of soreness and back pain: soreness peaks in
# the first three days (Cheung 2003), most back pain settles within six weeks
# (NICE NG59). Strong pain keeps a person in the gentle "early" stage.
EARLY_HOURS = 72
LASTING_HOURS = 6 * 7 * 24
STRONG_PAIN = 7
MOVES_PER_AREA = 2
MAX_MOVES = 10
STRENGTH_PER_PHASE = 3
# After an injury, massage and heat wait for 48-72 hours while bleeding in the
# tissue settles (the NHS "HARM" advice for sprains and strains).
FRESH_INJURY_HOURS = 72
# Each part of the plan is a pure function of a few explicit inputs, so it is
# built once per combination and shared (read-only) after that: the
# signatures are the cache keys, and cannot drift from what the code reads.
PLAN_CACHE_SIZE = 4096

STAGE_TEXT = {
    "early": (
        "Early days",
        "The pain is fresh or still strong. Keep moving gently within comfort; short, frequent "
        "movement beats long sessions.",
    ),
    "settling": (
        "Settling",
        "The first days are behind you. Build up movement steadily, and start the gentle "
        "strengthening when everyday movement is comfortable.",
    ),
    "lasting": (
        "Lasting",
        "The pain has gone on for more than six weeks. Regular exercise and strengthening "
        "matter most now, ideally guided by a physical therapist.",
    ),
}

WALKING = {
    "early": (
        "5 to 10 minutes of easy walking, 2 or 3 times a day, at a pace where you can talk.",
        ["Walk on flat ground in supportive shoes.",
         "Keep your steps short and relaxed; let your arms swing.",
         "Stop at the point where the pain starts to build, not after it.",
         "Add a minute or two each day if the pain stays the same or eases."],
    ),
    "settling": (
        "15 to 20 minutes once or twice a day, adding about 5 minutes every 2 or 3 days as "
        "comfort allows.",
        ["Start at an easy pace for the first 5 minutes to warm up.",
         "Walk at a pace that makes you breathe a little faster but still able to talk.",
         "Include a gentle slope or some stairs when flat walking feels easy.",
         "A mild ache that settles within an hour afterwards is fine; sharper pain means "
         "shorten the next walk."],
    ),
    "lasting": (
        "Build to 30 minutes of brisk walking on at least five days a week (150 minutes a "
        "week, WHO 2020 guideline).",
        ["Walk briskly: faster breathing, able to talk but not sing.",
         "Split it into two 15-minute walks if one long walk is too much.",
         "Increase the time by no more than 10 percent a week.",
         "Mix in other activity you enjoy: cycling, swimming, dancing."],
    ),
}


def stage_of(intake: Intake) -> str:
    if intake.onset_hours_ago > LASTING_HOURS:
        return "lasting"
    if intake.onset_hours_ago < EARLY_HOURS or intake.intensity >= STRONG_PAIN:
        return "early"
    return "settling"


# Among self-massage techniques that help equally, prefer what everyone has
# (hands) and the gentler, cheaper tools over a massage gun.
TOOL_PREFERENCE = {"hands": 0, "foam_roller": 1, "massage_ball": 1, "heat_pad": 1,
                   "peanut_ball": 2, "massage_stick": 2, "massage_gun": 3}


def _pick_covering(
    items: tuple[Any, ...], areas: tuple[str, ...], per_area: int, fits: Any,
    rank: Any = lambda item: 0,
) -> list[Any]:
    """Choose items area by area, preferring ones that help several reported areas."""
    wanted = frozenset(areas)
    chosen: list[Any] = []
    for area in areas:
        candidates = [i for i in items if area in i.areas and fits(i)]
        if not candidates:  # never leave an area without help
            candidates = [i for i in items if area in i.areas]
        # Items aimed mainly at this area (content lists the main area first),
        # then the gentler tool, then ones that help more of the reported areas,
        # then ones that spend less effort elsewhere.
        candidates.sort(key=lambda i: (
            i.areas[0] != area,
            rank(i),
            -len(wanted.intersection(i.areas)),
            len(set(i.areas) - wanted),
        ))
        already = sum(1 for c in chosen if area in c.areas)
        for item in candidates:
            if already >= per_area:
                break
            if item not in chosen:
                chosen.append(item)
                already += 1
    return chosen


@lru_cache(maxsize=PLAN_CACHE_SIZE)
def _movement(areas: tuple[str, ...], stage: str) -> list[dict[str, Any]]:
    lib = library()
    moves: list[Movement] = _pick_covering(
        lib.movement, areas, MOVES_PER_AREA, lambda m: stage in m.stages
    )
    # Trim to a routine a person will actually do, keeping one move per area.
    if len(moves) > MAX_MOVES:
        essential = _pick_covering(tuple(moves), areas, 1, lambda m: True)
        extra = [m for m in moves if m not in essential]
        moves = essential + extra[: max(0, MAX_MOVES - len(essential))]
    routine = [as_dict(m) for m in moves]
    dose, steps = WALKING[stage]
    walked = [a for a in areas if a in LEG_AREAS or a in SPINAL_AREAS or a == "abdomen"]
    routine.append({
        "id": f"walking-{stage}",
        "name": "Walking",
        "kind": "walk",
        "areas": walked,
        "summary": "Walking raises blood flow that brings oxygen and nutrients to sore "
        "muscles, and is the simplest way to keep moving.",
        "steps": steps,
        "dose": dose,
        "cautions": ["Stop and get help if walking brings on chest pain, breathlessness or "
                     "leg weakness."],
        "source": "NICE NG59 (stay active); WHO 2020 guidelines on physical activity",
    })
    return routine


@lru_cache(maxsize=PLAN_CACHE_SIZE)
def _massage(
    areas: tuple[str, ...], fresh_injury: bool, bruising: bool, gentle_only: bool
) -> tuple[list[dict[str, Any]], list[str]]:
    lib = library()
    notes = [
        "Never massage over a fresh bruise, an open wound, a hot, red or hugely swollen area, "
        "or a calf that is swollen and tender (it could be a clot).",
        "Pressure should feel like a 'good hurt' of no more than 5 out of 10; stop if it "
        "causes sharp pain, numbness or tingling.",
    ]
    if fresh_injury or bruising:
        notes.insert(0, "Wait at least 2 to 3 days after an injury, and until bruising fades, "
                        "before massaging the injured area: massage can make the bleeding "
                        "inside worse.")
        return [], notes
    if gentle_only:
        notes.insert(0, "Because you take blood thinners, use only gentle massage with your "
                        "hands: no massage guns, rollers or deep pressure, which can cause "
                        "bleeding into the muscle.")
    techniques: list[Massage] = _pick_covering(
        lib.massage, areas, 1,
        (lambda m: m.tool == "hands") if gentle_only else (lambda m: True),
        rank=lambda m: TOOL_PREFERENCE.get(m.tool, 2),
    )
    if gentle_only:
        techniques = [m for m in techniques if m.tool == "hands"]
    return [as_dict(m) for m in techniques], notes


@lru_cache(maxsize=PLAN_CACHE_SIZE)
def _sleep(areas: frozenset[str], sleep_hours: float | None) -> dict[str, Any]:
    guide = library().sleep
    low, high = guide.target_hours
    short = sleep_hours is not None and sleep_hours < guide.short_sleep_hours
    positions = [p.text for p in guide.positions if not areas.isdisjoint(p.areas)]
    return {
        "target_hours": [low, high],
        "reported_hours": sleep_hours,
        "short_sleep": short,
        "advice": guide.short_sleep_advice if short else (
            f"Keep aiming for {low} to {high} hours a night while you recover."
        ),
        "why": guide.why,
        "positions": positions,
        "habits": list(guide.habits),
        "source": "Watson et al. 2015 (AASM/SRS adult sleep consensus); Dattilo et al. 2011 "
        "(sleep and muscle recovery)",
    }


@lru_cache(maxsize=PLAN_CACHE_SIZE)
def _physical_therapy(wanted: frozenset[str], advised: bool, stage: str) -> dict[str, Any]:
    guide = library().therapy
    strength: tuple[Strengthening, ...] = library().strengthening
    phases = []
    for phase in guide.phases:
        in_phase = [s for s in strength if s.phase == phase.number]
        fitting = [s for s in in_phase if not wanted.isdisjoint(s.areas)]
        if not fitting:  # belly or groin only: the trunk programme supports both
            fitting = [s for s in in_phase if "lower_back" in s.areas]
        fitting.sort(key=lambda s: -len(wanted.intersection(s.areas)))
        phases.append({
            "number": phase.number,
            "title": phase.title,
            "goal": phase.goal,
            "exercises": [as_dict(s) for s in fitting[:STRENGTH_PER_PHASE]],
        })
    return {
        "advised_now": advised,
        "when_to_see": list(guide.see_one_when),
        "what_they_do": guide.what_they_do,
        "start_when": guide.start_when,
        "start_now": stage != "early",
        "phases": phases,
        "source": "NICE NG59 (exercise programmes); Hayden et al. 2021 Cochrane review of "
        "exercise therapy for low back pain",
    }


@lru_cache(maxsize=PLAN_CACHE_SIZE)
def _avoid(fresh_injury: bool, spinal: bool, short_sleep: bool) -> list[str]:
    avoid = [
        "Resting in bed for days: it feels right but slows recovery (NICE NG59).",
        "Going straight back to the activity that caused it at full effort; build up over a "
        "week or two.",
    ]
    if fresh_injury:
        avoid.append("For the first 2 to 3 days after an injury: heat, alcohol, running and "
                     "massage on the injured part, which all increase swelling (NHS 'HARM').")
    if spinal:
        avoid.append("Heavy lifting and sitting for more than 30 minutes at a time without "
                     "getting up to move.")
    if short_sleep:
        avoid.append("Caffeine after early afternoon and screens in bed while you catch up on "
                     "sleep.")
    avoid.append("Ice baths and routine anti-inflammatory tablets just to recover faster: "
                 "movement, sleep and massage help without their drawbacks. Ask a pharmacist "
                 "what pain relief suits you.")
    return avoid


@lru_cache(maxsize=PLAN_CACHE_SIZE)
def _reassess(stage: str, level: Level) -> dict[str, Any]:
    days = {"early": 2, "settling": 7, "lasting": 14}[stage]
    return {
        "after_days": days,
        # Worded to agree with the triage and with daily tracking: "check in" is what
        # tracking asks for every day, so the plan speaks of looking at the trend.
        "message": (
            f"Expect it to ease day by day. If it is no better after {days} days, or it gets "
            "worse, see a doctor or physical therapist. A fever or shivers: see a doctor the "
            "same day."
            if level == Level.SELF_CARE else
            "Use this plan until your appointment. If it gets clearly worse, or you get a "
            "fever or shivers, see a doctor the same day rather than wait."
        ),
        "get_help_at_once_if": [
            "numbness between the legs or around the bottom, or new trouble passing or "
            "holding urine or stool",
            "a leg or arm becomes weak",
            # A fever alone is "see a doctor today" in the triage; these are the emergencies.
            "a fever or shivers with a stiff, painful neck, with a weakened immune system, "
            "or with pain or swelling that is growing fast",
            "chest pain, breathlessness, or pain spreading to the arm or jaw",
            "dark brown or cola coloured urine",
            "the sore part becomes hugely swollen, or the pain becomes far worse than it "
            "should be",
        ],
    }


def relief_plan(intake: Intake, level: Level) -> dict[str, Any]:
    """The plan for this intake. Its parts are shared between plans: read-only."""
    stage = stage_of(intake)
    label, explanation = STAGE_TEXT[stage]
    fresh_injury = intake.cause == "injury" and intake.onset_hours_ago < FRESH_INJURY_HOURS
    massage, massage_notes = _massage(
        intake.areas, fresh_injury, "bruising" in intake.symptoms,
        "blood_thinners" in intake.history,
    )
    short_sleep = (
        intake.sleep_hours is not None
        and intake.sleep_hours < library().sleep.short_sleep_hours
    )
    advised = (
        level >= Level.SEE_CLINICIAN or stage == "lasting"
        or (intake.episodes_past_year or 0) >= 2
    )
    return {
        "stage": {"code": stage, "label": label, "explanation": explanation},
        "interim": level == Level.SEE_CLINICIAN,
        "movement": _movement(intake.areas, stage),
        "sleep": _sleep(intake.area_set, intake.sleep_hours),
        "massage": massage,
        "massage_cautions": massage_notes,
        # Rollers, balls and guns can cause bleeding in someone on blood thinners.
        "massage_tools_allowed": "blood_thinners" not in intake.history,
        "physical_therapy": _physical_therapy(intake.area_set, advised, stage),
        "avoid": _avoid(fresh_injury, intake.spinal, short_sleep),
        "reassess": _reassess(stage, level),
    }

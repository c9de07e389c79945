"""An episode as a FHIR R4 Bundle, for a clinician's system to take in.

What is in it:
- the person, as a Patient with nothing but the sex they gave (Unknot knows no
  name or birth date, and asks for none);
- the intake as a QuestionnaireResponse;
- every check-in's pain (LOINC 72514-3, "Pain severity - 0-10 verbal numeric
  rating [Score] - Reported"), sleep (LOINC 93832-4, "Sleep duration") and
  limits on moving and daily tasks (Unknot's own 0-10 question: no LOINC code
  asks it the same way, so it is named in words);
- each PSFS rating day as one Observation: the average as its value, each
  activity as a component. The PSFS is named in words: we could not confirm a
  LOINC code for it from here (see the README);
- the first assessment and the latest review as ClinicalImpressions, each
  reason a finding with its source.

Built as plain JSON from fixed shapes. The tests check every shape against
fhir.resources' models (FHIR R4B, 4.3, which leaves these five resources as R4,
4.0.1, has them) and the codes R4 binds as required. It is not validated again
on each download: for years of daily check-ins that took seconds, and the
shapes cannot change between the tests and the download.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date
from typing import Any

import orjson
from django.utils import timezone

from unknot.engine.labels import (
    AREA_LABELS,
    CAUSE_LABELS,
    HISTORY_LABELS,
    SEX_LABELS,
    SYMPTOM_LABELS,
    TRAUMA_LABELS,
    TREND_LABELS,
)
from unknot.tracking.models import Episode, PsfsRating

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
GENDER = "http://hl7.org/fhir/administrative-gender"
PAIN_CODE = {"system": LOINC, "code": "72514-3",
             "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported"}
SLEEP_CODE = {"system": LOINC, "code": "93832-4", "display": "Sleep duration"}
FUNCTION_TEXT = ("Limits on moving and everyday tasks because of the pain, 0 (not at all) to "
                 "10 (cannot do them), reported by the person")
PSFS_TEXT = ("Patient-Specific Functional Scale (PSFS): average of the activities the person "
             "named, each 0 (unable to do it) to 10 (able to do it as before the problem)")
SURVEY = [{"coding": [{"system": CATEGORY, "code": "survey", "display": "Survey"}]}]
MEDIA_TYPE = "application/fhir+json; fhirVersion=4.0"
ABOUT = ("From Unknot, a self-care guide that informs and does not diagnose: the person's "
         "own answers, and a triage worked out from them by published rules.")


class _Ids:
    """Stable ids: the same record gets the same urn:uuid in every export from this site."""

    def __init__(self, site: str, episode: Episode) -> None:
        self.namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"{site}/track/{episode.pk}/")

    def url(self, *parts: object) -> str:
        return f"urn:uuid:{uuid.uuid5(self.namespace, '/'.join(str(p) for p in parts))}"


def _entry(full_url: str, resource: dict[str, Any]) -> dict[str, Any]:
    return {"fullUrl": full_url, "resource": {**resource, "id": full_url.rsplit(":", 1)[1]}}


def _answers(values: list[Any], kind: str) -> list[dict[str, Any]]:
    return [{kind: value} for value in values]


def _questionnaire_response(episode: Episode, patient: str) -> dict[str, Any]:
    intake = episode.intake
    items: list[tuple[str, str, list[dict[str, Any]]]] = [
        ("age", "Age in years", _answers([intake["age"]], "valueInteger")),
        ("areas", "Where it hurts",
         _answers([AREA_LABELS[a] for a in intake["areas"]], "valueString")),
        ("cause", "What brought it on", _answers([CAUSE_LABELS[intake["cause"]][0]],
                                                 "valueString")),
        ("trauma", "A fall or impact", _answers([TRAUMA_LABELS[intake["trauma"]][0]],
                                                "valueString")),
        ("onset_hours_ago", "Hours since it started",
         _answers([float(intake["onset_hours_ago"])], "valueDecimal")),
        ("intensity", "Pain now, 0 (none) to 10 (worst imaginable)",
         _answers([intake["intensity"]], "valueInteger")),
        ("trend", "Since it started", _answers([TREND_LABELS[intake["trend"]]],
                                               "valueString")),
        ("function_limit", "How much it limits moving and everyday tasks, 0 to 10",
         _answers([intake["function_limit"]], "valueInteger")),
        ("symptoms", "Warning signs",
         _answers([SYMPTOM_LABELS[s] for s in intake["symptoms"]] or ["None of those asked"],
                  "valueString")),
        ("history", "Relevant history",
         _answers([HISTORY_LABELS[h] for h in intake["history"]] or ["None of those asked"],
                  "valueString")),
    ]
    if "sex" in intake:
        items.insert(1, ("sex", "Sex", [{"valueCoding": {
            "system": GENDER, "code": intake["sex"], "display": SEX_LABELS[intake["sex"]]}}]))
    if "sleep_hours" in intake:
        items.append(("sleep_hours", "Typical sleep over the last few nights, hours",
                      _answers([float(intake["sleep_hours"])], "valueDecimal")))
    if "episodes_past_year" in intake:
        items.append(("episodes_past_year", "Earlier episodes like this in the past year",
                      _answers([intake["episodes_past_year"]], "valueInteger")))
    return {
        "resourceType": "QuestionnaireResponse",
        "status": "completed",
        "subject": {"reference": patient},
        "author": {"reference": patient},
        "authored": episode.created_at.isoformat(),
        "item": [{"linkId": link, "text": text, "answer": answers}
                 for link, text, answers in items],
    }


def _observation(patient: str, day: date, code: dict[str, Any],
                 value: dict[str, Any]) -> dict[str, Any]:
    return {
        "resourceType": "Observation", "status": "final", "category": SURVEY, "code": code,
        "subject": {"reference": patient}, "performer": [{"reference": patient}],
        "effectiveDateTime": day.isoformat(), **value,
    }


def _impression(review: dict[str, Any], patient: str, day: date,
                extra: dict[str, Any]) -> dict[str, Any]:
    urls = sorted({r["source_url"] for r in review.get("reasons", []) if r.get("source_url")})
    impression: dict[str, Any] = {
        "resourceType": "ClinicalImpression", "status": "completed",
        "description": ABOUT, "subject": {"reference": patient},
        "effectiveDateTime": day.isoformat(),
        "summary": f"{review['title']}. {review['action']}",
        "finding": [{"itemCodeableConcept": {"text": r["message"]},
                     "basis": f"{r['level']}; source: {r['source']}"}
                    for r in review.get("reasons", [])],
        **extra,
    }
    if urls:
        impression["protocol"] = urls
    return impression


def episode_bundle(episode: Episode, site: str) -> dict[str, Any]:
    ids = _Ids(site, episode)
    patient = ids.url("patient")
    entries = [_entry(patient, {"resourceType": "Patient", **(
        {"gender": episode.intake["sex"]} if "sex" in episode.intake else {})})]
    answers = ids.url("intake")
    entries.append(_entry(answers, _questionnaire_response(episode, patient)))
    first = ids.url("first-assessment")
    entries.append(_entry(first, _impression(
        episode.first_assessment, patient, episode.started_on,
        {"supportingInfo": [{"reference": answers}]})))
    checkins = list(episode.checkins.order_by("day").values_list(
        "day", "pain", "function_limit", "sleep_hours"))
    for day, pain, limit, sleep in checkins:
        entries.append(_entry(ids.url("pain", day), _observation(
            patient, day, {"coding": [PAIN_CODE], "text": "Pain, 0 to 10"},
            {"valueInteger": pain})))
        entries.append(_entry(ids.url("function", day), _observation(
            patient, day, {"text": FUNCTION_TEXT}, {"valueInteger": limit})))
        if sleep is not None:
            entries.append(_entry(ids.url("sleep", day), _observation(
                patient, day, {"coding": [SLEEP_CODE], "text": "Sleep last night"},
                {"valueQuantity": {"value": float(sleep), "unit": "h", "system": UCUM,
                                   "code": "h"}})))
    by_day: dict[date, list[tuple[str, int]]] = defaultdict(list)
    for day, name, score in (PsfsRating.objects.filter(activity__episode=episode)
                             .order_by("day", "activity__position")
                             .values_list("day", "activity__name", "score")):
        by_day[day].append((name, score))
    for day, scores in by_day.items():
        mean = round(sum(score for _, score in scores) / len(scores), 1)
        entries.append(_entry(ids.url("psfs", day), _observation(
            patient, day, {"text": PSFS_TEXT},
            {"valueQuantity": {"value": mean, "unit": "score", "system": UCUM,
                               "code": "{score}"},
             "component": [{"code": {"text": name}, "valueInteger": score}
                           for name, score in scores]})))
    if checkins:
        entries.append(_entry(ids.url("latest-review"), _impression(
            episode.review, patient, checkins[-1][0], {"previous": {"reference": first}})))
    return {"resourceType": "Bundle", "type": "collection",
            "timestamp": timezone.now().isoformat(), "entry": entries}


def episode_fhir_json(episode: Episode, site: str) -> bytes:
    """The Bundle as JSON (its shapes are validated by the tests, not per download)."""
    return orjson.dumps(episode_bundle(episode, site))

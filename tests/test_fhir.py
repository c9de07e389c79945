"""The FHIR R4 record of an episode: a Bundle that validates, with LOINC codes where they
exist, and only for its owner."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest
from django.test import Client
from fhir.resources.R4B.bundle import Bundle

from tests.factories import checkin, make_episode, make_person, name_activities, rate_activities
from tests.test_tracking_api import bearer, call
from unknot.tracking.fhir import episode_bundle

pytestmark = pytest.mark.django_db
START = date(2026, 3, 2)
# The codes FHIR R4 (4.0.1) binds as required for what the record uses.
OBSERVATION_STATUS = {"registered", "preliminary", "final", "amended", "corrected",
                      "cancelled", "entered-in-error", "unknown"}
RESPONSE_STATUS = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}
IMPRESSION_STATUS = {"in-progress", "completed", "entered-in-error"}
BUNDLE_TYPES = {"document", "message", "transaction", "transaction-response", "batch",
                "batch-response", "history", "searchset", "collection"}
GENDERS = {"male", "female", "other", "unknown"}


def tracked_episode() -> Any:
    person = make_person()
    episode = make_episode(person, started=START, sex="female",
                           symptoms=["morning_stiffness_over_30_min"])
    checkin(episode, date(2026, 3, 3), pain=4, sleep_hours=6.5)
    checkin(episode, date(2026, 3, 4), pain=3)
    name_activities(episode, START, scores=(2, 3, 4))
    rate_activities(episode, date(2026, 3, 9), (5, 5, 6))
    return episode


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_the_record_is_a_bundle_that_validates() -> None:
    bundle = episode_bundle(tracked_episode(), "http://testserver")
    parsed = Bundle.model_validate(bundle)
    assert parsed.type == "collection"
    assert {e["resource"]["resourceType"] for e in bundle["entry"]} == {
        "Patient", "QuestionnaireResponse", "Observation", "ClinicalImpression"}


def test_every_reference_points_to_an_entry_of_the_bundle_and_ids_are_unique() -> None:
    bundle = episode_bundle(tracked_episode(), "http://testserver")
    urls = [e["fullUrl"] for e in bundle["entry"]]
    assert len(urls) == len(set(urls)) and all(u.startswith("urn:uuid:") for u in urls)
    references = set(re.findall(r'"reference": "([^"]+)"', json.dumps(bundle)))
    assert references and references <= set(urls)


def test_the_codes_r4_binds_as_required_are_valid() -> None:
    bundle = episode_bundle(tracked_episode(), "http://testserver")
    assert bundle["type"] in BUNDLE_TYPES
    assert {o["status"] for o in resources(bundle, "Observation")} <= OBSERVATION_STATUS
    assert {r["status"] for r in resources(bundle, "QuestionnaireResponse")} <= RESPONSE_STATUS
    assert {c["status"] for c in resources(bundle, "ClinicalImpression")} <= IMPRESSION_STATUS
    assert resources(bundle, "Patient")[0]["gender"] in GENDERS


def test_pain_and_sleep_carry_their_loinc_codes_and_function_is_named_in_words() -> None:
    bundle = episode_bundle(tracked_episode(), "http://testserver")
    by_code: dict[str, list[dict[str, Any]]] = {}
    for observation in resources(bundle, "Observation"):
        key = observation["code"]["coding"][0]["code"] if "coding" in observation["code"] \
            else observation["code"]["text"][:20]
        by_code.setdefault(key, []).append(observation)
    assert [(o["effectiveDateTime"], o["valueInteger"]) for o in by_code["72514-3"]] == [
        ("2026-03-03", 4), ("2026-03-04", 3)]
    assert [o["valueQuantity"] for o in by_code["93832-4"]] == [
        {"value": 6.5, "unit": "h", "system": "http://unitsofmeasure.org", "code": "h"}]
    assert by_code["93832-4"][0]["code"]["coding"][0]["system"] == "http://loinc.org"
    limits = [o for o in resources(bundle, "Observation")
              if o["code"]["text"].startswith("Limits on moving and everyday tasks")]
    assert [o["valueInteger"] for o in limits] == [3, 3]
    assert all("coding" not in o["code"] for o in limits)


def test_each_psfs_rating_day_is_one_observation_with_each_activity_as_a_component() -> None:
    bundle = episode_bundle(tracked_episode(), "http://testserver")
    psfs = [o for o in resources(bundle, "Observation")
            if o["code"]["text"].startswith("Patient-Specific Functional Scale")]
    assert [(o["effectiveDateTime"], o["valueQuantity"]["value"]) for o in psfs] == [
        ("2026-03-02", 3.0), ("2026-03-09", 5.3)]
    assert [(c["code"]["text"], c["valueInteger"]) for c in psfs[1]["component"]] == [
        ("Climbing stairs", 5), ("Lifting the shopping", 5), ("Sitting at work", 6)]


def test_the_intake_and_the_assessments_with_their_reasons_are_in_the_record() -> None:
    episode = tracked_episode()
    bundle = episode_bundle(episode, "http://testserver")
    (answers,) = resources(bundle, "QuestionnaireResponse")
    items = {item["linkId"]: item["answer"] for item in answers["item"]}
    assert items["areas"] == [{"valueString": "Calf"}]
    assert items["intensity"] == [{"valueInteger": 5}]
    assert items["sex"][0]["valueCoding"]["code"] == "female"
    first, latest = resources(bundle, "ClinicalImpression")
    assert first["summary"].startswith(episode.first_assessment["title"])
    assert first["supportingInfo"] == [{"reference": next(
        e["fullUrl"] for e in bundle["entry"]
        if e["resource"]["resourceType"] == "QuestionnaireResponse")}]
    assert {f["itemCodeableConcept"]["text"] for f in first["finding"]} == {
        r["message"] for r in episode.first_assessment["reasons"]}
    assert latest["previous"]["reference"] == bundle["entry"][2]["fullUrl"]


def test_the_same_records_keep_their_ids_from_one_export_to_the_next() -> None:
    episode = tracked_episode()
    first = [e["fullUrl"] for e in episode_bundle(episode, "http://testserver")["entry"]]
    again = [e["fullUrl"] for e in episode_bundle(episode, "http://testserver")["entry"]]
    assert first == again


def test_the_owner_downloads_it_beside_the_pdf_and_from_the_api(client: Client) -> None:
    episode = tracked_episode()
    client.force_login(episode.owner)
    page = client.get(f"/track/{episode.pk}/").content.decode()
    assert f'href="/track/{episode.pk}/record.fhir.json" download' in page
    response = client.get(f"/track/{episode.pk}/record.fhir.json")
    assert response["Content-Type"] == "application/fhir+json; fhirVersion=4.0"
    assert "attachment" in response["Content-Disposition"]
    Bundle.model_validate(json.loads(response.content))
    api = call(client, "get", f"/episodes/{episode.pk}/fhir", bearer(episode.owner))
    assert api.status_code == 200 and json.loads(api.content)["resourceType"] == "Bundle"


def test_another_person_gets_404_for_the_record_on_the_web_and_the_api(client: Client) -> None:
    episode = tracked_episode()
    stranger = make_person()
    client.force_login(stranger)
    assert client.get(f"/track/{episode.pk}/record.fhir.json").status_code == 404
    assert call(client, "get", f"/episodes/{episode.pk}/fhir",
                bearer(stranger)).status_code == 404

"""Proving a commenter is a person: self-hosted ALTCHA by default, or a hosted CAPTCHA.

ALTCHA is a proof of work: the browser spends a second or so finding a number
whose hash matches a challenge this server signed, so nothing leaves the site.
reCAPTCHA (v2, v3), hCaptcha and Turnstile are used only when an operator sets
UNKNOT_CAPTCHA and its keys; their answer is checked here, server to server,
with a timeout, and an unreachable or garbled provider refuses the comment
with a message that says so (the comment is kept in the form).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from altcha import v1 as altcha_v1
from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from unknot.moderation.addresses import client_ip

logger = logging.getLogger(__name__)

ALTCHA_LIFETIME = timedelta(minutes=20)

FAILED = "The check that you are a person did not pass. Please try it again."
MISSING = "Please complete the check that you are a person, just above the button."
UNAVAILABLE = ("We could not reach the service that checks you are a person, so your comment "
               "was not sent. It is kept below: please try again in a minute.")


@dataclass(frozen=True, slots=True)
class Remote:
    """A hosted CAPTCHA: where its answer arrives and where it is checked."""

    response_field: str
    verify_url: str
    script_url: str
    widget_class: str


REMOTE_PROVIDERS = {
    "recaptcha_v2": Remote("g-recaptcha-response", "https://www.google.com/recaptcha/api/siteverify",
                           "https://www.google.com/recaptcha/api.js", "g-recaptcha"),
    "recaptcha_v3": Remote("g-recaptcha-response", "https://www.google.com/recaptcha/api/siteverify",
                           "https://www.google.com/recaptcha/api.js?render=", "g-recaptcha-v3"),
    "hcaptcha": Remote("h-captcha-response", "https://api.hcaptcha.com/siteverify",
                       "https://js.hcaptcha.com/1/api.js", "h-captcha"),
    "turnstile": Remote("cf-turnstile-response",
                        "https://challenges.cloudflare.com/turnstile/v0/siteverify",
                        "https://challenges.cloudflare.com/turnstile/v0/api.js", "cf-turnstile"),
}
RECAPTCHA_V3_ACTION = "comment"


@dataclass(frozen=True, slots=True)
class Verdict:
    passed: bool
    message: str = ""


def provider_name() -> str:
    name: str = settings.CAPTCHA_PROVIDER
    return name


def _altcha_key() -> bytes:
    # Derived from the secret key so an operator has one secret fewer to keep.
    return hmac.new(settings.SECRET_KEY.encode(), b"unknot-altcha", hashlib.sha256).digest()


def altcha_challenge_json() -> str:
    challenge = altcha_v1.create_challenge(altcha_v1.ChallengeOptions(
        max_number=settings.ALTCHA_MAX_NUMBER,
        hmac_key=_altcha_key().hex(),
        expires=datetime.now() + ALTCHA_LIFETIME,
    ))
    return json.dumps({
        "algorithm": challenge.algorithm,
        "challenge": challenge.challenge,
        "maxnumber": challenge.max_number,
        "salt": challenge.salt,
        "signature": challenge.signature,
    })


def widget_context() -> dict[str, Any]:
    name = provider_name()
    if name == "altcha":
        return {"provider": name, "challenge_json": altcha_challenge_json()}
    remote = REMOTE_PROVIDERS[name]
    script = remote.script_url
    if name == "recaptcha_v3":
        script += urllib.parse.quote(settings.CAPTCHA_SITE_KEY)
    return {"provider": name, "site_key": settings.CAPTCHA_SITE_KEY, "script_url": script,
            "widget_class": remote.widget_class, "response_field": remote.response_field,
            "action": RECAPTCHA_V3_ACTION}


def verify(request: HttpRequest) -> Verdict:
    name = provider_name()
    if name == "altcha":
        return _verify_altcha(request.POST.get("altcha", ""))
    remote = REMOTE_PROVIDERS[name]
    return _verify_remote(name, remote, request.POST.get(remote.response_field, ""),
                          client_ip(request))


def _verify_altcha(payload: str) -> Verdict:
    if not payload:
        return Verdict(False, MISSING)
    try:
        ok, error = altcha_v1.verify_solution(payload, _altcha_key().hex(), check_expires=True)
    except Exception:  # a forged payload can break decoding in many ways; all mean "no"
        logger.info("ALTCHA payload could not be read")
        return Verdict(False, FAILED)
    if not ok:
        logger.info("ALTCHA refused: %s", error)
        return Verdict(False, FAILED)
    if not _spend(payload):
        return Verdict(False, FAILED)
    return Verdict(True)


def _spend(payload: str) -> bool:
    """Record the solved challenge; False if it was already spent."""
    from unknot.moderation.models import SpentChallenge

    signature = json.loads(base64.b64decode(payload))["signature"]
    now = timezone.now()
    SpentChallenge.objects.filter(expires_at__lt=now).delete()
    try:
        with transaction.atomic():
            SpentChallenge.objects.create(signature=str(signature)[:128],
                                          expires_at=now + ALTCHA_LIFETIME)
    except IntegrityError:
        return False
    return True


def _verify_remote(name: str, remote: Remote, token: str, remote_ip: str) -> Verdict:
    if not token:
        return Verdict(False, MISSING)
    body = urllib.parse.urlencode({
        "secret": settings.CAPTCHA_SECRET_KEY, "response": token, "remoteip": remote_ip,
    }).encode()
    url = settings.CAPTCHA_VERIFY_URL or remote.verify_url
    verify_request = urllib.request.Request(url, data=body, method="POST")  # noqa: S310
    try:
        with urllib.request.urlopen(  # noqa: S310 (the URL is the operator's setting)
            verify_request, timeout=settings.CAPTCHA_TIMEOUT
        ) as response:
            answer = json.loads(response.read(65536))
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        logger.warning("%s verification unreachable: %s", name, error)
        return Verdict(False, UNAVAILABLE)
    except ValueError:
        logger.warning("%s verification answered something that is not JSON", name)
        return Verdict(False, UNAVAILABLE)
    if not isinstance(answer, dict) or not isinstance(answer.get("success"), bool):
        logger.warning("%s verification answer has no success flag", name)
        return Verdict(False, UNAVAILABLE)
    if not answer["success"]:
        return Verdict(False, FAILED)
    if name == "recaptcha_v3":
        score = answer.get("score")
        if answer.get("action") != RECAPTCHA_V3_ACTION or not isinstance(score, int | float):
            return Verdict(False, FAILED)
        if score < settings.CAPTCHA_V3_MIN_SCORE:
            return Verdict(False, FAILED)
    return Verdict(True)

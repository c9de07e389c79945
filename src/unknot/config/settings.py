"""Unknot settings, read from the environment; safe defaults run it on SQLite.

Every variable is optional:
    UNKNOT_DEBUG            "1" to turn on Django's debug pages (never in production)
    UNKNOT_SECRET_KEY       secret for signing; required unless the database is SQLite, where
                            `unknot deploy` makes one once and keeps it in the data folder
    UNKNOT_DATA_DIR         where the SQLite database, secret key and media live (./var)
    UNKNOT_DATABASE_URL     e.g. postgres://user@127.0.0.1:5432/unknot (default: SQLite)
    UNKNOT_REDIS_URL        e.g. redis://127.0.0.1:6379/0 for a cache shared by app servers
    UNKNOT_ALLOWED_HOSTS    comma-separated host names (default: localhost names)
    UNKNOT_CSRF_TRUSTED_ORIGINS  comma-separated origins when behind a proxy
    UNKNOT_EMERGENCY_NUMBER the number shown on emergency results, e.g. "112"; unset explains
                            112 / 911 / 999 by region
    UNKNOT_SECURE           "1" behind HTTPS: secure cookies, HSTS, SSL redirect
    UNKNOT_SITE_DOMAIN      host (and port) used in feed, sitemap and email links (127.0.0.1:8000)
    UNKNOT_COMMENT_PREMODERATION  "every" (default): every comment waits for a moderator;
                            "first": only a person's first comment (by email address) waits
    UNKNOT_COMMENT_MAX_LENGTH  longest comment in characters (3000)
    UNKNOT_COMMENT_RATE     comments one address may send, e.g. "5/10m" (default)
    UNKNOT_CAPTCHA          "altcha" (default, self-hosted proof of work), "recaptcha_v2",
                            "recaptcha_v3", "hcaptcha" or "turnstile"
    UNKNOT_CAPTCHA_SITE_KEY, UNKNOT_CAPTCHA_SECRET_KEY  the hosted CAPTCHA's keys
    UNKNOT_CAPTCHA_TIMEOUT  seconds to wait for the hosted CAPTCHA's verification (5)
    UNKNOT_TRUSTED_PROXIES  comma-separated addresses of reverse proxies in front of Unknot; from
                            them, the client address is read from X-Forwarded-For (none)
    UNKNOT_EMAIL_HOST       SMTP server for account emails; unset prints them to the console
    UNKNOT_EMAIL_PORT       SMTP port (587)
    UNKNOT_EMAIL_USER, UNKNOT_EMAIL_PASSWORD  SMTP login, if the server needs one
    UNKNOT_EMAIL_TLS        "0" to turn off STARTTLS (on by default)
    UNKNOT_FROM_EMAIL       sender of account emails (Unknot <noreply@localhost>)
    UNKNOT_CONTACT_EMAIL    an address where people can reach the operator (none)
    UNKNOT_API_WRITE_RATE   API writes one token may make, e.g. "120/m" (default)
    UNKNOT_API_ADDRESS_RATE API writes and assessments from one address, e.g. "300/m" (default)
    UNKNOT_ASSESS_RATE      POST /api/v1/assessments from one address, e.g. "60/m" (default)
    UNKNOT_MAX_OPEN_EPISODES  open episodes one person may have at once (20)
    UNKNOT_REMINDER_HOUR    hour of the day (UTC) the worker sends the daily reminders (18)
    UNKNOT_TASKS_SYNC       "1" to send emails in the web request after commit, without a worker
    UNKNOT_WORKER_PROCESSES task processes in each `unknot worker` (2)
    UNKNOT_METRICS_TOKEN    bearer token that may read /metrics
    UNKNOT_METRICS_ALLOWED  comma-separated addresses that may read /metrics without it
    UNKNOT_LOG_FORMAT       "json" (default) or "text"
    UNKNOT_SENTRY_DSN       report errors to Sentry (the [sentry] extra); unset, nothing is sent
"""

from __future__ import annotations

import os
import secrets
import warnings
from pathlib import Path
from typing import Any

import dj_database_url


def _env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("UNKNOT_DATA_DIR", Path.cwd() / "var")).resolve()


SECRET_KEY_FILE = DATA_DIR / "secret_key"


def _secret_key() -> tuple[str, str]:
    """The key and where it came from: "environment", "file" or "process".

    Nothing is written here (settings are read on read-only file systems
    too): `unknot deploy` makes the key file for a single SQLite machine. A
    key made for this process alone breaks sessions across processes, so the
    system checks (ops/checks.py) refuse it, and any key not given in the
    environment, when the database is shared by several servers.
    """
    if key := os.environ.get("UNKNOT_SECRET_KEY"):
        return key, "environment"
    if SECRET_KEY_FILE.exists():
        return SECRET_KEY_FILE.read_text().strip(), "file"
    return secrets.token_urlsafe(50), "process"


DEBUG = _env_flag("UNKNOT_DEBUG")
SECRET_KEY, SECRET_KEY_SOURCE = _secret_key()
ALLOWED_HOSTS = _env_list("UNKNOT_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = _env_list("UNKNOT_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "ninja",
    "unknot.core",
    "unknot.assessments",
    "unknot.api",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django_comments",
    # Only for its system checks: they refuse a cache that cannot count across workers.
    "django_ratelimit",
    "unknot.guides",
    "unknot.moderation",
    "unknot.products",
    "unknot.pages",
    # Before allauth, so its templates (our layout, errors beside fields) win.
    "unknot.accounts",
    "allauth",
    "allauth.account",
    "unknot.tracking",
    "django_q",
    "django_prometheus",
    "unknot.ops",
]

MIDDLEWARE = [
    # Counts and times every request (by route), whatever answers it.
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # The request id first in, so every log line of the request carries it.
    "unknot.ops.logs.request_id",
    # First, so that whatever goes wrong further in, /api/ answers JSON, never HTML.
    "unknot.api.middleware.api_errors_as_json",
    # A shared cache (Redis) that is down: a clear 503, never a 500 (core/outage.py).
    "unknot.core.outage.cache_outage",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "unknot.core.middleware.refuse_oversized_bodies",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Django's session, CSRF, login and message middleware, skipped for API
    # calls, which use none of them (core/middleware.py).
    "unknot.core.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "unknot.core.middleware.CsrfViewMiddleware",
    "unknot.core.middleware.AuthenticationMiddleware",
    "unknot.core.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # django-csp's, with a fixed policy for JSON (core/middleware.py).
    "unknot.core.middleware.ContentSecurityPolicy",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "unknot.config.urls"
WSGI_APPLICATION = "unknot.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "unknot.core.context_processors.site",
            ],
            # `{% load static %}` gives the same tag, remembering each address.
            "libraries": {"static": "unknot.core.templatetags.static_once"},
        },
    },
]
# That replacement on purpose shares Django's own name, which templates.W003 warns of
# on every command; the test beside it checks the two tags give the same address.
SILENCED_SYSTEM_CHECKS = ["templates.W003"]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("UNKNOT_DATABASE_URL", f"sqlite:///{DATA_DIR / 'unknot.sqlite3'}"),
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers write to one file. WAL lets readers go on while
    # one writes; IMMEDIATE takes the write lock when a transaction begins, so
    # two writers queue instead of both reading and then failing with
    # "database is locked" on their first write; the timeout (seconds) is how
    # long a writer waits in that queue. synchronous=NORMAL is safe with WAL.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate limits, login lockout and the like count in the cache, so it must be
# one that every worker and app server shares, with counters that go up by
# exactly one per request whatever runs at the same moment: Redis when there
# is one, else a table in the database (made by `unknot migrate`).
CACHES: dict[str, dict[str, Any]]
if redis_url := os.environ.get("UNKNOT_REDIS_URL"):
    # Short timeouts: a Redis that is down must cost a request a second or
    # two, then the clear refusal of core/outage.py, never a hung worker.
    CACHES = {"default": {"BACKEND": "unknot.core.cache.RedisCache",
                          "LOCATION": redis_url,
                          "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2}},
              # allauth's login limits count here while Redis is unreachable.
              "limits-fallback": {"BACKEND": "unknot.core.cache.DatabaseCache",
                                  "LOCATION": "unknot_cache"}}
else:
    CACHES = {"default": {"BACKEND": "unknot.core.cache.DatabaseCache",
                          "LOCATION": "unknot_cache"}}
# Rendered pages and fragments that are the same for everyone (core/content.py)
# stay in each process's own memory: reading them must cost less than drawing
# them. Their keys carry the content version kept in the database, so a save
# by an editor reaches every worker and app server at once all the same.
CACHES["pages"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                   "LOCATION": "unknot-pages", "OPTIONS": {"MAX_ENTRIES": 1000}}

# Sessions live in the database, never only in the cache: a Redis outage must
# not log everybody out (Django's default, said here so nobody changes it lightly).
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Background work: django-q2 with its ORM broker keeps the tasks in this
# database (backed up with everything else), retries a task whose process
# died ("retry" seconds after it was taken) and runs the schedules (the
# outbox sweep, the daily reminders). `unknot worker` runs it.
TASKS_SYNC = _env_flag("UNKNOT_TASKS_SYNC")
REMINDER_HOUR = int(os.environ.get("UNKNOT_REMINDER_HOUR", "18"))
if not 0 <= REMINDER_HOUR <= 23:
    raise ValueError("UNKNOT_REMINDER_HOUR must be an hour from 0 to 23")
Q_CLUSTER: dict[str, Any] = {
    "name": "unknot",
    "orm": "default",
    "workers": int(os.environ.get("UNKNOT_WORKER_PROCESSES", "2")),
    "timeout": 120,
    "retry": 300,
    "max_attempts": 3,
    "poll": 1,
    "catch_up": False,
    "save_limit": 1000,
    "ack_failures": True,
    "sync": TASKS_SYNC,
}

# Requests larger than this are refused before they are read: 413, with a
# JSON body on the API and a plain page elsewhere. Guides are the largest
# thing anyone posts; an intake is under 2 KB.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024

# Argon2 first (memory-hard, the OWASP recommendation); PBKDF2 stays listed so
# older hashes still verify and are upgraded at the next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts (django-allauth, email and password only, no social logins).
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_ADAPTER = "unknot.accounts.adapter.AccountAdapter"
ACCOUNT_USER_DISPLAY = "unknot.accounts.adapter.user_display"
# A password reset for an address with no account sends nothing, so the form
# cannot be used to mail strangers.
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
# Password guessing: after 5 failed logins for one address (or from one IP)
# within 5 minutes allauth refuses further tries and says so. Counted in the
# shared cache, so every worker and app server sees the same count.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "signup": "20/h/ip",
    "reset_password": "20/m/ip,5/m/key",
    "change_email": "5/h/user",
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "tracking:episodes"
ACCOUNT_LOGOUT_REDIRECT_URL = "core:start"

if email_host := os.environ.get("UNKNOT_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = email_host
    EMAIL_PORT = int(os.environ.get("UNKNOT_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("UNKNOT_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("UNKNOT_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = _env_flag("UNKNOT_EMAIL_TLS", default=True)
    # A mail server that hangs costs the worker this long at most, then a retry.
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("UNKNOT_FROM_EMAIL", "Unknot <noreply@localhost>")
# Where people can write to the operator; unset, pages never offer a contact.
CONTACT_EMAIL = os.environ.get("UNKNOT_CONTACT_EMAIL", "").strip()

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
# Hashed file names (app.3f2a9c.css), so the proxy and browsers may keep them
# for a year: once `unknot deploy` has collected them with their manifest.
# Before that (tests, a checkout never deployed) plain names from the apps.
STATIC_MANIFEST = _env_flag("UNKNOT_STATIC_MANIFEST",
                            default=(STATIC_ROOT / "staticfiles.json").exists())
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
                    if STATIC_MANIFEST else "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Before the first collectstatic there is no STATIC_ROOT yet; nothing is
# written at import to make one, so whitenoise's note about it is not news.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
# Serve straight from the packages' static folders when collectstatic has not
# run (tests, a first start); production runs collectstatic and reads STATIC_ROOT.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Security headers. The CSP allows nothing from other origins: every script,
# style and font is served by this site (no CDN, no third-party trackers).
SECURE = _env_flag("UNKNOT_SECURE")
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
SECURE_HSTS_SECONDS = 31_536_000 if SECURE else 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# A stale or missing CSRF token shows the form again, with what was typed.
CSRF_FAILURE_VIEW = "unknot.core.csrf.csrf_failure"
# Nothing here needs a camera, a microphone, a location or a payment: say so,
# so that no script or embedded frame can ever ask for them.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: [] for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media",
        "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment",
        "publickey-credentials-get", "serial", "usb", "xr-spatial-tracking",
    )
}
# The routine player keeps the screen on during a routine (Wake Lock API).
PERMISSIONS_POLICY["screen-wake-lock"] = ["self"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# Guides, comments and products.
SITE_ID = 1
SITE_DOMAIN = os.environ.get("UNKNOT_SITE_DOMAIN", "127.0.0.1:8000")
COMMENTS_APP = "unknot.moderation"
COMMENT_PREMODERATION = os.environ.get("UNKNOT_COMMENT_PREMODERATION", "every")
if COMMENT_PREMODERATION not in {"every", "first"}:
    raise ValueError('UNKNOT_COMMENT_PREMODERATION must be "every" or "first"')
COMMENT_MAX_LENGTH = int(os.environ.get("UNKNOT_COMMENT_MAX_LENGTH", "3000"))
COMMENT_RATE = os.environ.get("UNKNOT_COMMENT_RATE", "5/10m")
COMMENT_MIN_FILL_SECONDS = 3
TRUSTED_PROXIES = frozenset(_env_list("UNKNOT_TRUSTED_PROXIES", ""))
# Counted in the shared cache (see CACHES), the same count for every worker.
RATELIMIT_USE_CACHE = "default"
CAPTCHA_PROVIDER = os.environ.get("UNKNOT_CAPTCHA", "altcha")
CAPTCHA_SITE_KEY = os.environ.get("UNKNOT_CAPTCHA_SITE_KEY", "")
CAPTCHA_SECRET_KEY = os.environ.get("UNKNOT_CAPTCHA_SECRET_KEY", "")
CAPTCHA_VERIFY_URL = os.environ.get("UNKNOT_CAPTCHA_VERIFY_URL", "")  # tests: a fake server
CAPTCHA_TIMEOUT = float(os.environ.get("UNKNOT_CAPTCHA_TIMEOUT", "5"))
CAPTCHA_V3_MIN_SCORE = 0.5
# About 25,000 hashes on average: well under a second in a phone's browser, a
# real cost for a script posting thousands of comments.
ALTCHA_MAX_NUMBER = 50_000
# A hosted CAPTCHA loads its script and frame from the provider: only then does
# the policy name the provider's origins.
_CAPTCHA_ORIGINS = {
    "altcha": [],
    "recaptcha_v2": ["https://www.google.com", "https://www.gstatic.com"],
    "recaptcha_v3": ["https://www.google.com", "https://www.gstatic.com"],
    "hcaptcha": ["https://hcaptcha.com", "https://*.hcaptcha.com"],
    "turnstile": ["https://challenges.cloudflare.com"],
}
if CAPTCHA_PROVIDER not in _CAPTCHA_ORIGINS:
    raise ValueError(f"UNKNOT_CAPTCHA must be one of {', '.join(_CAPTCHA_ORIGINS)}")
if CAPTCHA_PROVIDER != "altcha" and not (CAPTCHA_SITE_KEY and CAPTCHA_SECRET_KEY):
    raise ValueError("UNKNOT_CAPTCHA_SITE_KEY and UNKNOT_CAPTCHA_SECRET_KEY are needed for "
                     + CAPTCHA_PROVIDER)
for _directive in ("script-src", "frame-src", "connect-src", "style-src"):
    CONTENT_SECURITY_POLICY["DIRECTIVES"].setdefault(_directive, ["'self'"])
    CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive] += _CAPTCHA_ORIGINS[CAPTCHA_PROVIDER]

# The API's own limits (see unknot.api.limits): writes per token and per
# address, and assessments per address; past them it answers 429 with
# Retry-After. A person may keep this many episodes open at once.
API_WRITE_RATE = os.environ.get("UNKNOT_API_WRITE_RATE", "120/m")
API_ADDRESS_RATE = os.environ.get("UNKNOT_API_ADDRESS_RATE", "300/m")
ASSESS_RATE = os.environ.get("UNKNOT_ASSESS_RATE", "60/m")
MAX_OPEN_EPISODES = int(os.environ.get("UNKNOT_MAX_OPEN_EPISODES", "20"))

# /metrics: only for the operator (ops/metrics.py); with neither set, nobody.
METRICS_TOKEN = os.environ.get("UNKNOT_METRICS_TOKEN", "")
METRICS_ALLOWED = frozenset(_env_list("UNKNOT_METRICS_ALLOWED", ""))

EMERGENCY_NUMBER = os.environ.get("UNKNOT_EMERGENCY_NUMBER", "").strip()
SITE_NAME = "Unknot"

# One JSON object a line (python-json-logger), each with the request's id
# (ops/logs.py), on standard error where systemd's journal keeps it;
# UNKNOT_LOG_FORMAT=text for a person reading a terminal.
LOG_FORMAT = os.environ.get("UNKNOT_LOG_FORMAT", "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ValueError('UNKNOT_LOG_FORMAT must be "json" or "text"')
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "unknot.ops.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "pythonjsonlogger.json.JsonFormatter",
                 "format": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
                 "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"}},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT,
                             "filters": ["request_id"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("UNKNOT_LOG_LEVEL", "WARNING")},
}

# Error reports to Sentry, only when a DSN is given (and the [sentry] extra
# installed): nothing leaves the server otherwise. No personal data is sent.
if sentry_dsn := os.environ.get("UNKNOT_SENTRY_DSN", "").strip():
    import sentry_sdk

    sentry_sdk.init(dsn=sentry_dsn, send_default_pii=False,
                    traces_sample_rate=float(os.environ.get("UNKNOT_SENTRY_TRACES", "0")),
                    environment=os.environ.get("UNKNOT_SENTRY_ENVIRONMENT", "production"))

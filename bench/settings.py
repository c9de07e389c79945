"""Settings for the API benchmark: the real site plus one trivial view to compare with."""

from unknot.config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
DEBUG = False

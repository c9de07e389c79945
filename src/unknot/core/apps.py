from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "unknot.core"
    label = "core"

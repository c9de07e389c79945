from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "unknot.pages"
    label = "pages"

from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "unknot.assessments"
    label = "assessments"

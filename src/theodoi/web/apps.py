from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "theodoi.web"
    verbose_name = "Giao diện"

from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "theodoi.units"
    verbose_name = "Đơn vị"

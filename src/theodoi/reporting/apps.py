from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "theodoi.reporting"
    verbose_name = "Báo cáo định kỳ"

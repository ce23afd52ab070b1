from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "theodoi.audit"
    verbose_name = "Lịch sử thay đổi"

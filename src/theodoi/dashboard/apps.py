from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "theodoi.dashboard"
    verbose_name = "Tổng quan, báo cáo tổng hợp, công khai"

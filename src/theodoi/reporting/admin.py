from django.contrib import admin

from .models import PlanReportingSchedule, ReportingPeriod, UnitReport


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(admin.ModelAdmin):
    list_display = ("label", "frequency", "start", "end", "due")
    list_filter = ("frequency", "year")


@admin.register(PlanReportingSchedule)
class PlanReportingScheduleAdmin(admin.ModelAdmin):
    list_display = ("plan", "frequency")


@admin.register(UnitReport)
class UnitReportAdmin(admin.ModelAdmin):
    """Read-only: reports change only through the app's services (audited)."""

    list_display = ("period", "unit", "state", "version", "first_sent_at")
    list_filter = ("state", "period__frequency")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

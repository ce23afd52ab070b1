from django.contrib import admin

from .models import Indicator, Plan, Target, Task


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["number", "kind", "title", "issuer", "date", "is_public"]
    list_filter = ["kind", "is_public"]
    search_fields = ["number", "title", "issuer"]
    readonly_fields = ["content_hash", "created_at", "updated_at", "created_by"]
    exclude = ["search_text"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "unit_of_measure", "is_cumulative"]
    search_fields = ["name"]


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["code", "text", "comparator", "value", "unit", "year", "plan"]
    search_fields = ["text"]
    autocomplete_fields = ["indicator"]
    list_select_related = ["plan"]
    raw_id_fields = ["plan"]


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["code", "text", "deadline_raw", "due_date", "plan"]
    search_fields = ["text"]
    list_select_related = ["plan"]
    raw_id_fields = ["plan"]

from django.contrib import admin

from .models import Unit, UnitAlias


class AliasInline(admin.TabularInline):
    model = UnitAlias
    extra = 1
    fields = ["alias"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "level", "parent", "is_active", "pending"]
    list_filter = ["kind", "level", "is_active", "pending"]
    search_fields = ["name", "short_name", "aliases__alias"]
    autocomplete_fields = ["parent", "successor"]
    inlines = [AliasInline]
    readonly_fields = ["path", "depth"]

"""Number writing for the dashboard: Vietnamese decimal comma."""

from __future__ import annotations

from django import template

from theodoi.documents import format_number

register = template.Library()


@register.filter
def pct(ratio) -> str:
    """0.853 → "85,3%"; None → "–"."""
    if ratio is None or ratio == "":
        return "–"
    return f"{format_number(float(ratio) * 100, 1)}%"


@register.filter
def num(value) -> str:
    if value is None or value == "":
        return "–"
    return format_number(value)

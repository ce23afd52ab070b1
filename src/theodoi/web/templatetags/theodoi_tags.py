"""Display helpers: Vietnamese numbers (decimal comma) and target bounds."""

from __future__ import annotations

import functools
from decimal import Decimal

from django import template
from django.urls import reverse

register = template.Library()

COMPARATOR_SIGNS = {">=": "≥ ", "<=": "≤ ", "=": "", "range": "", "qualitative": ""}


@register.filter
def vn_number(value) -> str:
    """1.5 -> '1,5'; 70.0000 -> '70'."""
    if value is None or value == "":
        return ""
    if not isinstance(value, Decimal):
        value = Decimal(str(value))
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


@register.filter
def target_bound(target) -> str:
    """How a target's required value reads: '≥ 70 %', '3 – 5 Vấn đề lớn', 'Duy trì'."""
    if target.comparator == "qualitative":
        return target.qualitative
    if target.value is None:
        return target.qualitative or "—"
    if target.comparator == "range":
        text = f"{vn_number(target.value)} – {vn_number(target.value_max)}"
    else:
        text = COMPARATOR_SIGNS.get(target.comparator, "") + vn_number(target.value)
    return f"{text} {target.unit}".strip()


@register.filter
def get_item(mapping, key):
    """``{{ matches|get_item:name }}``: dictionary lookup with a variable key."""
    return mapping.get(key) if mapping else None


_SENTINEL = 987654321


@functools.cache
def _url_pattern(name: str) -> tuple[str, str]:
    prefix, _, suffix = reverse(name, args=[_SENTINEL]).partition(str(_SENTINEL))
    return prefix, suffix


@register.filter
def link(pk, name: str) -> str:
    """``{{ task.pk|link:'task_detail' }}``: the URL of an object by id, without a
    full ``reverse()`` per row (tables of a thousand rows call it thousands of times)."""
    prefix, suffix = _url_pattern(name)
    return f"{prefix}{int(pk)}{suffix}"

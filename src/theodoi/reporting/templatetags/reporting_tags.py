"""Status badges, and task statuses computed once per page for the task tables."""

from __future__ import annotations

from django import template
from django.utils import timezone
from django.utils.html import format_html

from theodoi.reporting import status as st

register = template.Library()


def _badge(label: str, css: str):
    return format_html('<span class="badge {}">{}</span>', css, label)


@register.simple_tag
def task_badge(code: str):
    if not code:
        return ""
    return _badge(*st.task_label(code))


@register.simple_tag
def target_badge(code: str):
    return _badge(*st.TARGET_LABELS.get(code, (code, ""))) if code else ""


@register.simple_tag
def timeliness_badge(code: str):
    return _badge(*st.TIMELINESS_LABELS.get(code, (code, ""))) if code else ""


@register.simple_tag(takes_context=True)
def task_statuses_for(context, tasks) -> dict:
    """Status per task id for a task table. One query per page: the plan page includes the
    table once per section, so the whole plan is loaded on the first call and kept on the request.
    """
    from theodoi.reporting.selectors import load_sent_task_items, task_statuses

    tasks = list(tasks or [])
    if not tasks:
        return {}
    request = context.get("request")
    today = timezone.localdate()
    plan_ids = frozenset(t.plan_id for t in tasks)
    cache = getattr(request, "_theodoi_sent_items", None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            request._theodoi_sent_items = cache
    loaded = cache.get(plan_ids)
    if loaded is None:
        single_plan = len(plan_ids) == 1
        loaded = load_sent_task_items(tasks, today=today, by_plan=single_plan)
        if single_plan:
            cache[plan_ids] = loaded
    return task_statuses(tasks, today=today, loaded=loaded)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def filesize(n) -> str:
    n = int(n or 0)
    if n >= 1048576:
        return f"{n / 1048576:.1f} MB".replace(".", ",")
    return f"{max(1, n // 1024)} KB"


@register.simple_tag
def fld(form, name: str, wide: bool = False):
    """One labelled form field as HTML, built directly (a report form holds thousands of fields;
    Django's template-based widget rendering made the busiest unit's page take seconds)."""
    from django import forms
    from django.utils.html import conditional_escape
    from django.utils.safestring import mark_safe

    bf = form[name]
    widget = bf.field.widget
    value = bf.value()
    attrs = f'name="{bf.html_name}" id="{bf.auto_id}"'
    if isinstance(widget, forms.NullBooleanSelect):
        current = {True: "true", False: "false"}.get(value if not isinstance(value, str) else
                                                     {"true": True, "false": False}.get(value), "unknown")
        opts = "".join(
            f'<option value="{k}"{" selected" if k == current else ""}>{conditional_escape(lbl)}</option>'
            for k, lbl in widget.choices)
        control = f"<select {attrs}>{opts}</select>"
    elif isinstance(widget, forms.Select):
        current = "" if value is None else str(value)
        opts = "".join(
            f'<option value="{conditional_escape(k)}"{" selected" if str(k) == current else ""}>'
            f"{conditional_escape(lbl)}</option>" for k, lbl in bf.field.choices)
        control = f"<select {attrs}>{opts}</select>"
    elif isinstance(widget, forms.Textarea):
        rows = widget.attrs.get("rows", 2)
        ph = widget.attrs.get("placeholder")
        control = (f'<textarea {attrs} rows="{rows}"'
                   f'{f" placeholder={chr(34)}{conditional_escape(ph)}{chr(34)}" if ph else ""}>'
                   f'{conditional_escape("" if value is None else value)}</textarea>')
    elif isinstance(widget, forms.CheckboxInput):
        control = f'<input type="checkbox" {attrs}{" checked" if value else ""}>'
    else:
        kind = "date" if isinstance(widget, forms.DateInput) else (
            "number" if isinstance(widget, forms.NumberInput) and not isinstance(
                bf.field, forms.DecimalField) else "text")
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        elif value is not None and isinstance(bf.field, forms.DecimalField):
            value = vn_decimal(value)
        ph = widget.attrs.get("placeholder")
        control = (f'<input type="{kind}" {attrs} value="{conditional_escape("" if value is None else value)}"'
                   f'{f" placeholder={chr(34)}{conditional_escape(ph)}{chr(34)}" if ph else ""}>')
    errors = bf.errors
    css = "fld" + (" has-error" if errors else "") + (" wide" if wide else "")
    err = (f'<span class="errorlist">{conditional_escape(" ".join(errors))}</span>' if errors else "")
    return mark_safe(f'<label class="{css}"><span>{conditional_escape(bf.label)}</span>{control}{err}</label>')  # noqa: S308 - every part escaped above


def vn_decimal(value) -> str:
    from theodoi.web.templatetags.theodoi_tags import vn_number

    try:
        return vn_number(value)
    except Exception:  # a value the user typed that is not a number: show it as typed
        return str(value)

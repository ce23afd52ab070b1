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

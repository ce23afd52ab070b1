"""Plan screens. Thin: selectors do the scoped reads, templates the layout."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from theodoi.audit.models import AuditEvent

from . import selectors


def plan_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    plans = selectors.search_plans(request.user, query)
    page = Paginator(plans, 25).get_page(request.GET.get("trang"))
    template = "plans/_plan_rows.html" if request.htmx else "plans/plan_list.html"
    response = render(request, template, {"page": page, "query": query})
    response["Vary"] = "HX-Request"
    return response


def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan(request.user, pk)
    unit = None
    unit_id = request.GET.get("don_vi", "")
    units = list(selectors.plan_units(plan))
    if unit_id.isdigit():
        unit = next((u for u in units if u.pk == int(unit_id)), None)
    deadline = request.GET.get("han", "")
    if deadline not in selectors.DEADLINE_FILTERS:
        deadline = ""
    target_groups, task_sections = selectors.plan_sections(plan, unit=unit, deadline=deadline)
    context = {
        "plan": plan, "target_groups": target_groups, "task_sections": task_sections,
        "units": units, "unit": unit, "deadline": deadline,
        "deadline_filters": selectors.DEADLINE_FILTERS,
        "n_targets": sum(len(g.items) for g in target_groups),
        "n_tasks": sum(len(s.items) for s in task_sections),
        "cascade": selectors.plan_cascade(request.user, plan),
    }
    template = "plans/_plan_body.html" if request.htmx else "plans/plan_detail.html"
    response = render(request, template, context)
    response["Vary"] = "HX-Request"
    return response


def plan_cascade_view(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan(request.user, pk)
    return render(request, "plans/plan_cascade.html",
                  {"plan": plan, "cascade": selectors.plan_cascade(request.user, plan)})


def plan_source(request: HttpRequest, pk: int) -> FileResponse:
    plan = selectors.get_plan(request.user, pk)
    if not plan.source_file:
        raise Http404("Kế hoạch này không có tệp gốc.")
    return FileResponse(plan.source_file.open("rb"), as_attachment=True,
                        filename=plan.source_name or plan.source_file.name.rsplit("/", 1)[-1])


def plan_json_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan as plan JSON (theodoi's exchange file), for another installation."""
    from theodoi.reader.planjson import dumps_plan

    from .exchange import export_plan_json

    plan = selectors.get_plan(request.user, pk)
    response = HttpResponse(dumps_plan(export_plan_json(plan)), content_type="application/json; charset=utf-8")
    name = (plan.number or f"ke-hoach-{plan.pk}").replace("/", "-")
    response["Content-Disposition"] = f'attachment; filename="{fold_filename(name)}.json"'
    return response


def fold_filename(name: str) -> str:
    """An ASCII file name: browsers and mail gateways mangle accents in headers."""
    from theodoi.vntext import fold

    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in fold(name)) or "ke-hoach"


def plan_history(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan(request.user, pk)
    # A plan's own history (import, amendments) is not unit-private: whoever may
    # open the plan may read it. Unit-private history (reports) is scoped elsewhere.
    events = AuditEvent.objects.filter(object_type="plans.plan", object_id=str(plan.pk))
    return render(request, "audit/history.html", {"object": plan, "events": events})


def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.get_task(request.user, pk)
    assignments = list(task.assignments.all())
    return render(request, "plans/task_detail.html", {
        "task": task,
        "open_assignments": [a for a in assignments if a.ended_at is None],
        "past_assignments": [a for a in assignments if a.ended_at is not None],
    })


def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    indicator, targets = selectors.get_indicator(request.user, pk)
    return render(request, "plans/indicator_detail.html", {"indicator": indicator, "targets": targets})

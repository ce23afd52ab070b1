"""Dashboard, drill-downs, consolidated report, unit report export, public page. Thin views."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from theodoi.plans.models import Plan
from theodoi.reporting import permissions as perm
from theodoi.reporting import selectors as reporting_selectors
from theodoi.reporting.services import ensure_periods
from theodoi.units.models import Unit

from . import consolidated, metrics, selectors, services
from .forms import ConsolidatedForm


def _chart_data(d: metrics.Dashboard, base: str) -> dict:
    return {
        "status": [{"label": label, "count": n, "css": css, "url": f"{base}trang_thai={slug}"}
                   for _code, label, css, slug, n in d.tally.rows()],
        "trend": [{"label": p.label, "on_time": p.on_time_percent, "done": p.done,
                   "overdue": p.overdue, "moc": p.end.isoformat()} for p in d.trends],
    }


def dashboard(request: HttpRequest) -> HttpResponse:
    """"Tổng quan": the province (or the user's subtree) at a glance."""
    scope = selectors.resolve_scope(request.user, request.GET)
    ensure_periods()
    data = metrics.build(scope)
    query = "&".join(f"{k}={v}" for k, v in (
        ("ke_hoach", scope.plan_ids[0] if scope.plan_ids else ""),
        ("pham_vi", request.GET.get("pham_vi", ""))) if v)
    base = f"?{query}&" if query else "?"  # links append "key=value"
    return render(request, "dashboard/dashboard.html", {
        "d": data, "q": query, "base": base, "chart": _chart_data(data, base),
        "plans": Plan.objects.order_by("-date", "-id").only("id", "number", "kind", "title"),
        "units": (Unit.objects.filter(path__startswith=request.user.unit.path)
                  if not request.user.sees_all else Unit.objects.filter(is_active=True, depth__lte=2))
        .order_by("path").only("id", "name", "depth", "path"),
        "scope_unit": scope.unit, "plan_id": scope.plan_ids[0] if scope.plan_ids else None,
        "my_reports": selectors.unit_reports(request.user),
        "can_consolidate": perm.is_standing(request.user),
    })


def task_list(request: HttpRequest) -> HttpResponse:
    """The tasks behind a figure of the dashboard."""
    scope = selectors.resolve_scope(request.user, request.GET)
    page = selectors.drill_tasks(scope, request.GET)
    params = request.GET.copy()
    params.pop("trang", None)
    return render(request, "dashboard/tasks.html", {
        "page": page, "scope": scope, "qs": params.urlencode(),
        "plan": Plan.objects.filter(pk=scope.plan_ids[0]).first() if scope.plan_ids else None,
        "today": timezone.localdate()})


def target_list(request: HttpRequest) -> HttpResponse:
    scope = selectors.resolve_scope(request.user, request.GET)
    rows, title = selectors.drill_targets(scope, request.GET.get("trang_thai", ""))
    return render(request, "dashboard/targets.html", {"rows": rows, "title": title,
                                                      "scope": scope})


@require_http_methods(["GET", "POST"])
def consolidated_report(request: HttpRequest) -> HttpResponse:
    """The standing agency's consolidated report: choose, type, generate DOCX/XLSX/PDF."""
    if not perm.is_standing(request.user):
        raise PermissionDenied("Chỉ cơ quan thường trực lập báo cáo tổng hợp.")
    ensure_periods()
    today = timezone.localdate()
    periods = reporting_selectors.recent_periods(today=today)
    default = reporting_selectors.default_period(periods, today)
    options = consolidated.default_options(request.user.unit,
                                           place=settings.THEODOI_DOCUMENT_PLACE)
    if request.method == "POST":
        form = ConsolidatedForm(request.POST)
        fmt = request.POST.get("dinh_dang", "docx")
        if fmt in services.FORMATS and form.is_valid():
            doc = services.consolidated_document(
                actor=request.user, period=form.cleaned_data["ky"],
                plan=form.cleaned_data["ke_hoach"], options=form.options(), fmt=fmt)
            response = HttpResponse(doc.data, content_type=doc.content_type)
            response["Content-Disposition"] = f'attachment; filename="{doc.filename}"'
            return response
    else:
        initial = ConsolidatedForm.initial_from(options, default)
        if request.GET.get("ke_hoach"):
            initial["ke_hoach"] = request.GET["ke_hoach"]
        form = ConsolidatedForm(initial=initial)
    form.fields["ky"].queryset = form.fields["ky"].queryset.filter(
        pk__in=[p.pk for p in periods])
    return render(request, "dashboard/consolidated.html", {"form": form})


def unit_report_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """A unit's own period report as DOCX/XLSX/PDF (the unit, or anyone who may read it)."""
    if fmt not in services.FORMATS:
        raise Http404("Định dạng không hỗ trợ.")
    report = reporting_selectors.get_report(request.user, pk)
    doc = services.unit_report_document(actor=request.user, report=report, fmt=fmt)
    response = HttpResponse(doc.data, content_type=doc.content_type)
    response["Content-Disposition"] = f'attachment; filename="{doc.filename}"'
    return response


# ---------------------------------------------------------------- public (no login)

def public_index(request: HttpRequest) -> HttpResponse:
    data = selectors.public_overview()
    return render(request, "dashboard/public_index.html", {"d": data})


def public_plan(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.public_plan(pk)
    data = selectors.public_overview(plan_id=plan.pk)
    return render(request, "dashboard/public_plan.html", {"plan": plan, "d": data})

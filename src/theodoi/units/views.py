"""Unit screens: the tree, a unit's work, and the administrator's merge/confirm actions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from theodoi.accounts.scoping import visible_units
from theodoi.plans import selectors as plan_selectors

from .forms import MergeForm
from .matching import closest
from .models import Unit, UnitLevel
from .services import UnitError, confirm_unit, merge_units


def _require_admin(request: HttpRequest) -> None:
    if not request.user.has_perm("theodoi.manage_units"):
        raise PermissionDenied("Chỉ quản trị viên được thay đổi cây đơn vị.")


def unit_tree(request: HttpRequest) -> HttpResponse:
    units = (
        visible_units(request.user).filter(is_active=True)
        .annotate(n_open=Count("assignments", filter=Q(assignments__ended_at__isnull=True)))
        .order_by("path")
    )
    return render(request, "units/unit_tree.html", {"units": units})


def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = plan_selectors.get_unit(request.user, pk)
    include_sub = request.GET.get("cap_duoi", "1") != "0"
    tasks, targets = plan_selectors.unit_work(request.user, unit, include_subunits=include_sub)
    return render(request, "units/unit_detail.html", {
        "unit": unit, "tasks": tasks, "targets": targets, "include_sub": include_sub,
        "children": unit.children.filter(is_active=True).order_by("name"),
        "predecessors": unit.predecessors.all(),
    })


def pending_units(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    pending = list(Unit.objects.filter(pending=True).select_related("parent").annotate(
        n_open=Count("assignments", filter=Q(assignments__ended_at__isnull=True))))
    candidates = list(Unit.objects.filter(is_active=True, pending=False).select_related("parent"))
    by_id = {u.pk: u for u in candidates}
    for unit in pending:
        # A name read in a commune's plan means a unit of that commune, or a provincial one.
        scope = unit.parent.path if unit.parent_id else None
        choices = {u.pk: u.key for u in candidates
                   if scope is None or u.path.startswith(scope) or u.level != UnitLevel.COMMUNE}
        unit.suggestions = [(by_id[i], round(score)) for i, score in closest(unit.name, choices, limit=3)]
    return render(request, "units/pending_units.html", {"pending": pending})


def unit_merge(request: HttpRequest, pk: int) -> HttpResponse:
    _require_admin(request)
    source = get_object_or_404(Unit, pk=pk)
    initial = {}
    if request.GET.get("vao", "").isdigit():
        initial["target"] = int(request.GET["vao"])
    form = MergeForm(request.POST or None, source=source, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            moved = merge_units(actor=request.user, source=source, target=form.cleaned_data["target"],
                                reason=form.cleaned_data["reason"])
        except UnitError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"Đã gộp “{source.name}” vào “{form.cleaned_data['target'].name}”; "
                                      f"chuyển {moved} phân công đang mở.")
            return redirect(form.cleaned_data["target"])
    return render(request, "units/unit_merge.html", {"source": source, "form": form})


@require_POST
def unit_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    _require_admin(request)
    unit = get_object_or_404(Unit, pk=pk, pending=True)
    confirm_unit(actor=request.user, unit=unit)
    messages.success(request, f"Đã xác nhận “{unit.name}” là đơn vị mới.")
    return redirect("pending_units")

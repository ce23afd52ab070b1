"""Web import: upload a document, review what was read, confirm or cancel."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from theodoi.reader import ReaderError
from theodoi.reader.planjson import normalise_plan
from theodoi.units.matching import closest
from theodoi.units.models import Unit
from theodoi.units.services import find_unit

from . import review
from .errors import DuplicatePlan, PlanError
from .imports import confirm_draft, create_draft, discard_draft
from .models import PlanImportDraft
from .services import find_duplicate


def _require_manager(request: HttpRequest) -> None:
    if not request.user.has_perm("theodoi.manage_plans"):
        raise PermissionDenied("Chỉ cơ quan thường trực được nhập kế hoạch.")


@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    error = None
    text = ""
    if request.method == "POST":
        upload = request.FILES.get("file")
        text = request.POST.get("text", "")
        limit = settings.THEODOI_MAX_UPLOAD_BYTES
        try:
            if upload is not None:
                if upload.size > limit:
                    raise ReaderError(f"Tệp “{upload.name}” lớn {upload.size / 1048576:.1f} MB, "
                                      f"vượt giới hạn {limit / 1048576:.0f} MB.")
                draft = create_draft(actor=request.user, data=upload.read(), file_name=upload.name,
                                     max_bytes=limit)
            else:
                draft = create_draft(actor=request.user, text=text, max_bytes=limit)
        except ReaderError as exc:
            error = exc.message
        else:
            return redirect("plan_import_review", pk=draft.pk)
    return render(request, "plans/import_upload.html", {
        "error": error, "text": text, "max_mb": settings.THEODOI_MAX_UPLOAD_BYTES // 1048576,
    }, status=400 if error else 200)


def _agency_matches(plan_json: dict) -> dict[str, dict]:
    """For each printed agency: the unit it matches, or the closest units to propose."""
    issuer = plan_json["plan"].get("issuer")
    context = find_unit(issuer) if issuer else None
    names = review.agency_names(plan_json)
    choices = None
    result = {}
    for name in names:
        unit = find_unit(name, context=context)
        entry = {"unit": unit, "suggestions": []}
        if unit is None:
            if choices is None:
                choices = dict(Unit.objects.filter(is_active=True, pending=False).values_list("pk", "key"))
                by_id = Unit.objects.in_bulk(list(choices))
            entry["suggestions"] = [by_id[i] for i, _score in closest(name, choices, limit=3)]
        result[name] = entry
    return result


def _render_review(request, draft, plan_json, *, error=None, update=False, status=200):
    form = review.to_form(plan_json)
    matches = _agency_matches(plan_json)
    duplicate = find_duplicate(normalise_plan(plan_json)) if plan_json["plan"].get("title") else None
    return render(request, "plans/import_review.html", {
        "draft": draft, "form": form, "matches": matches,
        "unmatched": [n for n, m in matches.items() if m["unit"] is None],
        "warnings": draft.warnings, "error": error, "duplicate": duplicate, "update": update,
        "comparators": review.COMPARATOR_CHOICES,
    }, status=status)


@require_http_methods(["GET", "POST"])
def import_review(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    draft = get_object_or_404(PlanImportDraft, pk=pk, created_by=request.user)
    if request.method == "GET":
        return _render_review(request, draft, draft.plan_json)
    if request.POST.get("action") == "cancel":
        discard_draft(draft=draft)
        messages.info(request, "Đã hủy: không có gì được lưu.")
        return redirect("plan_import")
    plan_json = review.from_form(request.POST)
    update = bool(request.POST.get("update"))
    try:
        result = confirm_draft(actor=request.user, draft=draft, plan_json=plan_json, update=update,
                               is_public=bool(request.POST.get("is_public")))
    except DuplicatePlan as exc:
        return _render_review(request, draft, plan_json, error=exc.message, update=update, status=409)
    except (PlanError, ReaderError) as exc:
        return _render_review(request, draft, plan_json, error=exc.message, update=update, status=400)
    messages.success(request, result.summary)
    return redirect(result.plan)


@require_http_methods(["POST"])
def import_recheck(request: HttpRequest, pk: int) -> HttpResponse:
    """Re-match agencies after edits, without saving the plan (htmx or plain form)."""
    _require_manager(request)
    draft = get_object_or_404(PlanImportDraft, pk=pk, created_by=request.user)
    plan_json = review.from_form(request.POST)
    try:
        normalise_plan(plan_json)
    except ReaderError as exc:
        return _render_review(request, draft, plan_json, error=exc.message, status=400)
    draft.plan_json = plan_json
    draft.save(update_fields=["plan_json"])
    return _render_review(request, draft, plan_json, update=bool(request.POST.get("update")))


def import_template(request: HttpRequest) -> HttpResponse:
    """The XLSX template for plans that arrive in no readable form."""
    from theodoi.reader.template import build_template_xlsx

    names = list(Unit.objects.filter(is_active=True, pending=False).order_by("path").values_list("name", flat=True))
    response = HttpResponse(
        build_template_xlsx(names),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-ke-hoach.xlsx"'
    return response

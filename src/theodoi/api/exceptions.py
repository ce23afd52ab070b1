"""Errors of the API, always as JSON ``{"detail": "...", "code": "..."}`` in Vietnamese.

DRF's own messages are already translated (LANGUAGE_CODE is ``vi``); this handler
adds the project's errors (plan JSON, duplicates, unit operations, Django's
Http404/PermissionDenied raised by the selectors) and a Vietnamese message for
malformed JSON, and keeps field errors under ``errors`` so clients can show them.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import SuspiciousFileOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from theodoi.plans.errors import DuplicatePlan, PlanError
from theodoi.reader.errors import ReaderError
from theodoi.reporting.services import ReportError
from theodoi.units.services import UnitError

# Generic messages for the cases where DRF's text is English or too technical.
MESSAGES = {
    "parse_error": "Nội dung gửi lên không phải JSON hợp lệ.",
    "not_authenticated": "Chưa đăng nhập: gửi kèm tiêu đề “Authorization: Token <mã>”.",
    "authentication_failed": "Mã xác thực không hợp lệ hoặc đã bị thu hồi.",
    "permission_denied": "Bạn không có quyền thực hiện thao tác này.",
    "not_found": "Không tìm thấy đối tượng, hoặc bạn không có quyền xem.",
    "method_not_allowed": "Phương thức không được hỗ trợ ở địa chỉ này.",
    "unsupported_media_type": "Kiểu nội dung không được hỗ trợ: hãy gửi application/json.",
    "not_acceptable": "Không thể trả về định dạng được yêu cầu.",
    "invalid": "Dữ liệu không hợp lệ.",
    "file_name": "Tên tệp không lưu được (quá dài hoặc có ký tự không được phép); hãy đổi tên tệp rồi gửi lại.",
}


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Xung đột với dữ liệu đã có."
    default_code = "conflict"


def _flatten(detail: Any) -> str:
    """The first message of a nested DRF error detail, for the top-level ``detail``."""
    if isinstance(detail, dict):
        for key, value in detail.items():
            text = _flatten(value)
            if text:
                return text if key in ("non_field_errors", "detail") else f"{key}: {text}"
        return ""
    if isinstance(detail, list):
        return next((t for t in (_flatten(v) for v in detail) if t), "")
    return str(detail)


def api_exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF exception handler: every error becomes ``{"detail", "code"[, "errors"]}``."""
    extra: dict[str, Any] = {}
    if isinstance(exc, DuplicatePlan):
        exc_out: exceptions.APIException = Conflict(exc.message)
        extra["existing_id"] = exc.existing_id
    elif isinstance(exc, (PlanError, ReaderError, UnitError, ReportError)):
        exc_out = exceptions.ValidationError({"detail": exc.message})
    elif isinstance(exc, SuspiciousFileOperation):
        # Storage refuses a name it cannot store (an uploaded file's long extension …).
        exc_out = exceptions.ValidationError({"detail": MESSAGES["file_name"]})
    elif isinstance(exc, DjangoValidationError):
        exc_out = exceptions.ValidationError({"detail": "; ".join(exc.messages)})
    elif isinstance(exc, Http404):
        # get_object_or_404's text is English ("No Plan matches..."): use ours then.
        text = str(exc) if exc.args and not _looks_untranslated(str(exc)) else MESSAGES["not_found"]
        exc_out = exceptions.NotFound(text)
    elif isinstance(exc, DjangoPermissionDenied):
        exc_out = exceptions.PermissionDenied(str(exc) or MESSAGES["permission_denied"])
    elif isinstance(exc, exceptions.APIException):
        exc_out = exc
    else:
        return None  # a real server error: let Django log it and answer 500

    response = drf_exception_handler(exc_out, context)
    if response is None:  # pragma: no cover - every APIException is handled by DRF
        return None
    code = getattr(exc_out, "default_code", "error")
    detail = exc_out.detail
    if isinstance(exc_out, exceptions.ParseError):
        message = MESSAGES["parse_error"]
        if str(detail) and "JSON" in str(detail):
            # DRF's text names the line and column; keep it after our sentence.
            message += f" ({detail})"
    elif isinstance(exc_out, exceptions.ValidationError):
        if isinstance(detail, dict) and set(detail) == {"detail"}:
            message = _flatten(detail["detail"])
        else:
            message = _flatten(detail) or MESSAGES["invalid"]
            extra["errors"] = detail
    elif code in MESSAGES and _looks_untranslated(str(detail)):
        message = MESSAGES[code]
    else:
        message = str(detail)
    codes = exc_out.get_codes() if hasattr(exc_out, "get_codes") else code
    if isinstance(codes, str):
        code = codes
    response.data = {"detail": message, "code": code, **extra}
    return response


def _looks_untranslated(text: str) -> bool:
    """DRF falls back to English when a string has no Vietnamese translation."""
    return text.isascii()

"""Services of the web import: read an upload into a draft, confirm it, cancel it."""

from __future__ import annotations

import datetime as dt

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from theodoi.reader import ReaderError, read_bytes, read_text

from .models import PlanImportDraft
from .services import ImportResult, import_plan

DRAFT_LIFETIME = dt.timedelta(days=3)


def create_draft(*, actor, data: bytes | None = None, file_name: str = "", text: str = "",
                 max_bytes: int) -> PlanImportDraft:
    """Read an uploaded file (or pasted text) into a draft. Raises ``ReaderError``."""
    if data is not None:
        result = read_bytes(data, file_name, max_bytes=max_bytes)
    else:
        if not text.strip():
            raise ReaderError("Chưa có nội dung: hãy chọn tệp hoặc dán văn bản kế hoạch.")
        result = read_text(text)
        data = text.encode("utf-8")
        file_name = file_name or "van-ban-dan.txt"
    if not (result.plan.get("targets") or result.plan.get("tasks") or result.plan["plan"].get("title")):
        raise ReaderError("Không tìm thấy kế hoạch trong tài liệu: không có tiêu đề, chỉ tiêu hay nhiệm vụ.")
    with transaction.atomic():
        _purge_stale()
        draft = PlanImportDraft(created_by=actor, file_name=file_name[:255],
                                source_kind=result.source_kind, plan_json=result.plan,
                                warnings=[w.as_dict() for w in result.warnings])
        draft.file.save(file_name or "tai-lieu", ContentFile(data), save=False)
        draft.save()
    return draft


def _purge_stale() -> None:
    for draft in PlanImportDraft.objects.filter(created_at__lt=timezone.now() - DRAFT_LIFETIME):
        discard_draft(draft=draft)


def discard_draft(*, draft: PlanImportDraft) -> None:
    """Cancel: the draft and its stored file go; nothing else was ever written."""
    name = draft.file.name
    draft.delete()
    if name:
        PlanImportDraft.file.field.storage.delete(name)


def confirm_draft(*, actor, draft: PlanImportDraft, plan_json: dict, update: bool = False,
                  is_public: bool = False) -> ImportResult:
    """Save the reviewed plan with its original file, in one transaction, then drop the draft."""
    with draft.file.open("rb") as fh:
        original = fh.read()
    with transaction.atomic():
        result = import_plan(actor=actor, data=plan_json, update=update, source_name=draft.file_name,
                             source_bytes=original, source_kind=draft.source_kind, is_public=is_public)
        name = draft.file.name
        draft.delete()
        transaction.on_commit(lambda: PlanImportDraft.file.field.storage.delete(name))
    return result

"""Producing the official documents: the consolidated report and a unit's own report.

Rendering writes nothing but an audit event (who produced which report, when),
written in the same transaction as the read so the trail matches the file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from theodoi.audit.services import record
from theodoi.documents import render_docx, render_pdf, render_xlsx
from theodoi.plans.models import Plan
from theodoi.reporting.models import ReportingPeriod, UnitReport

from . import consolidated

FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


@dataclass
class Document:
    data: bytes
    filename: str
    content_type: str


def _render(fmt: str, report, sheets) -> bytes:
    if fmt == "docx":
        return render_docx(report())
    if fmt == "pdf":
        return render_pdf(report())
    if fmt == "xlsx":
        return render_xlsx(sheets())
    raise ValueError(f"định dạng không hỗ trợ: {fmt}")


def consolidated_document(*, actor, period: ReportingPeriod, plan: Plan | None,
                          options: consolidated.Options, fmt: str,
                          today: dt.date | None = None) -> Document:
    """The period's consolidated report (all plans of its frequency, or one) as DOCX/XLSX/PDF."""
    data = consolidated.collect(period, [plan] if plan else None, today=today)
    body = _render(fmt, lambda: consolidated.build_report(data, options),
                   lambda: consolidated.build_sheets(data))
    what = (plan.number or f"ke-hoach-{plan.pk}") if plan else "tong-hop"
    name = f"bao-cao-{what}-{period.frequency}-{period.year}-{period.number:02d}.{fmt}"
    with transaction.atomic():
        record(actor=actor, action="Xuất báo cáo tổng hợp", obj=period,
               object_repr=f"{period.label}: {data.plan_text} ({fmt.upper()})")
    return Document(data=body, filename=name.replace("/", "-"), content_type=FORMATS[fmt])


def unit_report_document(*, actor, report: UnitReport, fmt: str) -> Document:
    from theodoi.reporting.selectors import report_content

    content = report_content(report)
    place = settings.THEODOI_DOCUMENT_PLACE
    body = _render(fmt, lambda: consolidated.build_unit_report(report, content, place=place),
                   lambda: consolidated.build_unit_sheets(report, content))
    name = (f"bao-cao-{consolidated.initials(report.unit.name).lower()}-{report.period.frequency}-"
            f"{report.period.year}-{report.period.number:02d}.{fmt}")
    with transaction.atomic():
        record(actor=actor, action="Xuất báo cáo đơn vị", obj=report,
               object_repr=f"{report} ({fmt.upper()})", unit_ids=[report.unit_id])
    return Document(data=body, filename=name, content_type=FORMATS[fmt])

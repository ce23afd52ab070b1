"""The figures the standing agency enters into the national monitoring system (nq57.vn),
for one period and the chosen plans, as one XLSX (or CSV) file instead of retyping them.

One row per target and per task *and per lead unit* (each lead unit answers for
its own figures): what was set, who leads, the computed status, the value
reached, the evidence and the difficulties, from the reports the units have
*sent* for that period (drafts are the units' own business). A fixed number of
queries whatever the number of rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from theodoi.plans.models import Assignment, Plan, Target, Task
from theodoi.reporting import status as st
from theodoi.reporting.models import (
    SENT_STATES,
    Evidence,
    ReportingPeriod,
    TargetReport,
    TaskReport,
    UnitReport,
)
from theodoi.reporting.scope import plans_reporting

from .queries import with_task_statuses

# (key, column heading). The README documents each column; keep both in step.
COLUMNS: list[tuple[str, str]] = [
    ("stt", "STT"),
    ("ref", "Mã theodoi"),
    ("plan", "Kế hoạch"),
    ("kind", "Loại"),
    ("code", "Số thứ tự"),
    ("content", "Nội dung"),
    ("set", "Chỉ tiêu đặt ra / Thời hạn"),
    ("lead_unit", "Đơn vị chủ trì"),
    ("lead_unit_id", "Mã đơn vị"),
    ("status", "Tình trạng"),
    ("progress", "Tiến độ (%)"),
    ("value", "Giá trị đạt được"),
    ("as_of", "Số liệu tính đến ngày"),
    ("result", "Kết quả thực hiện"),
    ("evidence", "Minh chứng"),
    ("difficulties", "Khó khăn, vướng mắc"),
    ("proposals", "Đề xuất, kiến nghị"),
    ("report", "Báo cáo của đơn vị"),
]


@dataclass
class NationalExport:
    period: ReportingPeriod
    plans: list[Plan]
    rows: list[dict]
    made_at: dt.datetime

    @property
    def filename(self) -> str:
        return f"nq57-{self.period.frequency}-{self.period.year}-{self.period.number:02d}"


def _number(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")  # Vietnamese decimal comma, as the national forms print it


def _date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _target_set(t: Target) -> str:
    if t.comparator == "qualitative" or (t.value is None and t.qualitative):
        return t.qualitative
    if t.comparator == "range":
        text = f"{_number(t.value)} – {_number(t.value_max)}"
    elif t.value is not None:
        sign = {">=": "≥ ", "<=": "≤ ", "=": ""}.get(t.comparator, "")
        text = f"{sign}{_number(t.value)}"
    else:
        return ""
    return f"{text} {t.unit}".strip() + (f" (năm {t.year})" if t.year else "")


def _task_set(t: Task) -> str:
    return t.deadline_raw or _date(t.due_date)


def export_rows(period: ReportingPeriod, plans: list[Plan]) -> list[dict]:
    """The rows of the national file, plans in the order given, items in document order."""
    plan_ids = [p.pk for p in plans]
    lead = Prefetch("assignments", to_attr="open_assignments", queryset=Assignment.objects.filter(
        ended_at__isnull=True).select_related("unit").order_by("position", "id"))
    targets = list(Target.objects.filter(plan_id__in=plan_ids).prefetch_related(lead)
                   .order_by("plan_id", "position"))
    tasks = list(Task.objects.filter(plan_id__in=plan_ids).prefetch_related(lead)
                 .order_by("plan_id", "position"))
    # Statuses as at the period's cut-off date, from what units had sent.
    with_task_statuses(tasks, today=min(timezone.localdate(), period.end))
    reports = {r.unit_id: r for r in UnitReport.objects.filter(period=period, state__in=SENT_STATES)}
    report_ids = [r.pk for r in reports.values()]
    task_items = {(i.report_id, i.task_id): i for i in TaskReport.objects.filter(
        report_id__in=report_ids, task__plan_id__in=plan_ids)}
    target_items = {(i.report_id, i.target_id): i for i in TargetReport.objects.filter(
        report_id__in=report_ids, target__plan_id__in=plan_ids)}
    evidence: dict[tuple[int, int | None], list[Evidence]] = {}
    for ev in Evidence.objects.filter(report_id__in=report_ids):
        evidence.setdefault((ev.report_id, ev.task_id), []).append(ev)
    site = settings.THEODOI_SITE_URL.rstrip("/")
    plan_order = {pk: i for i, pk in enumerate(plan_ids)}
    plan_label = {p.pk: p.number or p.label for p in plans}

    rows: list[dict] = []
    for t in sorted(targets, key=lambda x: (plan_order[x.plan_id], x.position)):
        leads = [a for a in t.open_assignments if a.role == "lead"] or [None]
        for a in leads:
            report = reports.get(a.unit_id) if a else None
            item = target_items.get((report.pk, t.pk)) if report else None
            status = st.target_status(
                comparator=t.comparator, value=t.value, value_max=t.value_max,
                reached=item.value if item else None,
                qualitative_met=item.qualitative_met if item else None)
            value = ""
            if item is not None:
                value = _number(item.value)
                if item.numerator is not None and item.denominator is not None:
                    value += f" ({_number(item.numerator)}/{_number(item.denominator)})"
                if item.qualitative_met is not None and item.value is None:
                    value = "Đạt" if item.qualitative_met else "Chưa đạt"
            rows.append({
                "ref": f"CT-{t.pk}", "plan": plan_label[t.plan_id], "kind": "Chỉ tiêu",
                "code": t.code, "content": t.text, "set": _target_set(t),
                "lead_unit": a.unit.name if a else "", "lead_unit_id": a.unit_id if a else "",
                "status": st.TARGET_LABELS[status][0], "progress": "", "value": value.strip(),
                "as_of": _date(item.as_of) if item else "",
                "result": "; ".join(x for x in (item.source, item.note) if x) if item else "",
                "evidence": "", "difficulties": "", "proposals": "",
                "report": _report_text(report),
            })
    for t in sorted(tasks, key=lambda x: (plan_order[x.plan_id], x.position)):
        leads = [a for a in t.open_assignments if a.role == "lead"] or [None]
        for a in leads:
            report = reports.get(a.unit_id) if a else None
            item = task_items.get((report.pk, t.pk)) if report else None
            files = evidence.get((report.pk, t.pk), []) if report else []
            refs = []
            if item is not None:
                refs += [x.strip() for x in item.doc_numbers.split(";") if x.strip()]
                refs += [x.strip() for x in item.links.splitlines() if x.strip()]
            refs += [f"{ev.original_name} ({site}{reverse('evidence_download', args=[report.pk, ev.pk])})"
                     for ev in files]
            rows.append({
                "ref": f"NV-{t.pk}", "plan": plan_label[t.plan_id], "kind": "Nhiệm vụ",
                "code": t.full_code, "content": t.text, "set": _task_set(t),
                "lead_unit": a.unit.name if a else "", "lead_unit_id": a.unit_id if a else "",
                "status": st.task_label(t.computed_status)[0] if t.computed_status else "",
                "progress": item.progress if item and item.progress is not None else "",
                "value": "", "as_of": _date(item.completed_on) if item else "",
                "result": item.done_text if item else "", "evidence": "; ".join(refs),
                "difficulties": item.difficulties if item else "",
                "proposals": item.proposals if item else "", "report": _report_text(report),
            })
    for i, row in enumerate(rows, start=1):
        row["stt"] = i
    return rows


def _report_text(report: UnitReport | None) -> str:
    if report is None:
        return "Chưa gửi"
    sent = timezone.localtime(report.first_sent_at).strftime("%d/%m/%Y") if report.first_sent_at else ""
    return f"{report.get_state_display()} (gửi {sent})" if sent else report.get_state_display()


def build_export(period: ReportingPeriod, plans: list[Plan] | None = None) -> NationalExport:
    """The export for ``period``; without ``plans``, every plan that reports at its frequency."""
    if plans is None:
        plans = list(plans_reporting(period.frequency).order_by("-date", "id"))
    return NationalExport(period=period, plans=plans, rows=export_rows(period, plans),
                          made_at=timezone.localtime())


def to_csv(export: NationalExport) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel opens the accents right."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([title for _k, title in COLUMNS])
    for row in export.rows:
        writer.writerow([row.get(k, "") for k, _t in COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


WIDTHS = {"stt": 5, "ref": 10, "plan": 14, "kind": 9, "code": 8, "content": 60, "set": 18,
          "lead_unit": 28, "lead_unit_id": 8, "status": 22, "progress": 8, "value": 14,
          "as_of": 12, "result": 45, "evidence": 40, "difficulties": 35, "proposals": 35,
          "report": 22}


def to_xlsx(export: NationalExport) -> bytes:
    import xlsxwriter

    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_urls": False,
                                     "strings_to_numbers": False, "strings_to_formulas": False})
    sheet = book.add_worksheet("So lieu NQ57")
    title = book.add_format({"bold": True, "font_size": 13})
    head = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "border": 1,
                            "bg_color": "#DDEBF7"})
    cell = book.add_format({"text_wrap": True, "valign": "top", "border": 1})
    sheet.write(0, 0, "SỐ LIỆU CẬP NHẬT HỆ THỐNG GIÁM SÁT, ĐÁNH GIÁ VIỆC THỰC HIỆN "
                      "NGHỊ QUYẾT SỐ 57-NQ/TW", title)
    plans = ", ".join(p.number or p.label for p in export.plans) or "—"
    sheet.write(1, 0, f"Kỳ báo cáo: {export.period.label} (số liệu chốt đến "
                      f"{_date(export.period.end)}). Kế hoạch: {plans}.")
    sheet.write(2, 0, f"Xuất từ theodoi lúc {export.made_at:%H:%M %d/%m/%Y}; "
                      "chỉ gồm báo cáo đơn vị đã gửi.")
    first = 4
    for col, (key, heading) in enumerate(COLUMNS):
        sheet.write(first, col, heading, head)
        sheet.set_column(col, col, WIDTHS.get(key, 12))
    for r, row in enumerate(export.rows, start=first + 1):
        for col, (key, _h) in enumerate(COLUMNS):
            value = row.get(key, "")
            if isinstance(value, int):
                sheet.write_number(r, col, value, cell)
            else:
                sheet.write_string(r, col, str(value), cell)
    sheet.freeze_panes(first + 1, 0)
    sheet.autofilter(first, 0, first + max(len(export.rows), 1), len(COLUMNS) - 1)
    book.close()
    return buf.getvalue()

"""The standing agency's consolidated report for a period, and a unit's own period report,
built as ``theodoi.documents.Report`` / ``Sheet`` from the data (no rendering here).

Statuses are those at the period's cut-off: only reports of periods ending by then
count, and a task is late if its deadline passed before the cut-off. Results,
evidence, difficulties and proposals are what the units sent for the period.
The officer's own words (typed on the form) are placed before the generated text
of each section, as officers write these reports.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from theodoi.documents import (
    Appendix,
    BulletList,
    Column,
    FreeText,
    GroupRow,
    Paragraph,
    Report,
    Section,
    Sheet,
    Signature,
    Table,
    format_number,
)
from theodoi.documents.model import roman
from theodoi.plans.models import Assignment, AssignmentRole, Plan, Task
from theodoi.reporting import status as st
from theodoi.reporting.models import (
    SENT_STATES,
    Evidence,
    ReportingPeriod,
    TaskReport,
    UnitReport,
)
from theodoi.reporting.scope import plans_reporting
from theodoi.units.models import Unit, UnitKind

from . import metrics

STEERING_COMMITTEE = ("Ban Chỉ đạo tỉnh về phát triển khoa học, công nghệ, đổi mới sáng tạo "
                      "và chuyển đổi số")
LIST_LIMIT = 15  # items named in the body; the appendix lists them all


# ---------------------------------------------------------------- options from the form

@dataclass
class Options:
    """What the officer chooses or types before generating."""

    layout: str = "state"
    issuing_body: str = ""
    superior_body: str = ""
    symbol: str = "BC"
    number: str = ""
    date: dt.date | None = None
    place: str = "Lai Châu"
    signature_lines: list[str] = field(default_factory=list)
    signer: str = ""
    addressees: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    results: str = ""
    shortcomings: str = ""
    causes: str = ""
    next_tasks: str = ""
    proposals: str = ""


def is_party_unit(unit: Unit | None) -> bool:
    """Party bodies (and units under the Tỉnh ủy bloc) write in the Party's format."""
    if unit is None:
        return False
    if unit.kind == UnitKind.PARTY_BODY:
        return True
    return unit.parent is not None and unit.parent.name.lower().startswith("tỉnh ủy")


def initials(name: str) -> str:
    """"Sở Khoa học và Công nghệ" → "SKHCN": how document symbols abbreviate a body."""
    words = [w for w in re.split(r"[\s,–-]+", name) if w and w.lower() not in {"và", "của"}]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def default_options(unit: Unit | None, *, place: str) -> Options:
    party = is_party_unit(unit)
    name = unit.name if unit else "Cơ quan thường trực"
    parent = unit.parent if unit and unit.parent_id else None
    return Options(
        layout="party" if party else "state",
        issuing_body=name.upper(),
        superior_body=(parent.name.upper() if parent and not party else ""),
        symbol=f"BC/{initials(name)}" if party else f"BC-{initials(name)}",
        place=place,
        signature_lines=(["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"] if party
                         else ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
        addressees=[STEERING_COMMITTEE],
        recipients=["Ban Chỉ đạo tỉnh (b/c);", "Thường trực Tỉnh ủy (b/c);", "UBND tỉnh (b/c);",
                    "Các sở, ban, ngành, địa phương;", "Lưu: VT."],
    )


# ---------------------------------------------------------------- the data

@dataclass
class TaskLine:
    id: int
    plan_id: int
    section_code: str
    section_title: str
    code: str
    text: str
    output: str
    deadline: str
    leads: list[str]
    partners: list[str]
    status: str
    progress: int | None = None
    result: str = ""
    evidence: str = ""
    days_overdue: int = 0


@dataclass
class Consolidated:
    period: ReportingPeriod
    plans: list[Plan]
    as_of: dt.date
    tally: metrics.Tally
    tasks: list[TaskLine]
    targets: metrics.TargetSummary
    target_leads: dict[int, list[str]]
    done_in_period: list[TaskLine]
    overdue: list[TaskLine]
    due_next: list[TaskLine]
    difficulties: list[tuple[str, str]]
    proposals: list[tuple[str, str]]
    expected: int
    on_time: list[str]
    late: list[str]
    missing: list[str]

    @property
    def plan_text(self) -> str:
        if len(self.plans) == 1:
            return self.plans[0].label
        return "các kế hoạch thực hiện Nghị quyết số 57-NQ/TW"


def _date(d: dt.date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


def collect(period: ReportingPeriod, plans: list[Plan] | None = None, *,
            today: dt.date | None = None) -> Consolidated:
    """Everything the report says, read in a fixed number of queries."""
    today = today or timezone.localdate()
    if plans is None:
        plans = list(plans_reporting(period.frequency).order_by("date", "id"))
    plan_ids = tuple(p.pk for p in plans)
    as_of = min(today, period.end)
    scope = metrics.Scope(plan_ids=plan_ids)
    reports = metrics.ReportIndex.load(until=period.end)
    facts = {f.id: f for f in metrics.load_task_facts(scope, as_of=as_of, until=period.end,
                                                      reports=reports)}
    plan_dicts = {p.pk: {"id": p.pk, "number": p.number, "kind": p.kind, "title": p.title}
                  for p in plans}
    targets = metrics.target_summary(scope, today=as_of, plans=plan_dicts, until=period.end,
                                     reports=reports)

    names: dict[int, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    target_leads: dict[int, list[str]] = defaultdict(list)
    for a in (Assignment.objects.filter(ended_at__isnull=True)
              .filter(task__plan_id__in=plan_ids) | Assignment.objects.filter(
                  ended_at__isnull=True, target__plan_id__in=plan_ids))\
            .values("task_id", "target_id", "role", "unit__name").order_by("position", "id"):
        if a["task_id"]:
            names[a["task_id"]][0 if a["role"] == AssignmentRole.LEAD else 1].append(a["unit__name"])
        elif a["role"] == AssignmentRole.LEAD:
            target_leads[a["target_id"]].append(a["unit__name"])

    sent = {r.pk: r for r in UnitReport.objects.filter(period=period, state__in=SENT_STATES)
            .select_related("unit")}
    items: dict[int, list[TaskReport]] = defaultdict(list)
    for item in TaskReport.objects.filter(report_id__in=list(sent), task__plan_id__in=plan_ids)\
            .order_by("report__unit__path", "id"):
        items[item.task_id].append(item)
    files: dict[tuple[int, int | None], list[str]] = defaultdict(list)
    for ev in Evidence.objects.filter(report_id__in=list(sent)).values(
            "report_id", "task_id", "original_name"):
        files[(ev["report_id"], ev["task_id"])].append(ev["original_name"])

    lines: list[TaskLine] = []
    difficulties: list[tuple[str, str]] = []
    proposals: list[tuple[str, str]] = []
    plan_order = {pk: i for i, pk in enumerate(plan_ids)}
    rows = Task.objects.filter(plan_id__in=plan_ids).values(
        "id", "plan_id", "section_code", "section_title", "code", "text", "output",
        "deadline_raw", "due_date")
    for t in sorted(rows, key=lambda r: (plan_order[r["plan_id"]], facts[r["id"]].position)):
        fact = facts[t["id"]]
        leads, partners = names[t["id"]]
        line = TaskLine(id=t["id"], plan_id=t["plan_id"], section_code=t["section_code"],
                        section_title=t["section_title"], code=t["code"], text=t["text"],
                        output=t["output"], deadline=t["deadline_raw"] or _date(t["due_date"]),
                        leads=leads, partners=partners, status=fact.status,
                        days_overdue=fact.days_overdue)
        results, evidence = [], []
        for item in items.get(t["id"], []):
            unit = sent[item.report_id].unit.name
            prefix = f"{unit}: " if len(items[t["id"]]) > 1 else ""
            if item.is_lead and item.progress is not None:
                line.progress = max(line.progress or 0, item.progress)
            if item.done_text:
                results.append(prefix + item.done_text)
            evidence += [x.strip() for x in item.doc_numbers.split(";") if x.strip()]
            evidence += [x.strip() for x in item.links.splitlines() if x.strip()]
            evidence += files.get((item.report_id, t["id"]), [])
            if item.difficulties.strip():
                difficulties.append((unit, item.difficulties.strip()))
            if item.proposals.strip():
                proposals.append((unit, item.proposals.strip()))
        line.result = "\n".join(results)
        line.evidence = "; ".join(dict.fromkeys(evidence))
        lines.append(line)

    done_in_period = [ln for ln in lines if ln.status in metrics.DONE_CODES
                      and facts[ln.id].done_on and period.start <= facts[ln.id].done_on <= period.end]
    overdue = sorted((ln for ln in lines if ln.status == st.OVERDUE),
                     key=lambda ln: -ln.days_overdue)
    next_end = period.end + dt.timedelta(days=31 if period.frequency == "monthly" else 92)
    due_next = [ln for ln in lines if ln.status not in metrics.DONE_CODES and facts[ln.id].due
                and period.end < facts[ln.id].due <= next_end]
    tally = metrics.Tally()
    for ln in lines:
        tally.add(ln.status)

    on_time, late, missing = [], [], []
    from theodoi.reporting.selectors import submission_status

    status = submission_status(period, today=today)
    for row in status.rows:
        {st.ON_TIME: on_time, st.LATE: late, st.MISSING: missing}.get(
            row.timeliness, []).append(row.unit.name)
    return Consolidated(
        period=period, plans=plans, as_of=as_of, tally=tally, tasks=lines, targets=targets,
        target_leads=dict(target_leads), done_in_period=done_in_period, overdue=overdue,
        due_next=due_next, difficulties=_unique(difficulties), proposals=_unique(proposals),
        expected=len(status.rows), on_time=on_time, late=late, missing=missing)


def _unique(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return list(dict.fromkeys(pairs))


# ---------------------------------------------------------------- tables

TASK_COLUMNS = [
    Column("TT", 0.5, "center", xlsx_width=7),
    Column("Nội dung nhiệm vụ", 3.2, xlsx_width=50),
    Column("Cơ quan chủ trì", 1.5, xlsx_width=24),
    Column("Thời gian hoàn thành", 1.1, "center", xlsx_width=16),
    Column("Tình trạng", 1.2, "center", xlsx_width=20),
    Column("Kết quả thực hiện", 2.4, xlsx_width=44),
    Column("Minh chứng", 1.6, xlsx_width=30),
]
XLSX_TASK_COLUMNS = [
    Column("TT", xlsx_width=7),
    Column("Nội dung nhiệm vụ", xlsx_width=50),
    Column("Cơ quan chủ trì", xlsx_width=24),
    Column("Cơ quan phối hợp", xlsx_width=24),
    Column("Kết quả dự kiến, sản phẩm", xlsx_width=28),
    Column("Thời gian hoàn thành", xlsx_width=16),
    Column("Tình trạng", xlsx_width=22),
    Column("Tiến độ (%)", kind="integer", xlsx_width=10),
    Column("Kết quả thực hiện", xlsx_width=44),
    Column("Minh chứng", xlsx_width=30),
]
TARGET_COLUMNS = [
    Column("TT", 0.5, "center", xlsx_width=7),
    Column("Chỉ tiêu", 3.0, xlsx_width=50),
    Column("Chỉ tiêu đặt ra", 1.1, "center", xlsx_width=16),
    Column("Kết quả đạt được", 1.0, "right", xlsx_width=14),
    Column("Số liệu tính đến", 0.9, "center", xlsx_width=14),
    Column("Tình trạng", 0.9, "center", xlsx_width=16),
    Column("Cơ quan theo dõi", 1.6, xlsx_width=28),
]


def _status_label(code: str) -> str:
    if code in metrics.RECURRING_CODES:
        return "Thường xuyên"
    return st.task_label(code)[0] if code else ""


def _value_text(row: metrics.TargetRow) -> str:
    if row.value is not None:
        return format_number(row.value)
    if row.qualitative_met is not None:
        return "Đạt" if row.qualitative_met else "Chưa đạt"
    return ""


def task_rows(data: Consolidated, *, wide: bool = False) -> list:
    """Rows grouped by plan (when several) and section, numbered as the plan numbers them."""
    out: list = []
    labels = {p.pk: p.label for p in data.plans}
    plan_index = {p.pk: i + 1 for i, p in enumerate(data.plans)}
    current_plan, current_section = None, None
    for ln in data.tasks:
        if len(data.plans) > 1 and ln.plan_id != current_plan:
            out.append(GroupRow(labels[ln.plan_id].upper(), roman(plan_index[ln.plan_id])))
            current_plan, current_section = ln.plan_id, None
        if ln.section_code != current_section and (ln.section_code or ln.section_title):
            out.append(GroupRow(ln.section_title or ln.section_code, ln.section_code))
            current_section = ln.section_code
        code = ln.code or ""
        if wide:
            out.append([code, ln.text, ", ".join(ln.leads), ", ".join(ln.partners), ln.output,
                        ln.deadline, _status_label(ln.status), ln.progress, ln.result, ln.evidence])
        else:
            out.append([code, ln.text, ", ".join(ln.leads), ln.deadline, _status_label(ln.status),
                        ln.result, ln.evidence])
    return out


def target_rows(data: Consolidated) -> list:
    out: list = []
    current = None
    for i, row in enumerate(data.targets.rows, start=1):
        if len(data.plans) > 1 and row.plan_id != current:
            out.append(GroupRow(row.plan_label.upper()))
            current = row.plan_id
        out.append([row.code or str(i), row.text, row.goal, _value_text(row), _date(row.as_of),
                    st.TARGET_LABELS[row.status][0], ", ".join(data.target_leads.get(row.id, []))])
    return out


# ---------------------------------------------------------------- the document

def _pct(part: int, whole: int) -> str:
    return f"{format_number(100 * part / whole, 1)}%" if whole else "0%"


def _named(lines: list[TaskLine], *, days: dict[int, int] | None = None) -> list[str]:
    out = []
    for ln in lines[:LIST_LIMIT]:
        lead = f" ({', '.join(ln.leads)})" if ln.leads else ""
        late = f", quá hạn {days[ln.id]} ngày" if days and days.get(ln.id) else ""
        out.append(f"{ln.code + '. ' if ln.code else ''}{ln.text.rstrip('.')}{lead}{late}.")
    if len(lines) > LIST_LIMIT:
        out.append(f"Và {len(lines) - LIST_LIMIT} nhiệm vụ khác (chi tiết tại Phụ lục I).")
    return out


def build_report(data: Consolidated, options: Options) -> Report:
    """The consolidated report in the official layout (state or party)."""
    t, g = data.tally, data.targets
    period = data.period
    countable = t.total - t.recurring
    days = {ln.id: ln.days_overdue for ln in data.overdue}
    results: list = [FreeText(options.results)] if options.results.strip() else []
    results += [
        Paragraph(f"Tính đến ngày {_date(data.as_of)}, {data.plan_text} có {t.total} nhiệm vụ "
                  f"được theo dõi ({t.recurring} nhiệm vụ thường xuyên, định kỳ) và {g.total} "
                  f"chỉ tiêu. Kết quả cụ thể như sau:"),
        BulletList([
            f"Hoàn thành {t.done}/{countable} nhiệm vụ có thời hạn ({_pct(t.done, countable)}), "
            f"trong đó đúng hạn {t.done_on_time}, quá hạn {t.done_late}, hoàn thành không ghi "
            f"thời hạn {t.counts[st.DONE]}.",
            f"Đang thực hiện trong hạn {t.in_progress} nhiệm vụ; chưa đến hạn {t.not_due} nhiệm "
            f"vụ; chậm tiến độ {t.overdue} nhiệm vụ.",
            f"Nhiệm vụ thường xuyên: {t.counts[st.REPORTED]} nhiệm vụ đã báo cáo kết quả trong "
            f"kỳ, {t.counts[st.NOT_REPORTED]} nhiệm vụ chưa báo cáo.",
            f"Chỉ tiêu: đạt {g.reached}/{g.total}; chưa đạt {g.not_reached}; chưa có số liệu "
            f"{g.no_data}.",
            f"Báo cáo kỳ {period.label}: {len(data.on_time)}/{data.expected} đơn vị gửi đúng hạn "
            f"({_pct(len(data.on_time), data.expected)}), {len(data.late)} đơn vị gửi muộn, "
            f"{len(data.missing)} đơn vị chưa gửi.",
        ]),
    ]
    if data.done_in_period:
        results += [Paragraph(f"Các nhiệm vụ hoàn thành trong kỳ ({len(data.done_in_period)}):"),
                    BulletList(_named(data.done_in_period))]

    shortcomings: list = [FreeText(options.shortcomings)] if options.shortcomings.strip() else []
    if data.overdue:
        shortcomings += [Paragraph(f"Còn {len(data.overdue)} nhiệm vụ chậm tiến độ (quá thời hạn "
                                   f"mà chưa hoàn thành):"),
                         BulletList(_named(data.overdue, days=days))]
    not_reached = [r for r in g.rows if r.status == st.NOT_REACHED]
    if not_reached:
        shortcomings += [Paragraph(f"{len(not_reached)} chỉ tiêu chưa đạt:"), BulletList([
            f"{r.text.rstrip('.')}: chỉ tiêu {r.goal}, đạt {_value_text(r) or 'chưa có số liệu'}"
            f"{' (có nguy cơ không đạt đến hạn)' if r.at_risk else ''}."
            for r in not_reached[:LIST_LIMIT]])]
    if data.late or data.missing:
        shortcomings.append(Paragraph(
            "Việc báo cáo của một số đơn vị chưa đúng quy định: "
            + "; ".join(x for x in (
                f"gửi muộn: {', '.join(data.late)}" if data.late else "",
                f"chưa gửi: {', '.join(data.missing)}" if data.missing else "") if x) + "."))
    if len(shortcomings) == 0:
        shortcomings.append(Paragraph("Không có nhiệm vụ chậm tiến độ trong kỳ."))

    causes: list = [FreeText(options.causes)] if options.causes.strip() else []
    if data.difficulties:
        causes += [Paragraph("Khó khăn, vướng mắc các đơn vị nêu trong báo cáo kỳ này:"),
                   BulletList([f"{u}: {d}" for u, d in data.difficulties[:LIST_LIMIT * 2]])]
    if not causes:
        causes.append(Paragraph("Các đơn vị không nêu khó khăn, vướng mắc trong kỳ."))

    next_tasks: list = [FreeText(options.next_tasks)] if options.next_tasks.strip() else []
    next_tasks.append(BulletList(
        ["Đôn đốc các đơn vị hoàn thành các nhiệm vụ chậm tiến độ; gửi báo cáo đúng hạn."]
        + _named(data.due_next)))

    proposals: list = [FreeText(options.proposals)] if options.proposals.strip() else []
    if data.proposals:
        proposals += [Paragraph("Đề xuất, kiến nghị của các đơn vị:"),
                      BulletList([f"{u}: {p}" for u, p in data.proposals[:LIST_LIMIT * 2]])]
    lagging = sorted({u for ln in data.overdue for u in ln.leads} | set(data.missing))
    if lagging:
        proposals.append(Paragraph(
            f"Đề nghị {('Ban Thường vụ' if options.layout == 'party' else 'Ban Chỉ đạo tỉnh')} "
            f"phê bình, chấn chỉnh các đơn vị có nhiệm vụ chậm tiến độ hoặc chưa gửi báo cáo: "
            f"{', '.join(lagging[:40])}{' …' if len(lagging) > 40 else ''}."))

    label = period.label.lower()
    title = f"Kết quả thực hiện {data.plan_text}\n{label}"
    number_note = (f"(Kèm theo Báo cáo số {options.number or '    '}"
                   f"{'-' if options.layout == 'party' else '/'}{options.symbol} "
                   f"ngày {_date(options.date) or '    /    /    '} của {options.issuing_body.title()})")
    return Report(
        layout="party" if options.layout == "party" else "state",
        issuing_body=options.issuing_body, superior_body=options.superior_body,
        symbol=options.symbol, number=options.number, place=options.place, date=options.date,
        year=(options.date or data.as_of).year, title=title, addressees=options.addressees,
        blocks=[
            Paragraph(f"Thực hiện chế độ báo cáo định kỳ về việc thực hiện {data.plan_text}, "
                      f"{options.issuing_body.title()} báo cáo kết quả {label} (số liệu từ ngày "
                      f"{_date(period.start)} đến ngày {_date(period.end)}) như sau:"),
            Section("TÌNH HÌNH, KẾT QUẢ TRIỂN KHAI THỰC HIỆN", [
                Section("Kết quả đạt được", results),
                Section("Tồn tại, hạn chế", shortcomings),
                Section("Nguyên nhân", causes),
            ]),
            Section("NHIỆM VỤ TRỌNG TÂM KỲ TỚI", next_tasks),
            Section("ĐỀ XUẤT, KIẾN NGHỊ", proposals),
        ],
        signature=Signature(options.signature_lines, name=options.signer),
        recipients=options.recipients,
        appendices=[
            Appendix("Phụ lục I", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", note=number_note, tables=[
                Table(TASK_COLUMNS, task_rows(data),
                      note=f"(Số liệu tính đến ngày {_date(data.as_of)})")]),
            Appendix("Phụ lục II", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", note=number_note, tables=[
                Table(TARGET_COLUMNS, target_rows(data))], landscape=True),
        ],
        author=options.issuing_body.title(),
    )


def build_sheets(data: Consolidated) -> list[Sheet]:
    """The XLSX appendix: the plan's task table with status, result and evidence; targets."""
    heading = f"KẾT QUẢ THỰC HIỆN {data.plan_text.upper()} — {data.period.label.upper()}"
    note = f"Số liệu tính đến ngày {_date(data.as_of)}"
    return [
        Sheet("Nhiệm vụ", XLSX_TASK_COLUMNS, task_rows(data, wide=True),
              title_lines=[f"PHỤ LỤC I: {heading}", note]),
        Sheet("Chỉ tiêu", TARGET_COLUMNS, target_rows(data),
              title_lines=[f"PHỤ LỤC II: KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU — {data.period.label.upper()}",
                           note]),
    ]


# ---------------------------------------------------------------- a unit's own period report

UNIT_TASK_COLUMNS = [
    Column("TT", 0.5, "center", xlsx_width=7),
    Column("Nội dung nhiệm vụ", 3.0, xlsx_width=50),
    Column("Vai trò", 0.8, "center", xlsx_width=10),
    Column("Thời hạn", 1.0, "center", xlsx_width=16),
    Column("Tình trạng", 1.2, "center", xlsx_width=20),
    Column("Tiến độ (%)", 0.7, "center", kind="integer", xlsx_width=10),
    Column("Kết quả thực hiện", 2.4, xlsx_width=44),
    Column("Minh chứng", 1.5, xlsx_width=30),
]
UNIT_TARGET_COLUMNS = [
    Column("TT", 0.5, "center", xlsx_width=7),
    Column("Chỉ tiêu", 3.0, xlsx_width=50),
    Column("Chỉ tiêu đặt ra", 1.1, "center", xlsx_width=16),
    Column("Kết quả đạt được", 1.0, "right", xlsx_width=14),
    Column("Số liệu tính đến", 1.0, "center", xlsx_width=14),
    Column("Nguồn số liệu, ghi chú", 2.0, xlsx_width=30),
]


def unit_report_tables(content) -> tuple[list, list]:
    """Rows of a unit report's tasks and targets (``reporting.selectors.report_content``)."""
    from theodoi.plans.models import Target

    tasks: list = []
    current = None
    for row in content.tasks:
        t = row.task
        if t.plan_id != current:
            tasks.append(GroupRow(t.plan.label))
            current = t.plan_id
        item = row.item
        evidence = []
        if item is not None:
            evidence += [x.strip() for x in item.doc_numbers.split(";") if x.strip()]
            evidence += [x.strip() for x in item.links.splitlines() if x.strip()]
        evidence += [ev.original_name for ev in row.evidence]
        tasks.append([t.full_code, t.text, "Chủ trì" if row.is_lead else "Phối hợp",
                      t.deadline_raw or _date(t.due_date),
                      item.get_status_display() if item and item.status else _status_label(row.status),
                      item.progress if item else None, item.done_text if item else "",
                      "; ".join(evidence)])
    targets: list = []
    for i, row in enumerate(content.targets, start=1):
        t: Target = row.target
        item = row.item
        goal = metrics.goal_text({"comparator": t.comparator, "value": t.value,
                                  "value_max": t.value_max, "qualitative": t.qualitative,
                                  "unit": t.unit})
        value = ""
        if item is not None:
            if item.value is not None:
                value = format_number(item.value)
            elif item.qualitative_met is not None:
                value = "Đạt" if item.qualitative_met else "Chưa đạt"
        targets.append([t.code or str(i), t.text, goal, value,
                        _date(item.as_of) if item else "",
                        "; ".join(x for x in ((item.source, item.note) if item else ()) if x)])
    return tasks, targets


def build_unit_report(report: UnitReport, content, *, place: str) -> Report:
    """A unit's period report in its own layout, ready for its head to sign."""
    unit = report.unit
    options = default_options(unit, place=place)
    party = options.layout == "party"
    tasks, targets = unit_report_tables(content)
    difficulties = [(r.task.full_code, r.item.difficulties) for r in content.tasks
                    if r.item and r.item.difficulties.strip()]
    proposals = [(r.task.full_code, r.item.proposals) for r in content.tasks
                 if r.item and r.item.proposals.strip()]
    lead = [r for r in content.tasks if r.is_lead]
    done = sum(1 for r in lead if r.item and r.item.status == "done")
    label = report.period.label.lower()
    blocks: list = [
        Paragraph(f"{unit.name} báo cáo kết quả thực hiện nhiệm vụ, chỉ tiêu {label} "
                  f"(số liệu từ ngày {_date(report.period.start)} đến ngày "
                  f"{_date(report.period.end)}) như sau:"),
    ]
    results: list = [FreeText(report.summary)] if report.summary.strip() else []
    if report.nothing_to_report:
        results.append(Paragraph("Trong kỳ không phát sinh nội dung báo cáo."))
    results.append(BulletList([
        f"Đơn vị chủ trì {len(lead)} nhiệm vụ, đã hoàn thành {done} nhiệm vụ; phối hợp "
        f"{len(content.tasks) - len(lead)} nhiệm vụ.",
        f"Theo dõi {len(content.targets)} chỉ tiêu (chi tiết tại Phụ lục).",
    ]))
    blocks.append(Section("KẾT QUẢ THỰC HIỆN", results))
    blocks.append(Section("KHÓ KHĂN, VƯỚNG MẮC", [
        BulletList([f"Nhiệm vụ {c}: {d}" for c, d in difficulties]) if difficulties
        else Paragraph("Không có.")]))
    blocks.append(Section("ĐỀ XUẤT, KIẾN NGHỊ", [
        BulletList([f"Nhiệm vụ {c}: {p}" for c, p in proposals]) if proposals
        else Paragraph("Không có.")]))
    return Report(
        layout=options.layout, issuing_body=options.issuing_body,
        superior_body=options.superior_body, symbol=options.symbol, place=place,
        date=timezone.localdate(report.sent_at) if report.sent_at else None,
        year=report.period.end.year,
        title=f"Kết quả thực hiện nhiệm vụ, chỉ tiêu về khoa học, công nghệ, đổi mới sáng tạo "
              f"và chuyển đổi số\n{label}",
        addressees=[] if party else ["Cơ quan thường trực Ban Chỉ đạo tỉnh"],
        blocks=blocks,
        signature=Signature([f"T/M {unit.name.upper()}"] if party else ["THỦ TRƯỞNG ĐƠN VỊ"]),
        recipients=["Cơ quan thường trực Ban Chỉ đạo tỉnh;", "Lưu: VT."],
        appendices=[Appendix("Phụ lục", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ, CHỈ TIÊU", tables=[
            Table(UNIT_TASK_COLUMNS, tasks, title="Nhiệm vụ"),
            Table(UNIT_TARGET_COLUMNS, targets, title="Chỉ tiêu")])],
        author=unit.name,
    )


def build_unit_sheets(report: UnitReport, content) -> list[Sheet]:
    tasks, targets = unit_report_tables(content)
    head = f"{report.unit.name.upper()} — {report.period.label.upper()}"
    return [Sheet("Nhiệm vụ", UNIT_TASK_COLUMNS, tasks, title_lines=[f"NHIỆM VỤ: {head}"]),
            Sheet("Chỉ tiêu", UNIT_TARGET_COLUMNS, targets, title_lines=[f"CHỈ TIÊU: {head}"])]

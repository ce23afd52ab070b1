"""Interpret a Document (paragraphs and tables) into plan JSON with warnings.

Order of reading: the header from the opening paragraphs; targets from a
target table when there is one, else from the "Mục tiêu cụ thể" items of the
body; tasks from the task tables, else from the body's labelled items.
"""

from __future__ import annotations

from theodoi.vntext import collapse_spaces, nfc

from .body import find_body_targets, find_body_tasks
from .document import Document, Paragraph, Table
from .errors import NotAPlan
from .header import read_header
from .result import ReadResult, ReadWarning
from .tables import read_table


def _nfc_all(value):
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_nfc_all(v) for v in value]
    if isinstance(value, dict):
        return {k: _nfc_all(v) for k, v in value.items()}
    return value


def _table_text(table: Table) -> str:
    return "\n".join(" ".join(c for c in row if c) for row in table.rows)


def interpret(document: Document) -> ReadResult:
    """Plan JSON (plan-format.md) and warnings for one document."""
    paras = [b for b in document.blocks if isinstance(b, Paragraph)]
    tables = [b for b in document.blocks if isinstance(b, Table)]
    all_text = "\n".join(b.text if isinstance(b, Paragraph) else _table_text(b) for b in document.blocks)
    warnings: list[ReadWarning] = [ReadWarning(**w) for w in document.warnings if isinstance(w, dict)]
    header = read_header(paras, all_text)

    targets: list[dict] = []
    tasks: list[dict] = []
    inherit: list[str | None] | None = None
    prev = None
    for table in tables:
        reading = read_table(table, inherit, prev)
        inherit = reading.roles or None
        prev = reading if reading.kind else prev
        targets.extend(reading.targets)
        tasks.extend(reading.tasks)
        warnings.extend(reading.warnings)
    if not targets:
        targets = find_body_targets(paras, header.end_index)
    if not tasks:
        body_tasks, body_warnings = find_body_tasks(paras, header.end_index)
        tasks = body_tasks
        warnings.extend(body_warnings)

    if not header.title and not targets and not tasks:
        raise NotAPlan("Không tìm thấy kế hoạch trong văn bản: không có tiêu đề, chỉ tiêu hay nhiệm vụ.")

    plan = {
        "kind": header.kind or "KẾ HOẠCH",
        "number": header.number,
        "date": header.date,
        "place": header.place,
        "issuer": header.issuer,
        "title": header.title,
        "implements": header.implements,
        "references": header.references,
    }
    for t in targets:
        t["text"] = collapse_spaces(t["text"])
    result = {"plan": plan, "targets": targets, "tasks": tasks}
    return ReadResult(plan=_nfc_all(result), warnings=warnings, source_kind=document.source_kind)

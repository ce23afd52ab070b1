"""Read a Table block (from text, DOCX, XLSX or PDF) into targets or tasks.

The header row(s) are found by their words (``columns``); rows that repeat
the header on a new page or number the columns "(1) (2) (3)" are skipped;
rows with a Roman numeral or a capital letter and no agency are sections;
a row that holds only a period ("Đến năm 2030", "Giai đoạn 2026-2027") or one
merged heading is a group. Everything else with a row number is an entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from theodoi.vntext import collapse_spaces, nfc

from .agencies import split_agencies
from .columns import classify_header, resolve_roles, table_kind
from .deadlines import parse_deadline
from .document import Table
from .fastfold import fold
from .markers import is_roman, parse_marker, parse_row_number
from .result import ReadWarning
from .textclean import join_wrapped
from .values import read_value_cell

_PERIOD_RE = re.compile(r"^(?:đến năm|giai đoạn|năm|mục tiêu đến năm|tầm nhìn đến năm|trong năm)\s+\d{4}",
                        re.IGNORECASE)
_COLNUM_RE = re.compile(r"^\(?\d{1,2}\)?$")


@dataclass
class TableReading:
    kind: str | None
    roles: list[str | None] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)
    tasks: list[dict] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)
    # Where the table left off, for a table that continues it on the next page.
    section: tuple[str | None, str] | None = None
    group: str | None = None
    last_no: str | None = None


def _clean(cell: str | None) -> str:
    return nfc(cell or "").replace("\u2028", "\n").strip()


def _text(cell: str) -> str:
    return join_wrapped(cell.split("\n"))


def _find_header(rows: list[list[str]]) -> tuple[int, list[str | None]] | None:
    for i, row in enumerate(rows[:12]):
        labels = [classify_header(c) for c in row]
        if sum(1 for x in labels if x) < 2:
            continue
        roles = resolve_roles(labels, row)
        # A second header row under merged cells ("Cơ quan thực hiện" / "Chủ trì | Phối hợp").
        if i + 1 < len(rows):
            below = [classify_header(c) for c in rows[i + 1]]
            first = (rows[i + 1][0] if rows[i + 1] else "").strip()
            if sum(1 for x in below if x) >= 2 and not (first and parse_row_number(first)):
                merged = [b or a for a, b in zip(labels, below, strict=False)]
                merged += labels[len(below):]
                roles = resolve_roles(merged)
                if table_kind(roles):
                    return i + 1, roles
        if table_kind(roles):
            return i, roles
    return None


def _is_header_repeat(row: list[str], header_rows: list[list[str]]) -> bool:
    key = [fold(c) for c in row if c.strip()]
    if not key:
        return True
    for h in header_rows:
        hk = [fold(c) for c in h if c.strip()]
        if key == hk:
            return True
    known = sum(1 for c in row if c.strip() and classify_header(c, loose=False))
    return known >= max(2, len(key) - 1)


def _is_column_numbers(row: list[str]) -> bool:
    cells = [c.strip() for c in row if c.strip()]
    return len(cells) >= 3 and all(_COLNUM_RE.match(c) for c in cells)


def _continues(prev_no: str | None, no: str) -> bool:
    """Row number ``no`` is the next one after ``prev_no`` ("5" then "6", "2.3" then "2.4")."""
    if not prev_no or not no:
        return False
    a, b = prev_no.split("."), no.split(".")
    return (len(a) == len(b) and a[:-1] == b[:-1] and a[-1].isdigit() and b[-1].isdigit()
            and int(b[-1]) == int(a[-1]) + 1)


def read_table(table: Table, inherit: list[str | None] | None = None,
               prev: TableReading | None = None) -> TableReading:
    """Read one table; ``inherit`` is the previous table's roles, for a table that
    continues it on a new page without repeating the header. ``prev`` is the previous
    table's reading: a table of the same kind whose first row carries on its numbering
    ("6" after "5") continues it on a new page, under the section it left open."""
    rows = [[_clean(c) for c in r] for r in table.rows]
    found = _find_header(rows)
    if not found:
        width = max((len(r) for r in rows), default=0)
        if not inherit or width != len(inherit):
            return TableReading(kind=None)
        found = (-1, list(inherit))
    h_idx, roles = found
    kind = table_kind(roles)
    reading = TableReading(kind=kind, roles=roles)
    header_rows = rows[: h_idx + 1]
    col = {r: i for i, r in reversed(list(enumerate(roles))) if r}
    no_i = col.get("no")
    text_i = col.get("text")
    value_cols = [i for i, r in enumerate(roles) if r == "value"]
    section: tuple[str, str] | None = None  # (numeral, title)
    group: str | None = None
    parents: dict[str, str] = {}

    def cell(row: list[str], i: int | None) -> str:
        return row[i] if i is not None and i < len(row) else ""

    body = rows[h_idx + 1:]
    row_lines = getattr(table, "row_line_nos", None)

    def line_of(r_i: int) -> int | None:
        k = h_idx + 1 + r_i
        return row_lines[k] if row_lines and k < len(row_lines) else table.line_no

    for r_i, row in enumerate(body):
        if not any(c.strip() for c in row):
            continue
        if _is_column_numbers(row) or _is_header_repeat(row, header_rows):
            continue
        # Without a number column the first cell may hold the number, unless it is the text column.
        raw_no = cell(row, no_i) if no_i is not None else (row[0] if row and text_i != 0 else "")
        no = raw_no.strip().strip("()").rstrip(".").strip()
        text = _text(cell(row, text_i))
        nonempty = [c for c in row if c.strip()]
        distinct = {fold(c) for c in nonempty}
        # One merged cell across the row ("I. PHÁT TRIỂN HẠ TẦNG", "Đến năm 2030"): a heading.
        if len(distinct) == 1:
            only = _text(nonempty[0])
            mk = parse_marker(only)
            if mk and mk.rest and (mk.kind == "roman" or (mk.kind in ("num", "letter") and kind == "targets")):
                section = (mk.label, mk.rest)
                group = mk.rest
            elif mk and mk.rest and mk.kind in ("num", "letter"):
                parents[mk.label or ""] = mk.rest
                group = mk.rest
            elif not parse_row_number(only) or len(only.split()) > 1:
                group = only
                if kind == "tasks":
                    section = (None, only)
            continue
        if no and not parse_row_number(no) and parse_marker(no):
            mk = parse_marker(no)  # "II. Thể chế" written in the number column
            no, text = (mk.label or ""), (text or mk.rest)
        agencies_present = any(
            cell(row, col.get(r)).strip() and fold(cell(row, col.get(r))) != fold(cell(row, text_i))
            for r in ("lead", "support"))
        others = [c for i, c in enumerate(row) if i not in (no_i, text_i) and c.strip()]
        # Group rows: a Roman numeral / capital letter with a heading and no agency.
        if no and (is_roman(no) or re.fullmatch(r"[A-ZĐ]", no)) and not agencies_present:
            title = text or (others[0] if others else "")
            section = (no, _text(title))
            group = section[1]
            continue
        if not no and text and not agencies_present and (_PERIOD_RE.match(text) or (
                kind == "targets" and not any(cell(row, i).strip() for i in value_cols))):
            group = text
            if kind == "tasks":
                section = (None, text)
            continue
        if not text:
            continue
        if not no and kind == "tasks" and (reading.tasks and text[:1].islower() and not agencies_present):
            # A row cut by a page break: its text continues the previous task.
            reading.tasks[-1]["text"] = f"{reading.tasks[-1]['text']} {text}"
            continue
        # A numbered row with no agency and sub-numbered rows under it is a heading.
        if kind == "tasks" and no and "." not in no and not agencies_present:
            nxt = next((b for b in body[r_i + 1:] if any(c.strip() for c in b)), None)
            nxt_no = (cell(nxt, no_i) if nxt else "").strip().rstrip(".")
            if nxt_no.startswith(no + "."):
                parents[no] = text
                group = text
                continue
        if (section is None and group is None and prev is not None and prev.kind == kind
                and not reading.targets and not reading.tasks and _continues(prev.last_no, no)):
            section, group = prev.section, prev.group
        reading.section, reading.group, reading.last_no = section, group, no
        if kind == "targets":
            reading.targets.append(_target(row, no, text, group, roles, col, value_cols))
        else:
            task = _task(row, no, text, section, parents, roles, col)
            reading.tasks.append(task)
            if not task["lead"]:
                reading.warnings.append(ReadWarning(
                    message=f"Nhiệm vụ {task['code'] or ''} chưa có cơ quan chủ trì.".replace("  ", " "),
                    line_no=line_of(r_i), source_line=text[:200],
                    where=f"tasks[{len(reading.tasks) - 1}].lead"))
            dl = task["deadline"]
            if dl["raw"] and dl["kind"] == "none":
                reading.warnings.append(ReadWarning(
                    message=f"Không hiểu thời hạn “{dl['raw']}”.", line_no=line_of(r_i),
                    source_line=dl["raw"], where=f"tasks[{len(reading.tasks) - 1}].deadline"))
    return reading


def _target(row, no, text, group, roles, col, value_cols) -> dict:
    def cell(i):
        return row[i] if i is not None and i < len(row) else ""

    unit_cell = collapse_spaces(cell(col.get("unit")))
    value_cell = ""
    for i in value_cols:
        if cell(i).strip():
            value_cell = cell(i)
            break
    got = read_value_cell(value_cell) if value_cell else {
        "comparator": None, "value": None, "value_max": None, "qualitative": None, "unit": None}
    unit = unit_cell or got.get("unit") or None
    return {
        "code": no or None,
        "group": group,
        "text": text,
        "unit": unit,
        "comparator": got["comparator"],
        "value": got["value"],
        "value_max": got["value_max"],
        "qualitative": got["qualitative"],
        "lead": split_agencies(cell(col.get("lead"))),
    }


def _task(row, no, text, section, parents, roles, col) -> dict:
    def cell(i):
        return row[i] if i is not None and i < len(row) else ""

    if no and "." in no:
        code = no
    elif no and section and section[0]:
        code = f"{section[0]}.{no}"
    else:
        code = no or None
    section_title = section[1] if section else None
    if no and "." in no:
        parent = no.rsplit(".", 1)[0]
        if parent in parents:
            section_title = parents[parent]
    output = _text(cell(col.get("output"))) or None
    return {
        "code": code,
        "section_title": section_title,
        "text": text,
        "lead": split_agencies(cell(col.get("lead"))),
        "support": split_agencies(cell(col.get("support"))),
        "output": output,
        "deadline": parse_deadline(_text(cell(col.get("deadline")))),
    }

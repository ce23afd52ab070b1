"""Rewrite comma-separated tables (CSV exported from a spreadsheet) as pipe rows.

An appendix saved from Excel as CSV keeps one record per row: cells split by
commas, a cell holding a comma, a quote ("" inside) or a line break is
quoted, and a quoted cell may run over several physical lines. A run of at
least three records with the same number of cells (commas, or semicolons as
some spreadsheets write them) (three or more) is such a
table (its separators are bare commas: a comma followed by a space outside
quotes is prose); each record becomes one pipe row (cell line breaks kept as "<br>"), a
record whose only filled cell is the first (the appendix's title lines:
"PHỤ LỤC I,,,,,") becomes a plain line and an all-empty record a blank line,
so the pipe-table reader reads the rest.
"""

from __future__ import annotations

import csv
import re

_QUOTED_RE = re.compile(r'"(?:[^"]|"")*"')

_MAX_RECORD_LINES = 12


def _record(lines: list[str], k: int, sep: str = ",") -> tuple[list[str], int] | None:
    """The CSV record starting at line k and the line after it (None: not a record)."""
    if sep not in lines[k]:
        return None
    acc = lines[k]
    end = k + 1
    while acc.count('"') % 2 and end < len(lines) and end - k < _MAX_RECORD_LINES:
        acc += "\n" + lines[end]
        end += 1
    if acc.count('"') % 2:
        return None
    if sep + " " in _QUOTED_RE.sub("", acc):
        return None  # prose: a spreadsheet's separators are bare commas
    try:
        rows = list(csv.reader(_Single(acc), delimiter=sep))
    except csv.Error:
        return None
    if len(rows) != 1:
        return None
    return rows[0], end


class _Single:
    """One record's text fed to csv.reader as lines, so quoted line breaks stay in the cell."""

    def __init__(self, text: str) -> None:
        self._parts = [p + "\n" for p in text.split("\n")]

    def __iter__(self):
        return iter(self._parts)


def _cell(text: str) -> str:
    parts = [" ".join(p.split()) for p in text.split("\n")]
    return "<br>".join(p for p in parts if p).replace("|", "/")


def csv_tables_to_pipe(lines: list[str]) -> list[str]:
    """Lines with each CSV table rewritten as pipe rows (other lines unchanged)."""
    seps = [sep for sep in (",", ";") if any(line.count(sep) >= 2 for line in lines)]
    if not seps:
        return lines
    out: list[str] = []
    k, n = 0, len(lines)
    while k < n:
        run: list[tuple[list[str], int]] = []
        j = k
        for sep in seps:
            run, j = [], k
            while j < n:
                rec = _record(lines, j, sep)
                if rec is None or len(rec[0]) < 3 or (run and len(rec[0]) != len(run[0][0])):
                    break
                run.append(rec)
                j = rec[1]
            if len(run) >= 3:
                break
        if len(run) < 3 or not (any(not c.strip() for f, _ in run for c in f)
                                or any('"' in x for x in lines[k:j])):
            out.append(lines[k])
            k += 1
            continue
        in_table = False
        for fields, _ in run:
            filled = [c for c in fields if c.strip()]
            if not filled:
                out.append("")
                in_table = False
            elif len(filled) == 1 and fields[0].strip() and (not in_table or len(fields[0].split()) > 2):
                if in_table:
                    out.append("")
                out.append(" ".join(fields[0].split()))
                in_table = False
            else:
                out.append("| " + " | ".join(_cell(c) for c in fields) + " |")
                in_table = True
        out.append("")
        k = j
    return out


def _opens_quoted_cell(line: str) -> bool:
    return line.count('"') % 2 == 1 and any(c.lstrip().startswith('"') for c in line.split("\t"))


def quoted_tab_rows(lines: list[str]) -> list[str]:
    """Join a tab-separated row whose quoted cell runs over several lines (a spreadsheet's
    TSV export: "Phòng A<newline>Khoa B" in quotes) into one line, the cell's line breaks
    kept as "<br>" and its quotes removed."""
    if not any("\t" in x and _opens_quoted_cell(x) for x in lines):
        return lines
    out: list[str] = []
    k, n = 0, len(lines)
    while k < n:
        line = lines[k]
        if "\t" not in line or not _opens_quoted_cell(line):
            out.append(line)
            k += 1
            continue
        acc, end = line, k + 1
        while acc.count('"') % 2 and end < n and end - k < _MAX_RECORD_LINES:
            acc += "\n" + lines[end]
            end += 1
        try:
            rows = list(csv.reader(_Single(acc), delimiter="\t"))
        except csv.Error:
            rows = []
        if acc.count('"') % 2 or len(rows) != 1:
            out.append(line)
            k += 1
            continue
        out.append("\t".join(_cell(c) for c in rows[0]))
        k = end
    return out

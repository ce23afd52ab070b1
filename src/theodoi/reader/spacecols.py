"""Tables whose columns are aligned with runs of spaces (text copied from a PDF).

A PDF's text layer, copied or extracted with its layout, prints a table as
lines whose cells stand at fixed character columns, separated by two or more
spaces; a long cell wraps onto the next lines at the same column. Such a
table is found by its header line: two or more space-separated cells naming
known column words (``columns``). The column start positions of the header
cut every following line; a line with a row number in the first column opens
a row, other lines continue the cells of the row above. A page number or a
repeated header inside the table is dropped. The table ends at a line that
does not fit the columns (a heading running across them) or at a blank line
not followed by a row. Each table is rewritten as Markdown pipe rows, which
the pipe-table reader then reads.
"""

from __future__ import annotations

import re

from .columns import classify_header, resolve_roles, table_kind
from .markers import parse_row_number
from .textclean import is_page_number, join_wrapped

_CHUNK_RE = re.compile(r"\S+(?: \S+)*")
_GAP_RE = re.compile(r"\S {2,}\S")
_ROW_NO_RE = re.compile(r"^(?:[IVXLC]{1,6}|[A-ZĐ]|\d{1,3}(?:\.\d{1,3})*)[.)]?$")


def _chunks(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in _CHUNK_RE.finditer(line.rstrip())]


def _column(starts: list[int], pos: int) -> int:
    col = 0
    for i, s in enumerate(starts):
        if pos + 2 >= s:
            col = i
    return col


def _header_at(lines: list[str], k: int) -> tuple[list[int], list[str], list[str | None]] | None:
    line = lines[k]
    if "|" in line or "\t" in line or len(_GAP_RE.findall(line)) < 2:
        return None
    chunks = _chunks(line)
    if not 3 <= len(chunks) <= 12:
        return None
    labels = [text for _, text in chunks]
    if any(len(t.split()) > 8 for t in labels):
        return None
    roles = resolve_roles([classify_header(t) for t in labels], labels)
    if sum(1 for r in roles if r) < 3 or not table_kind(roles):
        return None
    return [p for p, _ in chunks], labels, roles


def _is_row_no(text: str) -> bool:
    return bool(_ROW_NO_RE.match(text.strip())) or bool(parse_row_number(text) and not parse_row_number(text)[1])


def _read_table(lines: list[str], k: int, starts: list[int], labels: list[str],
                first_is_no: bool) -> tuple[list[list[str]], int]:
    """Rows (cells as lists of wrapped pieces) from line k; the index after the table."""
    ncols = len(starts)
    header_key = " ".join(labels)
    rows: list[list[list[str]]] = []
    n = len(lines)
    j = k
    while j < n:
        line = lines[j]
        s = line.strip()
        if not s:
            # A blank line ends the table unless a row follows it.
            nxt = next((x for x in lines[j + 1: j + 3] if x.strip()), "")
            ch = _chunks(nxt)
            if len(ch) >= 2 and _column(starts, ch[0][0]) == 0 and (not first_is_no or _is_row_no(ch[0][1])):
                j += 1
                continue
            break
        if "|" in line or "\t" in line:
            break
        if is_page_number(s):
            j += 1
            continue
        chunks = _chunks(line)
        if " ".join(t for _, t in chunks) == header_key:
            j += 1
            continue
        cols = [_column(starts, p) for p, _ in chunks]
        first_end = chunks[0][0] + len(chunks[0][1])
        opens = cols[0] == 0 and (not first_is_no or _is_row_no(chunks[0][1]))
        if cols[0] == 0 and not opens:
            break  # a heading or paragraph running from the margin
        if cols[0] == 0 and ncols > 1 and first_end > starts[1] + 1 and len(chunks) == 1:
            break
        if opens or not rows:
            if not opens and not rows:
                break
            rows.append([[] for _ in range(ncols)])
        for c, (_, text) in zip(cols, chunks, strict=True):
            rows[-1][c].append(text)
        j += 1
    return [[join_wrapped(cell) for cell in row] for row in rows], j


def space_tables_to_pipe(lines: list[str]) -> list[str]:
    """Rewrite space-aligned tables as pipe rows (other lines unchanged)."""
    if not any(len(_GAP_RE.findall(x)) >= 2 for x in lines):
        return lines
    out: list[str] = []
    k, n = 0, len(lines)
    while k < n:
        found = _header_at(lines, k)
        if not found:
            out.append(lines[k])
            k += 1
            continue
        starts, labels, roles = found
        rows, end = _read_table(lines, k + 1, starts, labels, roles[0] == "no")
        if len(rows) < 1:
            out.append(lines[k])
            k += 1
            continue
        out.append("| " + " | ".join(labels) + " |")
        out.append("|" + "---|" * len(labels))
        for row in rows:
            out.append("| " + " | ".join(c.replace("|", "/") for c in row) + " |")
        out.append("")
        k = end
    return out

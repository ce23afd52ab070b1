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
from .vnchars import is_caps_text

_CHUNK_RE = re.compile(r"\S+(?: \S+)*")
_GAP_RE = re.compile(r"\S {2,}\S")
_ROW_NO_RE = re.compile(r"^(?:[IVXLC]{1,6}|[A-ZĐ]|\d{1,3}(?:\.\d{1,3})*)[.)]?$")


def _chunks(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in _CHUNK_RE.finditer(line.rstrip())]


def _column(starts: list[int], pos: int) -> int:
    """The column a chunk starting at pos belongs to: the last boundary at or before it."""
    col = 0
    for i, s in enumerate(starts):
        if pos >= s:
            col = i
    return col


def _header_at(lines: list[str], k: int) -> tuple[list[int], list[str], list[str | None], int, list[int]] | None:
    """(column boundaries, labels, roles, lines used) of a header at line k.

    A header cell wrapped onto the next lines ("Đơn vị" / "chủ trì") is joined to
    the cell above it; the boundary between two columns lies halfway through the
    gap between their header cells, since a centred header stands to the right of
    its column's left-aligned cells."""
    line = lines[k]
    if "|" in line or "\t" in line or len(_GAP_RE.findall(line)) < 2:
        return None
    chunks = _chunks(line)
    if not 3 <= len(chunks) <= 12 or any(len(t.split()) > 8 for _, t in chunks):
        return None
    starts = [p for p, _ in chunks]
    ends = [p + len(t) for p, t in chunks]
    pieces = [[t] for _, t in chunks]
    best = None
    used = 1
    while True:
        bounds = [0] + [(ends[i] + starts[i + 1] + 1) // 2 for i in range(len(starts) - 1)]
        labels = [" ".join(p) for p in pieces]
        roles = resolve_roles([classify_header(t) for t in labels], labels)
        if sum(1 for r in roles if r) >= 3 and table_kind(roles):
            best = (bounds, labels, roles, used, starts)
        # A continuation line: short pieces, none in the first column, each under a cell.
        if used >= 3 or k + used >= len(lines):
            break
        nxt = lines[k + used]
        more = _chunks(nxt) if "|" not in nxt and "\t" not in nxt else []
        if not more or any(len(t.split()) > 4 for _, t in more) or is_caps_text(" ".join(t for _, t in more)):
            break  # (a section row in capitals opens the body)
        cols = [_column(bounds, p) for p, _ in more]
        if cols[0] == 0 and bounds[1:] and more[0][0] < starts[1] - 1 or len(set(cols)) < len(cols):
            break
        if any(abs(p - starts[c]) > 12 for (p, _), c in zip(more, cols, strict=True)):
            break
        for (p, t), c in zip(more, cols, strict=True):
            pieces[c].append(t)
            ends[c] = max(ends[c], p + len(t))
        used += 1
    return best


def _is_row_no(text: str) -> bool:
    return bool(_ROW_NO_RE.match(text.strip())) or bool(parse_row_number(text) and not parse_row_number(text)[1])


def _opens_row(chunks: list[tuple[int, str]], cols: list[int], no_col: int | None, ncols: int) -> bool:
    """A line opens a row with a row number in the number column; without one, with
    cells in at least half the columns."""
    if no_col is None:
        return cols[0] == 0 and len(set(cols)) * 2 >= ncols
    return any(c == no_col and _is_row_no(t) for (_, t), c in zip(chunks, cols, strict=True))


def _split_at_heads(chunks: list[tuple[int, str]], heads: list[int]) -> list[tuple[int, str]]:
    """Cut a chunk that runs into the next column with one space only, where a word
    starts exactly at that column's header ("Phòng Kế hoạch tổng hợp Quý II/2026")."""
    out: list[tuple[int, str]] = []
    for p, t in chunks:
        cuts = [h - p for h in heads if p < h < p + len(t) and t[h - p - 1] == " " and t[h - p] != " "]
        last = 0
        for c in cuts:
            out.append((p + last, t[last:c].rstrip()))
            last = c
        out.append((p + last, t[last:]))
    return out


def _read_table(lines: list[str], k: int, starts: list[int],
                no_col: int | None, heads: list[int] | None = None) -> tuple[list[list[str]], int]:
    """Rows (cells joined from their wrapped pieces) from line k; the index after the table."""
    ncols = len(starts)
    rows: list[list[list[str]]] = []
    n = len(lines)
    j = k
    while j < n:
        line = lines[j]
        s = line.strip()
        if not s:
            # A blank line ends the table unless a row follows it.
            nxt = next((x for x in lines[j + 1: j + 3] if x.strip()), "")
            ch = _chunks(nxt) if "|" not in nxt and "\t" not in nxt else []
            if len(ch) >= 2 and _opens_row(ch, [_column(starts, p) for p, _ in ch], no_col, ncols):
                j += 1
                continue
            break
        if "|" in line or "\t" in line:
            break
        if is_page_number(s):
            j += 1
            continue
        chunks = _chunks(line)
        again = _header_at(lines, j) if len(chunks) >= 3 else None
        if again and len(again[0]) == ncols:
            j += again[3]  # the header repeated on a new page
            continue
        if heads:
            chunks = _split_at_heads(chunks, heads)
        cols = [_column(starts, p) for p, _ in chunks]
        first_end = chunks[0][0] + len(chunks[0][1])
        opens = _opens_row(chunks, cols, no_col, ncols)
        if cols[0] == 0 and no_col == 0 and not opens:
            break  # a heading or paragraph running from the margin
        if cols[0] == 0 and ncols > 1 and first_end > starts[1] + 1 and len(chunks) == 1:
            break
        if not opens and not rows:
            break
        if opens:
            rows.append([[] for _ in range(ncols)])
        for c, (_, text) in zip(cols, chunks, strict=True):
            rows[-1][c].append(text)
        j += 1
    return [[join_wrapped(cell) for cell in row] for row in rows], j


_ALONE_NO_RE = re.compile(r"^(?:STT|TT|[IVXLC]{1,6}|[A-ZĐ]|\d{1,3}(?:\.\d{1,3})*)[.)]?$")


_HEAD_STT_RE = re.compile(r"^(?:STT|TT) {2,}\S")


def _numbers_alone_below(lines: list[str], k: int) -> bool:
    """A row number alone at the margin over an indented line, within the next few lines."""
    for j in range(k, min(len(lines) - 1, k + 6)):
        s = lines[j].strip()
        if s and lines[j][:1] != " " and _ALONE_NO_RE.match(s) and lines[j + 1][:1] == " " and lines[j + 1].strip():
            return True
    return False


def _merge_number_lines(lines: list[str]) -> list[str]:
    """Put a row number printed alone on its line back in front of its row.

    Some PDF extractions print the first column (STT) on a line of its own at the
    margin, the row's other cells on the indented lines below ("STT" / "    Nội dung
    ...  Đơn vị chủ trì ..."), and a page number and a form feed between rows. Inside
    such a table every indented line moves right by two columns and a number line is
    joined to the line under it in that room, so the columns line up under a header
    that begins with "STT"; the blank lines and page numbers inside it are dropped. A
    header printed on one line with "STT" in it keeps the columns where they are."""
    out: list[str] = []
    k, n = 0, len(lines)
    while k < n:
        head = lines[k].strip("\f").rstrip()
        nxt = lines[k + 1] if k + 1 < n else ""
        alone = head in ("STT", "TT") and nxt[:1] == " " and len(_GAP_RE.findall(nxt)) >= 2
        # The header on one line ("STT   Nội dung   Đơn vị chủ trì ..."), the numbers alone below.
        inline = (not alone and _HEAD_STT_RE.match(head) is not None and len(_GAP_RE.findall(head)) >= 2
                  and _numbers_alone_below(lines, k + 1))
        if not (alone or inline):
            out.append(lines[k])
            k += 1
            continue
        shift = "  " if alone else ""
        if inline:
            out.append(head)
            k += 1
        while k < n:
            line = lines[k].replace("\f", "").rstrip()
            s = line.strip()
            below = lines[k + 1].replace("\f", "").rstrip() if k + 1 < n else ""
            if line[:1] not in (" ", "") and _ALONE_NO_RE.match(s) and below[:1] == " " and below.strip():
                indent = len(below) - len(below.lstrip()) + len(shift)
                out.append(s.ljust(max(indent, len(s) + 2)) + below.lstrip())
                k += 2
                continue
            if not s or is_page_number(s):
                k += 1
                continue
            if line[:1] == " ":
                out.append(shift + line)
                k += 1
                continue
            break
        out.append("")
    return out


def space_tables_to_pipe(lines: list[str]) -> list[str]:
    """Rewrite space-aligned tables as pipe rows (other lines unchanged)."""
    if not any(len(_GAP_RE.findall(x)) >= 2 for x in lines):
        return lines
    if any(x.strip("\f").rstrip() in ("STT", "TT") or _HEAD_STT_RE.match(x.strip("\f")) for x in lines):
        lines = _merge_number_lines(lines)
    out: list[str] = []
    k, n = 0, len(lines)
    while k < n:
        found = _header_at(lines, k)
        if not found:
            out.append(lines[k])
            k += 1
            continue
        starts, labels, roles, used, heads = found
        rows, end = _read_table(lines, k + used, starts, roles.index("no") if "no" in roles else None,
                                  heads)
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

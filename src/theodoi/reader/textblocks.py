"""Turn extracted or pasted text into a Document of paragraphs and tables.

Text comes from PDF/DOCX extraction, Markdown, web pages or a paste. Lines
are wrapped anywhere, so paragraphs are rebuilt by deciding, for each line,
whether it opens a new paragraph (an item marker, a label, a heading in
capitals, a basis phrase "Căn cứ ...", a line after a full stop) or continues
the previous one. Some extractions put an empty line after every line
("double-spaced"): there, empty lines are soft and only lines of blanks are
hard breaks.

Tables are found by their header words (see ``columns``) and read in the
form they come in: Markdown pipe rows, tab-separated rows, one cell per line
(optionally tab-indented), or flattened rows with no cell borders at all,
which ``flatrows`` cuts into cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from theodoi.vntext import collapse_spaces

from .columns import classify_header, resolve_roles, scan_header_phrases, table_kind
from .csvtables import csv_tables_to_pipe, quoted_tab_rows
from .document import Document, Paragraph, Table
from .fastfold import fold
from .flatrows import segment, split_glued
from .markers import parse_marker, parse_row_number, roman_to_int
from .spacecols import space_tables_to_pipe
from .textclean import (
    ISSUING_BODY_RE,
    clean_line,
    is_page_number,
    is_rule,
    is_url_only,
    join_wrapped,
)
from .vnchars import UPPER, is_caps_text

_TERMINAL_RE = re.compile(r"[.:;!?…]['\"”’)\]]*\s*$")
_LINK_END_RE = re.compile(r"(?:\b(?:về|của|và|tại|theo|để|với|cho|thuộc|số|ngày|các)|[,(\-–])\s*$",
                          re.IGNORECASE)
_LABEL_START_RE = re.compile(
    r"^\s*[-–+•*]?\s*(?:Cơ quan|Đơn vị|Thời gian|Thời hạn|Tiến độ|Sản phẩm|Kết quả|Chủ trì|Phối hợp|"
    r"Nội dung|Trách nhiệm|Kinh phí|Nguồn kinh phí)[^:\n]{0,40}:",
)
_NEWPARA_RE = re.compile(
    r"^\s*(?:Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị|Nơi nhận|Kính gửi|Số\s*:?\s*\d|Số\s*:|"
    r"\((?:Ban hành\s+)?[Kk]èm theo|\(Đính kèm|TM\.|T/M|KT\.|Q\.\s|PHỤ LỤC|Phụ lục\s+(?:[IVX\d]|số)|"
    r"Trên đây)"
)
_DATE_PLACE_RE = re.compile(rf"^\s*{UPPER}[^\d,]{{1,40}},\s*ngày\b")
_DOCNO_BREAK_RE = re.compile(r"(?:\d-|[A-ZĐ]/|\d/)$")
_END_TABLE_RE = re.compile(
    r"^\s*(?:Nơi nhận|PHỤ LỤC|Phụ lục\s+(?:[IVX\d]|số)|TM\.|T/M|KT\.|Trên đây|KẾ HOẠCH\s*$|"
    r"\*?\s*Ghi chú\s*:)"
)
_HINT_WORDS = ("stt", "tt", "noi dung", "nhiem vu", "chi tieu", "chu tri", "phoi hop", "thoi gian",
               "don vi", "san pham", "ket qua")
_COLNUM_RE = re.compile(r"^[\s(|]*\d{1,2}[)\s|]*$")


_CAPS_LINK_END_RE = re.compile(r"\b(?:VÀ|CỦA|TẠI|CHO|THUỘC|VỚI|TRONG|ĐẾN|VỀ|CÁC|-|–)\s*$")


_CAPS_YEAR_TAIL_RE = re.compile(r"^(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*:?$")
_CAPS_YEAR_END_RE = re.compile(r"\b(?:NĂM|ĐẾN|GIAI ĐOẠN|TỪ|-|–)\s*$")


def _is_caps(text: str) -> bool:
    """A heading in capitals ("II. MỤC TIÊU", "KẾ HOẠCH"), not a lone acronym ("GRDP.")."""
    letters = sum(1 for ch in text if ch.isalpha())
    return letters >= 4 and is_caps_text(text) and len(text.split()) >= 2


def _caps_heading_tail(prev: str, line: str) -> bool:
    """``line`` is the last word or two of a numbered heading in capitals wrapped onto a line
    of its own (too short to count as a capitals line by itself)."""
    mk = parse_marker(prev)
    heading = bool(mk and mk.kind in ("roman", "num") and mk.rest and _is_caps(mk.rest))
    if heading and _CAPS_YEAR_TAIL_RE.match(line.strip()) and _CAPS_YEAR_END_RE.search(prev):
        return True  # "II. MỤC TIÊU ĐẾN NĂM" / "2030": the year wrapped
    if len(line.split()) > 2 or _TERMINAL_RE.search(prev) or not is_caps_text(line):
        return False
    if sum(1 for ch in line if ch.isalpha()) < 2 or any(ch.isdigit() for ch in line):
        return False
    return heading


def _starts_paragraph(prev: str, line: str) -> bool:
    s = line.strip()
    p = prev.rstrip()
    marker = parse_marker(s)
    if marker:
        body = marker.rest
        if marker.kind == "bullet" and body[:1].islower() and not _TERMINAL_RE.search(p):
            return False  # "chính trị" / "- xã hội ..." is a wrapped phrase
        return not (marker.kind in ("num", "multi") and _DOCNO_BREAK_RE.search(p))
    if _LABEL_START_RE.match(s):
        return True
    if _caps_heading_tail(p, s):
        return False  # "III. NHIỆM VỤ VÀ GIẢI PHÁP TRỌNG" / "TÂM": the heading wrapped
    if _is_caps(s) != _is_caps(p):
        return True
    if _is_caps(s) and ISSUING_BODY_RE.match(s) and not _CAPS_LINK_END_RE.search(p) and len(p.split()) >= 3:
        return True  # "SỞ Y TẾ TỈNH X" / "BỆNH VIỆN ĐA KHOA TỈNH X": the body under its superior
    if _NEWPARA_RE.match(s) and not _LINK_END_RE.search(p):
        return True
    if _DATE_PLACE_RE.match(s):
        return True
    return bool(_TERMINAL_RE.search(p) and s[:1] and (s[0].isupper() or s[0].isdigit() or s[0] in "(“\""))


def _join(prev: str, line: str) -> str:
    s = line.strip()
    if _DOCNO_BREAK_RE.search(prev) and re.match(r"[A-ZĐ]", s):
        return prev + s  # "57-" + "NQ/TW"
    return f"{prev} {s}"


def _double_spaced(lines: list[str]) -> bool:
    """True when almost every text line is followed by one empty line."""
    text_lines = followed = 0
    for k, line in enumerate(lines[:-1]):
        if line.strip():
            text_lines += 1
            if not lines[k + 1].strip() and k + 2 < len(lines) and lines[k + 2].strip():
                followed += 1
    return text_lines >= 6 and followed >= 0.6 * text_lines


@dataclass
class _Header:
    mode: str  # pipe | tabrow | cells | flat
    roles: list[str | None]
    labels: list[str]
    end: int  # index of the first body line
    tab_indented: bool = False
    outer: bool = True  # pipe rows framed by a leading and trailing "|"
    raw_lines: list[str] = field(default_factory=list)
    all_lines: list[str] = field(default_factory=list)  # folded lines of a flat header


@dataclass
class _Builder:
    blocks: list = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    start: int | None = None

    def flush(self) -> None:
        if self.lines:
            text = collapse_spaces(self.lines[0]) if len(self.lines) == 1 else None
            if text is None:
                acc = self.lines[0].strip()
                for line in self.lines[1:]:
                    acc = _join(acc, line)
                text = collapse_spaces(acc)
            if text:
                self.blocks.append(Paragraph(text=text, line_no=self.start))
        self.lines = []
        self.start = None


def _split_cells(line: str, sep: str, outer: bool = True) -> list[str]:
    """Cells of a separated row. Without outer pipes ("a | b | c"), a trailing "|" closes
    an empty last cell instead of framing the row."""
    s = line.strip()
    if sep == "|":
        if s.startswith("|"):
            s = s[1:]
        if s.endswith("|") and (outer or s.count("|") == 0):
            s = s[:-1]
    cells = [c.strip().replace("\u2028", "\n") for c in s.split(sep)]
    return cells


def _hint(line: str) -> bool:
    if "|" in line or "\t" in line.strip():
        return True
    f = fold(line)
    return any(w in f for w in _HINT_WORDS)


def _detect_header(lines: list[str], i: int) -> _Header | None:
    line = lines[i]
    s = line.strip()
    if not s or not _hint(line):
        return None
    mk = parse_marker(s)
    if mk and mk.kind not in ("bullet",) and "|" not in s and "\t" not in s:
        return None  # "1. Chỉ tiêu" is a heading, not a header row
    # Markdown pipe row or tab-separated row.
    for sep, mode in (("|", "pipe"), ("\t", "tabrow")):
        if sep in s and s.count(sep) >= (2 if sep == "|" else 2):
            end = i + 1
            if sep == "|":
                s, end = _unwrap_pipe_row(lines, i, 0)
                line = s
            cells = _split_cells(line, sep)
            labels = [classify_header(c) for c in cells]
            roles = resolve_roles(labels, cells)
            if sum(1 for r in roles if r) >= 3 and table_kind(roles):
                # Header continued on a second row (merged header cells).
                while end < len(lines) and sep in lines[end] and not re.sub(r"[|\s:\-]", "", lines[end]):
                    end += 1
                return _Header(mode, roles, cells, end, outer=sep == "|" and s.startswith("|"))
    # One header cell per line.
    if classify_header(s, loose=False) and len(s.split()) <= 9:
        cells, k, blanks = [], i, 0
        tabbed = line.startswith("\t")
        while k < len(lines) and len(cells) < 14:
            t = lines[k].strip()
            if not t:
                blanks += 1
                if blanks > 2:
                    break
                k += 1
                continue
            blanks = 0
            if not classify_header(t) or len(t.split()) > 12 or parse_row_number(t) and not classify_header(t):
                break
            cells.append(t)
            k += 1
        if len(cells) >= 3:
            roles = resolve_roles([classify_header(c) for c in cells], cells)
            if table_kind(roles):
                return _Header("cells", roles, cells, k, tab_indented=tabbed)
    # Header printed on one line (and wrapped over a few more).
    acc, k, best = "", i, None
    while k < len(lines) and k < i + 8:
        t = lines[k].strip()
        if not t:
            k += 1
            continue
        if acc and (_row_start_token(t) or len(t.split()) > 12):
            break
        acc = f"{acc} {t}".strip()
        scanned = scan_header_phrases(acc)
        if scanned and len(scanned) >= 3:
            roles = resolve_roles([r for r, _ in scanned])
            if table_kind(roles):
                best = _Header("flat", roles, [p for _, p in scanned], k + 1,
                               raw_lines=[fold(x) for x in lines[i:k + 1] if len(x.split()) >= 3],
                               all_lines=[fold(x) for x in lines[i:k + 1] if x.strip()])
        k += 1
    return best


def _unwrap_pipe_row(lines: list[str], k: int, ncols: int) -> tuple[str, int]:
    """A "| a | b |" row hard-wrapped over several lines (text wrapped at a fixed width):
    the lines up to the one closing the row with "|", joined with spaces, and the index
    after them. A framed row cannot span lines, so lines that do not open with "|" and
    come before the closing one are the same row. The row also goes on past a closing
    "|" while it has fewer cells than the header and the next line holds a separator, also
    when the wrap fell right after the row's first line ("| 4 | Số hóa | Văn phòng Sở" /
    "| Trung tâm X | 31/10/2026 | |")."""
    acc = lines[k].strip()
    if not acc.startswith("|"):
        return acc, k + 1
    j = k + 1
    while j < len(lines) and j < k + 12:
        nxt = lines[j].strip()
        if nxt == "|" and not acc.endswith("|"):
            acc += " |"  # the closing pipe wrapped onto a line of its own
            j += 1
            break
        if nxt.startswith("|") and not acc.endswith("|") \
                and acc.count("|") + nxt.count("|") - 1 <= ncols and nxt.endswith("|") \
                and not _row_start_token(nxt.strip("|").split("|")[0].strip()):
            acc = f"{acc} {nxt}"  # the wrap fell just before a separator: "... tỉnh" / "| Thường xuyên | |"
            j += 1
            break
        if not nxt or nxt.startswith("|") or is_rule(nxt):
            break
        if acc.endswith("|") and (acc.count("|") - 1 >= ncols or "|" not in nxt):
            break
        acc = f"{acc} {nxt}"
        j += 1
    if not acc.endswith("|") and j > k + 1:
        return lines[k].strip(), k + 1  # never closed: not a wrapped row
    return acc, j


def _row_start_token(t: str) -> bool:
    parsed = parse_row_number(t)
    if not parsed:
        return False
    no, rest = parsed
    return not rest or rest[:1].isupper()


class _Sequence:
    """Accepts row numbers that continue the table's numbering (gaps allowed)."""

    def __init__(self) -> None:
        self.roman = 0
        self.letter = 0
        self.last: list[int] = []
        self.top = 0  # last top-level row number, kept across sections

    def accept(self, no: str, rest: str, peek: bool = False) -> str | None:
        """'section', 'row' or None."""
        value = roman_to_int(no) if no.isupper() and len(no) <= 6 else None
        if value is not None and (value == self.roman + 1 or (value == 1 and self.roman == 0)
                                  or (self.roman == 0 and value <= 2)):
            if not peek:
                self.roman = value
                self.last = []
            return "section"
        if len(no) == 1 and no.isalpha() and no.isupper():
            code = ord(no) - ord("A") + 1
            if code == self.letter + 1 and (rest[:1].isupper() if rest else True):
                if not peek:
                    self.letter = code
                    self.last = []
                return "section"
            return None
        if not re.fullmatch(r"\d{1,3}(?:\.\d{1,3})*", no):
            return None
        parts = [int(x) for x in no.split(".")]
        if rest and not (rest[0].isupper() or rest[0] in "“\"(" or rest[0].isdigit()):
            return None
        ok = False
        if not self.last:
            # After a section numbering restarts at 1, or runs on (1..9 | 10..).
            ok = parts[0] <= 3 or len(parts) > 1 or 0 < parts[0] - self.top <= 4
        elif len(parts) == 1:
            ok = 0 < parts[0] - self.last[0] <= 4 or (parts[0] == 1 and len(self.last) > 1 and False)
        else:
            prefix_ok = parts[:-1] == self.last[: len(parts) - 1]
            if len(parts) > len(self.last):
                ok = parts[:-1] == self.last[: len(parts) - 1] and parts[-1] <= 3
            else:
                ok = prefix_ok and 0 < parts[-1] - self.last[len(parts) - 1] <= 4
            if not ok and len(parts) >= 1:
                ok = 0 < parts[0] - self.last[0] <= 2 and all(p <= 3 for p in parts[1:])
        if ok and not peek:
            self.last = parts
            self.top = parts[0]
        return "row" if ok else None


def _parse_grid(lines: list[str], start: int, header: _Header, sep: str,
                line_nos: list[int]) -> tuple[list[list[str]], int]:
    """Pipe or tab-separated rows; a line without the separator continues the last cell."""
    rows: list[list[str]] = []
    k = start
    ncols = len(header.roles)
    while k < len(lines):
        raw = lines[k]
        s = raw.strip()
        if not s:
            # A blank line ends the table unless the next text line is still a row.
            nxt = k + 1
            while nxt < len(lines) and not lines[nxt].strip():
                nxt += 1
            if nxt < len(lines) and sep in lines[nxt] and len(_split_cells(lines[nxt], sep)) >= 2:
                k = nxt
                continue
            break
        if sep == "|" and not re.sub(r"[|\s:\-]", "", s):
            k += 1
            continue
        if _END_TABLE_RE.match(s) and sep not in s:
            break
        if sep in s:
            if sep == "|" and header.outer:
                raw, nxt = _unwrap_pipe_row(lines, k, ncols)
                s = raw
                k = nxt - 1
            cells = _split_cells(raw, sep, header.outer)
            if sep == "\t" and raw.lstrip(" ").startswith("\t"):
                # A leading tab is an empty first cell (a deadline or number column left
                # blank), unless the row has more cells than the header without it.
                kept = [c.strip() for c in raw.lstrip(" ").rstrip().split("\t")]
                while len(kept) > ncols and not kept[0]:
                    kept = kept[1:]
                cells = kept
            if sep == "|" and not header.outer:
                # Rows without outer pipes: a short last row is continued by a line that
                # does not open with a row number.
                if rows and len(rows[-1]) < ncols and not parse_row_number(cells[0]):
                    rows[-1][-1] = f"{rows[-1][-1]}\n{cells[0]}".strip()
                    rows[-1].extend(cells[1:])
                else:
                    rows.append(cells)
                    line_nos.append(k + 1)
            elif rows and sep == "|" and not s.startswith("|") and rows[-1] and len(rows[-1]) < ncols:
                # A wrapped pipe row: the first piece continues the last cell.
                rows[-1][-1] = f"{rows[-1][-1]}\n{cells[0]}".strip()
                rows[-1].extend(cells[1:])
            elif rows and sep == "|" and len(rows[-1]) < ncols and not s.startswith("|"):
                rows[-1].extend(cells)
            else:
                rows.append(cells)
                line_nos.append(k + 1)
        elif (sep == "|" and header.outer and rows and len(rows[-1]) >= ncols
              and parse_marker(s)):
            break  # a numbered heading after a complete framed row: the text goes on
        elif sep == "\t" and rows and len(rows[-1]) >= ncols and _ends_table(s):
            break  # a body heading ("III. NHIỆM VỤ") after a complete tab row
        elif rows and is_page_number(s) and k + 1 < len(lines) and sep in lines[k + 1]:
            pass  # a page number between two pages of the table
        elif rows:
            rows[-1][-1] = f"{rows[-1][-1]}\n{s}".strip()
        else:
            break
        k += 1
    return rows, k


def _parse_tab_cells(lines: list[str], start: int, header: _Header,
                     line_nos: list[int]) -> tuple[list[list[str]], int]:
    """One cell per tab-indented line; rows start at a row number after a break."""
    ncols = len(header.roles)
    rows: list[list[str]] = []
    cur: list[str] | None = None
    blank = False
    k = start
    while k < len(lines):
        raw = lines[k]
        s = raw.strip()
        if not s:
            if "\t" in raw and cur is not None:
                cur.append("")
            else:
                blank = True
            k += 1
            continue
        if _END_TABLE_RE.match(s):
            break
        if raw[:1] in "\t ":
            parsed = parse_row_number(s)
            new_row = cur is None or (parsed and (blank or len(cur) >= ncols) and len(s.split()) <= 8)
            if new_row and cur is not None and not parsed and len(cur) >= ncols:
                new_row = True
            if new_row:
                cur = [s]
                rows.append(cur)
                line_nos.append(k + 1)
            else:
                cur.append(s)
        else:
            # A line without the tab right under a cell line continues that cell (a cell
            # printed on several lines), even in the last column; after a blank it ends the table.
            if cur is None or (len(cur) >= ncols and blank):
                break
            if cur:
                cur[-1] = f"{cur[-1]}\n{s}".strip()
            else:
                cur.append(s)
        blank = False
        k += 1
    return rows, k


def _group_flat_rows(lines: list[str], start: int, header: _Header, line_nos: list[int],
                     warnings: list[dict]) -> tuple[list[tuple[str, str, list[str]]], int]:
    """Cut a flattened table body into (kind, number, lines) at its row numbers."""
    seq = _Sequence()
    kind = table_kind(header.roles)
    groups: list[tuple[str, str, list[str]]] = []
    k = start
    header_lines = set(header.raw_lines)
    keep_blanks = header.mode == "cells"
    header_tail: list[str] = []  # the rest of a header repeated on a new page
    bare_numbers = glued_numbers = 0
    while k < len(lines):
        s = lines[k].strip()
        k += 1
        if s and header_tail:
            if fold(s) == header_tail[0]:
                header_tail.pop(0)
                continue  # "thành" of "Thời gian hoàn" / "thành" in the repeated header
            header_tail = []
        if not s:
            if keep_blanks and groups and groups[-1][0] == "row" and groups[-1][2]:
                groups[-1][2].append("")  # maybe an empty cell: kept for counting
            continue
        if _END_TABLE_RE.match(s) or is_rule(s):
            k -= 1
            break
        if is_page_number(s) and not re.fullmatch(r"\d{1,3}\.?", s):
            continue  # "Trang 2", "- 3 -", "2/10" between two pages of the table
        if kind == "tasks" and len(s.split()) >= 3 and _header_like(s):
            scanned = scan_header_phrases(s)
            if scanned and len(scanned) >= 3:
                header_tail = _header_rest(header, s)
                continue  # the header repeated on a new page
        parsed = parse_row_number(s)
        if parsed:
            no, rest = parsed
            if not rest and _page_number_here(lines, k, seq):
                continue
            if (rest and header.mode == "cells" and bare_numbers >= 2 and not glued_numbers
                    and k >= 2 and not lines[k - 2].strip()):
                # Row numbers stood alone on their lines; a numbered line with its text after a
                # blank line ("IV. TỔ CHỨC THỰC HIỆN") is the body going on after the table.
                k -= 1
                break
            status = seq.accept(no, rest)
            if status:
                if rest:
                    glued_numbers += 1
                else:
                    bare_numbers += 1
                groups.append((status, no, [rest] if rest else []))
                line_nos.append(k)
                continue
            if not rest and kind == "tasks" and is_page_number(s):
                continue  # a page number between rows
            if _ends_table(s):
                k -= 1
                break
        elif _header_like(s) and (again := _detect_header(lines, k - 1)):
            if again.roles == header.roles and again.mode == header.mode:
                k = again.end  # the same header repeated on a new page: the table goes on
                continue
            k -= 1
            break
        if fold(s) in header_lines:
            header_tail = _header_rest(header, s)
            continue  # a header repeated on a new page
        if _period_heading(s) and kind == "targets":
            groups.append(("period", "", [s]))
            line_nos.append(k)
        elif groups:
            groups[-1][2].append(s)
        else:
            # Text between the header and the first row belongs to no cell.
            warnings.append({"message": f"Dòng không thuộc ô nào của bảng, đã bỏ qua: “{s[:120]}”.",
                             "line_no": k, "source_line": s, "where": None})
    return groups, k


def _header_rest(header: _Header, line: str) -> list[str]:
    """The header's lines after ``line`` (folded), to skip when the header is repeated."""
    f = fold(line)
    if f in header.all_lines:
        return header.all_lines[header.all_lines.index(f) + 1:]
    return []


_HEADER_START_RE = re.compile(r"^(?:stt|tt|so tt|so thu tu)\b")


def _header_like(s: str) -> bool:
    """Cheap test before the costly header checks inside a table body."""
    if "|" in s or "\t" in s:
        return True
    f = fold(s)
    return bool(_HEADER_START_RE.match(f)) or sum(1 for w in _HINT_WORDS if w in f) >= 3


def _page_number_here(lines: list[str], k: int, seq: _Sequence) -> bool:
    """A lone number followed by a repeated header or by the row number that was
    due is a page number ("... 2" / "7" / "3 ...")."""
    at = next((j for j in range(k, min(len(lines), k + 6)) if lines[j].strip()), None)
    nxt = lines[at].strip() if at is not None else ""
    if not nxt:
        return k >= len(lines) or not any(x.strip() for x in lines[k:k + 6])
    if _END_TABLE_RE.match(nxt):
        return True  # the last page's number before the next appendix
    scanned = scan_header_phrases(nxt) if len(nxt.split()) >= 3 and _header_like(nxt) else None
    if scanned and len(scanned) >= 3:
        return True
    # A header wrapped over several lines ("STT Nội dung Khoa/phòng chủ" / "trì" / ...).
    if at is not None and _HEADER_START_RE.match(fold(nxt)) and _detect_header(lines, at):
        return True
    parsed = parse_row_number(nxt)
    return bool(parsed) and seq.accept(parsed[0], parsed[1], peek=True) is not None


def _ends_table(s: str) -> bool:
    """A body heading after the table: "III. TỔ CHỨC THỰC HIỆN", "2. Nhiệm vụ" out of sequence."""
    mk = parse_marker(s)
    if not mk or mk.kind not in ("roman", "num", "multi") or not mk.rest:
        return False
    if mk.kind == "roman" and is_caps_text(mk.rest):
        return True
    return re.match(r"^\s*[\dIVX]+(?:\.\d+)*[.)]", s) is not None and mk.rest[:1].isupper()


_PERIOD_RE = re.compile(r"^(?:đến năm|giai đoạn|năm|mục tiêu đến năm|tầm nhìn đến năm)\s+\d{4}", re.IGNORECASE)


def _period_heading(text: str) -> bool:
    return bool(_PERIOD_RE.match(text.strip())) and len(text.split()) <= 8


def _trim_blanks(lines: list[str], n: int) -> list[str]:
    """Drop trailing, then doubled, empty lines until ``n`` remain (a blank line
    between two rows, or two blanks for one empty cell)."""
    out = list(lines)
    while len(out) > n and out and not out[-1]:
        out.pop()
    k = len(out) - 1
    while len(out) > n and k > 0:
        if not out[k] and not out[k - 1]:
            out.pop(k)
        k -= 1
    return out


def _rows_from_flat(groups: list[tuple[str, str, list[str]]], header: _Header, split: bool) -> list[list[str]]:
    roles = list(header.roles)
    no_idx = roles.index("no") if "no" in roles else None
    body_roles = [r or "other" for i, r in enumerate(roles) if i != no_idx]
    rows: list[list[str]] = []
    for status, no, lines in groups:
        if status in ("section", "period"):
            title = join_wrapped(lines)
            row = [""] * len(roles)
            if no_idx is not None:
                row[no_idx] = no
            text_idx = roles.index("text") if "text" in roles else (1 if len(roles) > 1 else 0)
            row[text_idx] = title
            rows.append(row)
            continue
        filled = [x for x in lines if x]
        if not split and len(lines) > len(body_roles):
            lines = _trim_blanks(lines, len(body_roles))
        if not split and len(lines) == len(body_roles):
            cells = [[x] if x else [] for x in lines]  # one cell per line, empty ones as empty lines
        elif not split and len(filled) == len(body_roles):
            cells = [[x] for x in filled]  # one cell per line, none missing
        else:
            pieces = split_glued(filled, targets=table_kind(roles) == "targets") if split else filled
            cells = segment(pieces, body_roles)
        row = []
        it = iter(cells)
        for i, role in enumerate(roles):
            if i == no_idx:
                row.append(no)
                continue
            chunk = next(it)
            if role in ("lead", "support"):
                row.append("\n".join(chunk))
            else:
                row.append(join_wrapped(chunk))
        rows.append(row)
    return rows


def _parse_table(lines: list[str], header: _Header, warnings: list[dict]) -> tuple[Table, int]:
    header_row = header.labels
    line_nos: list[int] = []
    if header.mode == "pipe":
        rows, end = _parse_grid(lines, header.end, header, "|", line_nos)
    elif header.mode == "tabrow":
        rows, end = _parse_grid(lines, header.end, header, "\t", line_nos)
    elif header.mode == "cells" and header.tab_indented:
        rows, end = _parse_tab_cells(lines, header.end, header, line_nos)
        rows = _fit_rows(rows, header)
    else:
        groups, end = _group_flat_rows(lines, header.end, header, line_nos, warnings)
        split = header.mode == "flat"
        rows = _rows_from_flat(groups, header, split)
    if header.mode == "flat":
        # Keep the header as the roles' canonical names so the interpreter reads it.
        header_row = [_CANONICAL.get(r or "", "") for r in header.roles]
    table = Table(rows=[header_row, *rows])
    # Source line of each row, for warnings (the Table interface itself has none).
    table.row_line_nos = [header.end, *line_nos] if len(line_nos) == len(rows) else None
    return table, end


_CANONICAL = {
    "no": "STT", "text": "Nội dung", "lead": "Cơ quan chủ trì", "support": "Cơ quan phối hợp",
    "output": "Sản phẩm", "deadline": "Thời hạn", "unit": "Đơn vị tính", "value": "Kết quả",
    "note": "Ghi chú", "other": "",
}


def _fit_rows(rows: list[list[str]], header: _Header) -> list[list[str]]:
    """Rows of one-cell-per-line tables whose cell count differs from the header's."""
    ncols = len(header.roles)
    out: list[list[str]] = []
    no_idx = header.roles.index("no") if "no" in header.roles else None
    for row in rows:
        if len(row) == ncols or len(row) <= 2:
            out.append(row + [""] * (ncols - len(row)))
            continue
        if len(row) > ncols:
            # Extra lines: trailing empties first, then keep the rest in the last cell.
            while len(row) > ncols and row[-1] == "":
                row = row[:-1]
            if len(row) > ncols:
                row = row[: ncols - 1] + ["\n".join(row[ncols - 1:])]
            out.append(row)
            continue
        if no_idx is not None:
            roles = [r or "other" for i, r in enumerate(header.roles) if i != no_idx]
            cells = segment([c for c in row[1:] if c], roles)
            fitted, it = [], iter(cells)
            for i in range(ncols):
                fitted.append(row[0] if i == no_idx else "\n".join(next(it)))
            out.append(fitted)
        else:
            out.append(row + [""] * (ncols - len(row)))
    return out


# The page around a crawled document: share buttons, related news, comments, navigation.
_WEB_FOOTER_RE = re.compile(
    r"^\s*(?:(?:Chia sẻ|Chia sẽ|Share)(?:\s+bài viết)?\s*(?::|\s+(?:qua|lên|Facebook|Zalo|Twitter))|"
    r"(?:Tin|Bài viết|Văn bản|Tin tức)\s+(?:liên quan|cùng chuyên mục|cùng loại)\s*:?\s*$|"
    r"(?:Các|Những)\s+(?:tin|bài viết|văn bản)\s+(?:khác|liên quan)\s*:?\s*$|"
    r"(?:Bình luận|Ý kiến bạn đọc|Gửi bình luận|Viết bình luận)\s*(?:\(\d+\))?\s*:?\s*$|"
    r"(?:Bản quyền thuộc|Copyright|©)|Lượt xem\s*:|Tags?\s*:|Từ khóa\s*:)"
)
# Weaker signs, which end the document only with another sign close after them.
_WEB_WEAK_RE = re.compile(
    r"^\s*(?:Chia sẻ|Share|Facebook|Zalo|Twitter|In bài viết|Gửi email|In trang|Trở về|Quay lại|"
    r"(?:Về đầu|Lên đầu|Đầu) trang|Tin khác|Tin mới|Bài mới|Xem thêm|Đọc thêm|Trang chủ)\s*:?\s*$"
)


def _web_footer_start(lines: list[str]) -> int:
    """Index where the web page's clutter after the document starts (len(lines) if none).

    Only lines after the document's kind line (KẾ HOẠCH ...) and its first
    paragraphs count: the breadcrumb and share links above the header are
    left to the header reader."""
    kind_at = None
    for k, line in enumerate(lines):
        s = line.strip()
        if kind_at is None:
            if s and is_caps_text(s) and fold(s).startswith(_KIND_WORDS):
                kind_at = k
            continue
        if k <= kind_at + 5 or len(s.split()) > 12 or not s:
            continue
        footer = bool(_WEB_FOOTER_RE.match(s))
        if not footer and _WEB_WEAK_RE.match(s):
            near = [x.strip() for x in lines[k + 1: k + 8] if x.strip()]
            footer = any(_WEB_FOOTER_RE.match(x) or _WEB_WEAK_RE.match(x) for x in near)
        if footer and not any(_document_part(x) for x in lines[k + 1:]):
            return k
    return len(lines)


def _document_part(line: str) -> bool:
    """A line that only the document itself has: a Roman heading in capitals, the
    basis phrase, the kind line, a table header, the signature block."""
    s = line.strip()
    if not s:
        return False
    mk = parse_marker(s)
    if mk and mk.kind == "roman" and mk.rest and is_caps_text(mk.rest):
        return True
    if s.startswith(("Căn cứ", "Nơi nhận", "TM.", "T/M", "KT.")):
        return True
    return is_caps_text(s) and fold(s).startswith(_KIND_WORDS) or (
        bool(_HEADER_START_RE.match(fold(s))) and _detect_header([s], 0) is not None)


_KIND_WORDS = ("ke hoach", "chuong trinh", "phu luc", "quyet dinh", "nghi quyet", "chi thi", "de an",
               "huong dan", "thong bao", "bao cao")
_WHOLE_EMPH_RE = re.compile(r"^([*_])(?=\S)(.+?)(?<=\S)\1$")


def _layout_table(lines: list[str], k: int) -> tuple[list[tuple[str, int]], int] | None:
    """Cells of a small pipe table that is no target/task table, column by column.

    Markdown documents lay out their header (authority | motto; number | place
    and date) and signature block as a borderless table of two or three
    columns. Returns the cell lines as (text, line number) and the index after
    the table, or None when the pipe rows do not look like such a table.
    """
    rows: list[tuple[int, list[str]]] = []
    j = k
    while j < len(lines) and j < k + 10:
        s = lines[j].strip()
        if not (s.startswith("|") and s.count("|") >= 2):
            break
        if j > k and _detect_header(lines, j):
            break
        if re.sub(r"[|\s:\-]", "", s):
            rows.append((j, _split_cells(lines[j], "|")))
        j += 1
    if not rows or (j < len(lines) and lines[j].strip().startswith("|")):
        return None
    width = max(len(cells) for _, cells in rows)
    if width > 4:
        return None
    out: list[tuple[str, int]] = []
    for c in range(width):
        for line_k, cells in rows:
            if c >= len(cells):
                continue
            for piece in cells[c].split("\n"):
                piece = collapse_spaces(piece)
                piece = _WHOLE_EMPH_RE.sub(r"\2", piece).strip()
                if piece:
                    out.append((piece, line_k + 1))
    return out, j


_GRID_BORDER_RE = re.compile(r"^\s*\+(?:[-=:]+\+){2,}\s*$")


def _grid_cells(line: str, cuts: list[int]) -> list[str] | None:
    """The cell pieces of one physical line of a grid table (None: not a grid line)."""
    s = line.rstrip()
    if not s.lstrip().startswith("|"):
        return None
    pieces = s.strip().split("|")
    if len(pieces) == len(cuts) + 1 and not pieces[0] and not pieces[-1]:
        return pieces[1:-1]
    # A "|" inside a cell: cut at the border's column positions instead.
    return [s[a + 1:b] for a, b in zip(cuts, cuts[1:], strict=False)]


def _grid_tables_to_pipe(lines: list[str]) -> list[str]:
    """Rewrite Markdown grid tables (pandoc's "+---+---+" borders) as pipe rows.

    In a grid table a row runs from one border line to the next and each cell
    wraps over several physical lines: the cell's text is its column slices
    joined, a wrapped line continuing the line above (a space) and a blank
    slice starting a new paragraph (a cell line break), as pandoc reads it.
    Each row becomes one pipe row whose cell breaks are kept as "<br>", and
    the header separator "+===+" becomes "|---|", so the pipe-table reader
    reads the table.
    """
    if not any(_GRID_BORDER_RE.match(x) for x in lines):
        return lines
    out: list[str] = []
    k, n = 0, len(lines)
    while k < n:
        if not _GRID_BORDER_RE.match(lines[k]):
            out.append(lines[k])
            k += 1
            continue
        border = lines[k].rstrip()
        cuts = [i for i, ch in enumerate(border) if ch == "+"]
        ncols = len(cuts) - 1
        k += 1
        cell_lines: list[list[str]] = [[] for _ in range(ncols)]
        while k < n:
            line = lines[k]
            if _GRID_BORDER_RE.match(line):
                if any(any(x.strip() for x in c) for c in cell_lines):
                    out.append("| " + " | ".join(_grid_cell_text(c) for c in cell_lines) + " |")
                if "=" in line:
                    out.append("|" + "---|" * ncols)
                cell_lines = [[] for _ in range(ncols)]
                k += 1
                continue
            pieces = _grid_cells(line, cuts)
            if pieces is None or len(pieces) != ncols:
                break
            for c, piece in enumerate(pieces):
                cell_lines[c].append(piece)
            k += 1
        if any(any(x.strip() for x in c) for c in cell_lines):
            out.append("| " + " | ".join(_grid_cell_text(c) for c in cell_lines) + " |")
        out.append("")
    return out


def _grid_cell_text(pieces: list[str]) -> str:
    paras: list[list[str]] = [[]]
    for piece in pieces:
        t = clean_line(piece).strip()
        if t:
            paras[-1].append(t)
        elif paras[-1]:
            paras.append([])
    return "<br>".join(join_wrapped(p) for p in paras if p).replace("|", "/")


# The fixed parts of a state document's header (Decree 30 layout), printed on one line when a
# web page flattens the header's layout table: each opens a line of its own.
_HEADER_PART_RE = re.compile(r"\s+(?=Số\s*:|CỘNG HOÀ XÃ HỘI|CỘNG HÒA XÃ HỘI|Độc lập\s*[-–]\s*Tự do)")
_MOTTO_RE = re.compile(r"^(Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc)\s+(\S.*)$")


def _split_glued_header(line: str) -> list[str]:
    if len(line) < 60 or not ("CỘNG HÒA XÃ HỘI" in line or "CỘNG HOÀ XÃ HỘI" in line):
        return [line]
    out: list[str] = []
    for part in _HEADER_PART_RE.split(line):
        m = _MOTTO_RE.match(part.strip())
        out.extend([m.group(1), m.group(2)] if m else [part])  # the date line after the motto
    return [p for p in out if p.strip()]


# A crawled table's cells joined by " ; " (a semicolon with a space on both sides, which prose
# never writes): such a row is a tab row, whatever separator the neighbouring rows use.
_SPACED_SEMI_RE = re.compile(r"[ \t]+;[ \t]+|[ \t]+;$")


def _semicolon_rows_to_tabs(lines: list[str]) -> list[str]:
    if not any(" ; " in x for x in lines):
        return lines
    return [_SPACED_SEMI_RE.sub("\t", x) if x.count(" ; ") >= 2 else x for x in lines]


def text_to_document(text: str) -> Document:
    """Read text into paragraphs and tables (see module docstring)."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n")
    split = quoted_tab_rows(_semicolon_rows_to_tabs(csv_tables_to_pipe(raw.split("\n"))))
    lines = [clean_line(x).replace("\n", "\u2028") for x in _grid_tables_to_pipe(space_tables_to_pipe(split))]
    # A <br> inside a line becomes a cell-internal break; elsewhere a space.
    lines = lines[: _web_footer_start(lines)]
    lines = [p for line in lines for p in _split_glued_header(line)]
    double = _double_spaced(lines)
    builder = _Builder()
    blocks = builder.blocks
    warnings: list[dict] = []
    prev_line = ""
    k = 0
    n = len(lines)
    while k < n:
        line = lines[k]
        s = line.strip()
        if not s:
            if (double and line) or not double:
                builder.flush()
            k += 1
            continue
        header = _detect_header(lines, k)
        if header:
            builder.flush()
            table, end = _parse_table(lines, header, warnings)
            table.line_no = k + 1
            k = end
            blocks.append(table)
            prev_line = ""
            continue
        if s.startswith("|") and s.count("|") >= 2:
            cells_end = _layout_table(lines, k)
            if cells_end:
                # A borderless layout table (the header's authority | motto, number | date
                # columns, or the signature block): each cell line is a paragraph of its own,
                # read column by column.
                builder.flush()
                for text, line_no in cells_end[0]:
                    blocks.append(Paragraph(text=text, line_no=line_no))
                k = cells_end[1]
                prev_line = ""
                continue
        if is_rule(s):
            builder.flush()
            k += 1
            continue
        if is_page_number(s):
            k += 1
            continue
        if is_url_only(s) and builder.lines and not _TERMINAL_RE.search(prev_line):
            nxt = next((lines[j].strip() for j in range(k + 1, min(n, k + 4)) if lines[j].strip()), "")
            if nxt[:1].islower():
                k += 1
                continue
        s = s.replace("\u2028", " ")
        if builder.lines and not _starts_paragraph(prev_line, s):
            builder.lines.append(s)
        else:
            builder.flush()
            builder.lines = [s]
            builder.start = k + 1
        prev_line = s
        k += 1
    builder.flush()
    return Document(blocks=blocks, source_kind="text", warnings=warnings)

"""Line-level cleaning of extracted text: artefacts that are not the document's text.

Handles OCR LaTeX (``$\\geq 45\\%$`` -> ``≥ 45%``), Markdown emphasis and
headings, HTML line breaks, non-breaking and zero-width spaces, and tells
page numbers and stray URL fragments apart from real lines.
"""

from __future__ import annotations

import re

from theodoi.vntext import nfc

_LATEX_CMDS = {
    r"\geq": "≥", r"\ge": "≥", r"\leq": "≤", r"\le": "≤", r"\%": "%", r"\times": "×",
    r"\pm": "±", r"\approx": "≈", r"\neq": "≠", r"\cdot": "·", r"\sim": "~", r"\,": " ",
    r"\;": " ", r"\ ": " ", r"\text": "", r"\mathrm": "",
}
_LATEX_SPAN_RE = re.compile(r"\$([^$\n]{1,80})\$")
_LATEX_CMD_RE = re.compile(r"\\(?:geq|ge|leq|le|%|times|pm|approx|neq|cdot|sim|text|mathrm|[,; ])")
_MD_EMPH_RE = re.compile(r"(\*\*|__)(?=\S)|(?<=\S)(\*\*|__)")
_MD_WHOLE_EMPH_RE = re.compile(r"^(\s*)([*_])(?=\S)(.+?)(?<=\S)\2\s*$")
_MD_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_QUOTE_RE = re.compile(r"^\s{0,3}>(?!=|\s*\d)\s?")  # not "> 70", a value
_HTML_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_TAG_RE = re.compile(r"</?(?:b|i|u|strong|em|span|p|div|sup|sub)(?:\s[^>]*)?>", re.IGNORECASE)
_ZW_RE = re.compile("[\u200b\u200c\u200d\ufeff\u00ad]")
_PAGE_NO_RE = re.compile(r"^\s*(?:[-–—]\s*)?(?:trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?\s*(?:[-–—])?\s*$",
                         re.IGNORECASE)
_URL_ONLY_RE = re.compile(r"^\s*\(?(?:https?://|www\.)\S*\s*$")
_MD_ESCAPE_RE = re.compile(r"\\([-\\`*_{}\[\]()#+.!<>~\"'])")
_RULE_RE = re.compile(r"^\s*(?:[-_=*~.•]\s*){3,}$")


def _latex_span(m: re.Match) -> str:
    body = m.group(1)
    if "\\" not in body and not re.search(r"[\d%]", body):
        return m.group(0)
    body = _LATEX_CMD_RE.sub(lambda c: _LATEX_CMDS.get(c.group(0), ""), body)
    body = body.replace("{", "").replace("}", "")
    return " ".join(body.split())


def clean_line(line: str) -> str:
    """One source line without extraction artefacts (white space kept at the start)."""
    line = nfc(line)
    line = _ZW_RE.sub("", line).replace("\u00a0", " ").replace("\u202f", " ")
    if "$" in line:
        line = _LATEX_SPAN_RE.sub(_latex_span, line)
    if "\\" in line:
        line = _LATEX_CMD_RE.sub(lambda c: _LATEX_CMDS.get(c.group(0), c.group(0)), line)
    if "\\" in line:
        line = _MD_ESCAPE_RE.sub(r"\1", line)  # pandoc's "1\.", "\-\-\-", "\*"
    if "<" in line:
        line = _HTML_BR_RE.sub("\n", line)
        line = _HTML_TAG_RE.sub("", line)
    if "*" in line or "_" in line:
        line = _MD_EMPH_RE.sub("", line)
        line = _MD_WHOLE_EMPH_RE.sub(r"\1\3", line)
    line = _MD_HEADING_RE.sub("", line)
    line = _MD_QUOTE_RE.sub("", line)
    stripped = line.rstrip()
    # A line holding only a tab is an empty cell of a tab-indented table: keep it.
    if not stripped and "\t" in line:
        return "\t"
    return stripped


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NO_RE.match(line))


def is_url_only(line: str) -> bool:
    return bool(_URL_ONLY_RE.match(line))


def is_rule(line: str) -> bool:
    """A decorative rule: '-----', '***', '___'."""
    return bool(_RULE_RE.match(line))


_DOCNO_BREAK_RE = re.compile(r"(?:\d-|[A-ZĐ]/|\d/)$")
_DOCNO_TAIL_RE = re.compile(r"^[A-ZĐ][A-Za-zĐđ]{0,6}[/\-]")


def join_wrapped(parts: list[str]) -> str:
    """Join wrapped lines with spaces; a document number broken at a line end
    ("57-" / "NQ/TW") is joined without one."""
    acc = ""
    for part in parts:
        p = part.strip()
        if not p:
            continue
        if acc and _DOCNO_BREAK_RE.search(acc) and _DOCNO_TAIL_RE.match(p):
            acc += p
        else:
            acc = f"{acc} {p}" if acc else p
    return " ".join(acc.split())


# An issuing body's own name in a header's capitals; on the line under its superior's name
# ("SỞ Y TẾ TỈNH X" / "BỆNH VIỆN ĐA KHOA TỈNH X") it is the body that issues the document.
ISSUING_BODY_RE = re.compile(
    r"^(?:SỞ|BỆNH VIỆN|TRUNG TÂM|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|BAN|CHI CỤC|CỤC|TRƯỜNG|VĂN PHÒNG|"
    r"ĐẢNG ỦY|ĐẢNG UỶ|PHÒNG|VIỆN|HỌC VIỆN|TỔNG CỤC|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|HUYỆN UỶ)\s")

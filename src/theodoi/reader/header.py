"""The plan's header: kind, number, date, place, issuer, title, implements, references.

Vietnamese administrative documents open the same way: the issuing authority
in capitals, "Số: 11-KH/TU", "<Place>, ngày .. tháng .. năm ....", the kind
word in capitals (KẾ HOẠCH), the title under it, then the basis paragraphs
("Căn cứ ...", "Thực hiện ...") ending in the issuing sentence ("Ban Thường
vụ Tỉnh ủy ban hành Kế hoạch ..."). An appendix printed alone names its plan
in "(Kèm theo Kế hoạch số 29-KH/TU, ngày 31/3/2026 của ...)".
"""

from __future__ import annotations

import re

from theodoi.vntext import collapse_spaces

from .agencies import starts_like_agency
from .document import Paragraph
from .fastfold import fold
from .markers import parse_marker
from .textclean import ISSUING_BODY_RE
from .vnchars import UPPER, is_caps_text

KINDS = (
    "CHƯƠNG TRÌNH HÀNH ĐỘNG", "CHƯƠNG TRÌNH", "KẾ HOẠCH", "PHỤ LỤC", "QUYẾT ĐỊNH", "NGHỊ QUYẾT",
    "CHỈ THỊ", "THÔNG BÁO", "ĐỀ ÁN", "BÁO CÁO", "HƯỚNG DẪN", "QUY CHẾ", "KẾT LUẬN", "THÔNG TƯ",
    "NGHỊ ĐỊNH", "CÔNG VĂN", "TỜ TRÌNH", "QUY ĐỊNH", "DANH MỤC", "BIỂU",
)
_KIND_RE = re.compile(
    r"^\s*(" + "|".join(re.escape(k) for k in KINDS) + r")(?:\s+(?:SỐ\s*)?([IVXLC]{1,5}|\d{1,2}|[A-Z])\b\.?)?"
    r"(?=\s|$|:)\s*:?\s*(.*)$"
)
# Document numbers: "57-NQ/TW", "07-TB/CQTTBCĐ", "63-CTr/TU", "71/NQ-CP", "1234/QĐ-UBND",
# "1131/QĐ-TTg" (issuer codes may hold a lower-case letter) and laws "72/2025/QH15".
_ISSUER = r"[A-ZĐ][A-Za-zĐđ0-9]{0,12}(?:-[A-ZĐ0-9][A-Za-zĐđ0-9]{0,9})?"
_DOCNO_A = (r"(?P<a>\d{1,5})\s*-\s*(?P<at>[A-ZĐ][A-Za-zĐđ]{0,6})\s*/\s*(?P<ai>" + _ISSUER + ")")
_DOCNO_B = (r"(?P<b>\d{1,5}(?:/\d{4})?)\s*/\s*(?P<bt>[A-ZĐ][A-Za-zĐđ]{0,6})\s*-\s*"
            r"(?P<bi>" + _ISSUER + ")")
_DOCNO_C = r"(?P<c>\d{1,5}/(?:19|20)\d\d)\s*/\s*(?P<ci>[A-ZĐ]{2,10}\d{1,2})"
DOCNO_RE = re.compile(rf"(?<![\w/])(?:{_DOCNO_A}|{_DOCNO_B}|{_DOCNO_C})(?![\w])")
_NUMBER_LINE_RE = re.compile(r"^\s*Số\s*:?\s*(?P<rest>\S.*)?$")
_DATE_LINE_RE = re.compile(
    rf"^\s*(?P<place>{UPPER}[^,\d]{{1,40}}?)\s*,\s*ngày\s*(?P<d>\d{{1,2}})?\s*tháng\s*(?P<m>\d{{1,2}})?"
    r"\s*năm\s*(?P<y>\d{4})?"
)
_ATTACHED_RE = re.compile(r"^\s*\(\s*(?:Ban hành\s+)?(?:kèm|Kèm|đính kèm|Đính kèm)\s+theo\s+(?P<body>.*)$")
_ISSUE_VERB_RE = re.compile(
    r"\b(?:ban hành|xây dựng|triển khai|thống nhất ban hành|đề ra|lập)\s+(?:các\s+)?"
    r"(?:Kế hoạch|kế hoạch|Chương trình|chương trình|Quy chế|Đề án|Hướng dẫn|Quyết định|Chỉ thị)\b"
)
_PROPOSAL_RE = re.compile(r"^\s*(?:[-–+•]\s*)?(?:Theo|Xét)\s+(?:đề nghị|đề xuất|tờ trình)", re.IGNORECASE)
_BASIS_RE = re.compile(r"^\s*(?:[-–+•]\s*)?(?:Căn cứ|Thực hiện|Triển khai|Theo|Xét)\b")
_DOC_WORDS = (r"(?:Nghị quyết|Kế hoạch|Chương trình hành động|Chương trình|Thông báo kết luận|Thông báo|"
              r"Kết luận|Quyết định|Chỉ thị|Quy chế|Công văn|Hướng dẫn|Đề án|Nghị định|Luật|Thông tư|"
              r"Quy định|Văn bản|Chiến lược)")
_LEAD_KIND_RE = re.compile(rf"({_DOC_WORDS})\s*(?:số\s*)?$")
_BETWEEN_LIST_RE = re.compile(
    rf"^\s*(?:[,;]|và|,\s*và)?\s*(?:các\s+)?(?:{_DOC_WORDS})?\s*(?:của[^,;]*?)?\s*(?:số\s*)?$"
)
_LIST_GAP_RE = re.compile(rf"^\s*(?:,|;|và|,\s*và)?\s*(?:các\s+)?(?:{_DOC_WORDS})?\s*(?:số\s*)?$")
# "57-NQ/TW ngày 22/12/2024 của Bộ Chính trị và Nghị quyết số 71/NQ-CP": a second object
# after the first one's own date and issuer (no description "về ..." in between).
_COORD_GAP_RE = re.compile(
    rf"^\s*,?\s*(?:ngày\s+[\d/.\-]+(?:\s+tháng\s+\d+\s+năm\s+\d+)?\s*,?\s*)?"
    rf"(?:của\s+(?:(?!\bvề\b)[^,;()]){{1,60}}?)?\s*(?:,|;|và|,\s*và)\s*(?:các\s+)?(?:{_DOC_WORDS})\s*(?:số\s*)?$",
    re.IGNORECASE)
_MOTTO_RE = re.compile(r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|ĐẢNG CỘNG SẢN|Độc lập|ĐỘC LẬP")
_TITLE_STOP_RE = re.compile(
    r"^\s*(?:Căn cứ|Thực hiện|Triển khai thực hiện|Theo đề nghị|Xét đề nghị|Kính gửi|Nơi nhận|"
    r"\(?(?:Ban hành\s+)?[Kk]èm theo|\(Đính kèm|Số\s*:?\s*\d)"
)


def normalise_docno(m: re.Match) -> str:
    if m.group("a"):
        return f"{m.group('a')}-{m.group('at')}/{m.group('ai')}"
    if m.group("b"):
        return f"{m.group('b')}/{m.group('bt')}-{m.group('bi')}"
    return f"{m.group('c')}/{m.group('ci')}"


def find_docnos(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), normalise_docno(m)) for m in DOCNO_RE.finditer(text)]


def _date_iso(d: str | None, m: str | None, y: str | None) -> str | None:
    if not (d and m and y):
        return None
    import datetime as dt

    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


_SHORT_DATE_RE = re.compile(r"ngày\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})")
_LONG_DATE_RE = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})")


def _first_date(text: str) -> str | None:
    for rx in (_SHORT_DATE_RE, _LONG_DATE_RE):
        m = rx.search(text)
        if m:
            return _date_iso(*m.groups())
    return None


def _agency_suffix(text: str) -> str | None:
    """The agency that ends ``text`` ("..., Ban Thường vụ Tỉnh ủy" -> "Ban Thường vụ Tỉnh ủy")."""
    text = text.strip().rstrip(",")
    # Cut at the last sentence boundary.
    for sep in (". ", "; ", ": ", ") ", "), "):
        if sep in text:
            text = text.rsplit(sep, 1)[1]
    text = text.strip(" ,;)(")
    parts = text.split(", ")
    # The shortest suffix that opens with an agency head word.
    for i in range(len(parts) - 1, -1, -1):
        cand = ", ".join(parts[i:]).strip()
        if starts_like_agency(cand):
            return cand
    if text and len(text.split()) <= 10 and text[:1].isupper():
        return text
    return None


def _direct_objects(clause: str, max_lead_in: int = 15) -> list[str]:
    """Document numbers a basis clause names as its object, not those in their descriptions."""
    found = find_docnos(clause)
    if not found:
        return []
    first_start = found[0][0]
    # The object opens the clause: "Căn cứ Nghị quyết số 57-NQ/TW ...".
    lead_in = clause[:first_start]
    if len(lead_in.split()) > max_lead_in:
        return []
    out = [found[0][2]]
    k = 1
    while k < len(found):
        e0, (s1, _e1, n1) = found[k - 1][1], found[k]
        if _LIST_GAP_RE.match(clause[e0:s1]) or _COORD_GAP_RE.match(clause[e0:s1]):
            out.append(n1)
            k += 1
        else:
            break
    # "Kế hoạch số 19-KH/ĐU ... về thực hiện Nghị quyết số 57-NQ/TW năm 2026 và Kế hoạch số
    # 305/KH-UBND ...": after the first object's description, a second object of the same kind,
    # joined by "và", is the clause's object too.
    kind = _LEAD_KIND_RE.search(lead_in)
    if kind and k < len(found):
        again = re.compile(rf"(?:,|;|\bvà)\s*{re.escape(kind.group(1))}\s*(?:số\s*)?$")
        other = re.compile(rf"\bvà\s*({_DOC_WORDS})\s*(?:số\s*)?$")
        for j in range(k, len(found)):
            s1, n1 = found[j][0], found[j][2]
            gap = clause[found[j - 1][1]:s1]
            if again.search(gap) and n1 not in out:
                out.append(n1)
                continue
            # "... về thực hiện Nghị quyết số 57-NQ/TW và Quyết định số 3012/QĐ-BNNMT": a document
            # of a third kind joined by "và" is an object too; one of the kind just before it
            # ("Nghị quyết số 57-NQ/TW và Nghị quyết số 71/NQ-CP") belongs to that description.
            om = other.search(gap)
            before = _LEAD_KIND_RE.search(clause[: found[j - 1][0]])
            if om and n1 not in out and j - 1 >= k and before and before.group(1) != om.group(1):
                out.append(n1)
    return out


class Header:
    def __init__(self) -> None:
        self.kind: str | None = None
        self.number: str | None = None
        self.date: str | None = None
        self.place: str | None = None
        self.issuer: str | None = None
        self.title: str | None = None
        self.implements: list[str] = []
        self.references: list[str] = []
        self.end_index = 0  # paragraph index where the body starts
        self.kind_index: int | None = None
        self.used: set[int] = set()


# A part of the body lettered in capitals ("A. MỤC ĐÍCH, YÊU CẦU"), above its Roman sections.
_LETTER_PART_RE = re.compile(r"^\s*[A-ZĐ]\s*[.\-–)]\s+(?P<rest>\S.{4,})$")


def _letter_part(text: str) -> bool:
    m = _LETTER_PART_RE.match(text)
    return bool(m) and is_caps_text(m.group("rest")) and len(m.group("rest").split()) >= 2


def read_header(paras: list[Paragraph], all_text: str) -> Header:
    h = Header()
    n = len(paras)
    # The body starts at the first Roman-numbered heading (I. MỤC ĐÍCH ...).
    body_start = n
    for i, p in enumerate(paras):
        mk = parse_marker(p.text)
        if (mk and mk.kind == "roman") or _letter_part(p.text):
            body_start = i
            break
    h.end_index = body_start
    # Kind line: the first paragraph that opens with a kind word in capitals.
    kind_rest = ""
    candidates = []
    for i, p in enumerate(paras[: max(body_start, 1) + 2]):
        m = _KIND_RE.match(p.text)
        if m and is_caps_text(m.group(1)):
            candidates.append((i, m))
    # A web page may print the title in capitals above the document: the document's own
    # kind line is the one under its number and date lines.
    chosen = next((c for c in candidates if any(
        (_NUMBER_LINE_RE.match(q.text) and (":" in q.text[:5] or find_docnos(q.text)))
        or _DATE_LINE_RE.match(q.text)
        for q in paras[max(0, c[0] - 8): c[0]])), candidates[0] if candidates else None)
    if chosen:
        i, m = chosen
        h.kind = m.group(1)
        h.kind_index = i
        kind_rest = m.group(3).strip()
        h.used.add(i)
    # Number and date lines before the kind line (or near the top).
    top = paras[: (h.kind_index if h.kind_index is not None else min(n, 8)) + 1]
    authority: list[str] = []
    for i, p in enumerate(top):
        t = p.text
        nm = _NUMBER_LINE_RE.match(t)
        if nm and not h.number:
            found = find_docnos(t)
            if found:
                h.number = found[0][2]
            h.used.add(i)
            rest_after = t[found[0][1]:] if found else ""
            # "Số: 215/KH-UBND — *Hưng Yên, ngày 12 tháng 3 năm 2026*": the date after a dash.
            dm = _DATE_LINE_RE.search(rest_after.strip().lstrip("—–-|*_ ")) if rest_after else None
            if dm:
                _apply_date(h, dm)
            continue
        # The Party layout prints a star under the committee's name, on the date's line.
        dm = _DATE_LINE_RE.match(t.lstrip("*_ "))
        if dm and not h.place:
            _apply_date(h, dm)
            h.used.add(i)
            continue
        if i != h.kind_index and is_caps_text(t) and not _MOTTO_RE.search(t) and not h.number:
            authority.append(t)
    # Title: the rest of the kind paragraph and the paragraphs under it.
    if h.kind_index is not None:
        title_parts = [kind_rest] if kind_rest else []
        j = h.kind_index + 1
        while j < min(body_start, n) and len(title_parts) < 6:
            t = paras[j].text
            if title_parts and (_TITLE_STOP_RE.match(t) or parse_marker(t)):
                break
            if not title_parts and _ATTACHED_RE.match(t):
                break
            if _DATE_LINE_RE.match(t) or _NUMBER_LINE_RE.match(t):
                break
            title_parts.append(t)
            h.used.add(j)
            j += 1
            # A title is one block; a second paragraph joins only when it is short and
            # unpunctuated like a wrapped title line.
            if j < n and (len(paras[j].text) > 250 or paras[j].text.rstrip().endswith((".", ":", ";"))):
                break
        if title_parts:
            h.title = collapse_spaces(" ".join(title_parts))
    # Appendix: number, date and issuer of the plan it is attached to.
    attached = None
    for i, p in enumerate(paras[: min(n, body_start + 3)]):
        am = _ATTACHED_RE.match(p.text)
        if am:
            attached = am.group("body")
            h.used.add(i)
            break
    if attached and h.kind == "PHỤ LỤC":
        found = find_docnos(attached)
        if found and not h.number:
            h.number = found[0][2]
        if not h.date:
            h.date = _first_date(attached)
    # Issuer: the issuing sentence, else the appendix's "của ...", else the authority line.
    for p in paras[: body_start]:
        if h.issuer:
            break
        if p.text.lstrip().startswith(("Trên đây",)):
            continue
        # Each issuing verb in turn: "... về việc xây dựng kế hoạch ..., Sở A ban hành Kế hoạch"
        # names no agency before its first one when the basis is glued to the issuing sentence.
        for im in _ISSUE_VERB_RE.finditer(p.text):
            who = _agency_suffix(p.text[: im.start()])
            if who:
                h.issuer = who
                break
    if not h.issuer and attached:
        cm = re.search(r"\bcủa\s+(.+?)\)?\s*$", attached)
        if cm:
            h.issuer = cm.group(1).strip(" )")
    if not h.issuer and authority:
        # "SỞ Y TẾ ..." / "BỆNH VIỆN ...": the lower line is the issuing body, the upper its superior.
        auth = authority[1] if len(authority) == 2 and ISSUING_BODY_RE.match(authority[1]) else authority[0]
        auth = _MOTTO_RE.split(auth)[0].strip()
        h.issuer = auth or None
    # implements: the title's objects, then the basis paragraphs' objects.
    implements: list[str] = []
    if h.title:
        implements.extend(_direct_objects(h.title, max_lead_in=40))
    start = (h.kind_index or 0) + 1
    for text in _basis_paragraphs(paras[start: body_start]):
        if _PROPOSAL_RE.match(text):
            continue  # "Xét đề nghị của Sở A tại Tờ trình số ...": a proposal, not a basis
        for sentence in re.split(r"(?<=[.;])\s+(?=\S)|;\s*", text):
            clause = re.sub(r"^\s*(?:[-–+•]\s*)?(?:Căn cứ|Thực hiện|Triển khai|Theo|Xét)\s+", "", sentence)
            implements.extend(_direct_objects(clause))
    refs: list[str] = []
    for _s, _e, no in find_docnos(all_text):
        if no != h.number and no not in refs:
            refs.append(no)
    h.implements = _dedupe([x for x in implements if x != h.number])
    h.references = refs
    return h


def _basis_paragraphs(paras: list[Paragraph]) -> list[str]:
    """The basis paragraphs ("Căn cứ ...", "Thực hiện ..."), each with the lines it wraps
    onto: a PDF or a crawled page breaks one paragraph into lines, and a line that
    follows one not ending a sentence ("... số 57-NQ/TW;" / "Chương trình số 20-CTr/TU
    ...") still belongs to it."""
    out: list[str] = []
    open_ = False
    for p in paras:
        text = p.text.strip()
        if _BASIS_RE.match(text):
            out.append(text)
            open_ = not text.endswith((".", ":"))
        elif open_ and text and not parse_marker(text):
            out[-1] += " " + text
            open_ = not text.endswith((".", ":"))
        else:
            open_ = False
    return out


def _apply_date(h: Header, dm: re.Match) -> None:
    place = collapse_spaces(dm.group("place"))
    if place and not fold(place).startswith(("so ", "so:")):
        h.place = place
    h.date = _date_iso(dm.group("d"), dm.group("m"), dm.group("y"))


def _dedupe(items: list[str]) -> list[str]:
    out: list[str] = []
    for x in items:
        if x not in out:
            out.append(x)
    return out

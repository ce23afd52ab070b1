"""Recognise and split Vietnamese agency names ("Sở ...", "UBND xã ...").

Vietnamese agency names are built as HEAD WORD + name: "Sở Khoa học và Công
nghệ", "Ban Tổ chức Tỉnh ủy", "Trung tâm Phục vụ hành chính công", "UBND xã
Bình Lư". A list of agencies in a cell is split where a new head word starts
a complete name; never inside a name ("Bộ Văn hóa, Thể thao và Du lịch": the
part after the comma has no head word) nor inside a collective phrase ("Các
cơ quan, đơn vị", "UBND các xã, phường": the part after the comma is lower
case) nor inside brackets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from theodoi.vntext import collapse_spaces, nfc

from .vnchars import UPPER

# Head words that open an agency name whatever follows them.
_STRONG_HEADS = (
    "Sở", "Bộ Chỉ huy", "Bộ Tư lệnh", "Phòng", "Văn phòng", "VP", "Trung tâm", "UBND", "Ủy ban",
    "Uỷ ban", "HĐND", "Hội đồng nhân dân", "Đảng ủy", "Đảng uỷ", "Đảng bộ", "Công an", "Thanh tra",
    "Tỉnh đoàn", "Tỉnh Đoàn", "Thành đoàn", "Thành Đoàn", "Huyện đoàn", "Huyện Đoàn", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ", "Huyện ủy", "Huyện uỷ", "Mặt trận",
    "MTTQ", "Kho bạc", "Ngân hàng", "Bệnh viện", "Chi cục", "Cục", "Tổng cục", "Viện", "Học viện",
    "Đại học", "Liên đoàn", "Liên minh", "Hội Liên hiệp", "Viễn thông", "Bưu điện", "Điện lực",
    "Chi nhánh", "Tập đoàn", "Tổng công ty", "Công ty", "Ban Chỉ đạo", "BCĐ", "Tổ giúp việc",
    "Tổ công tác", "Cơ quan", "Bảo hiểm xã hội", "BHXH", "Cục Thuế", "Hải quan", "Tòa án", "Toà án",
    "Viện Kiểm sát", "Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Thủ trưởng", "Người đứng đầu",
    "Bộ đội Biên phòng", "Ủy ban Kiểm tra", "Chính phủ", "Thủ tướng", "Quốc hội", "Bộ Chính trị",
    "Ban Bí thư", "Ban Thường vụ", "Thường trực", "Hiệp hội", "Quỹ", "Cổng", "Ban Quản lý",
    "Ban quản lý", "Cấp ủy", "Cấp uỷ", "Đảng đoàn", "Ban cán sự", "Chi bộ", "Đoàn Thanh niên",
    "Hội Nông dân", "Hội Cựu chiến binh", "Hội Phụ nữ", "Doanh nghiệp viễn thông",
    # Telecom and postal operators named by brand in Vietnamese plans.
    "Viettel", "VNPT", "MobiFone", "Mobifone", "FPT", "Vietnamobile", "Bưu chính", "VNPost",
    "Tổ công nghệ số", "Tổ Công nghệ số", "Nhà mạng", "Các nhà mạng", "Bộ phận",
    "Bảo tàng", "Ban công tác Mặt trận", "Ban Công tác Mặt trận", "Hội đồng", "Thông tấn xã", "Công đoàn",
    "Hợp tác xã", "Ban điều hành", "Ban Điều hành",
)
# Head words that are also common nouns ("Báo cáo", "Hội nghị", "Ban hành"):
# they open a name only when the next word is capitalised ("Báo Lai Châu").
_WEAK_HEADS = ("Ban", "Bộ", "Hội", "Đoàn", "Báo", "Đài", "Trường", "Doanh nghiệp", "Nhà trường",
               "Đơn vị", "Các", "Vụ", "Tổng cục", "Ủy ban", "Văn phòng", "Công chức",
               # A hospital's departments: "Khoa Xét nghiệm" (never "khoa học", which is lower case).
               "Khoa", "Trạm", "Tạp chí", "Thư viện")
# Lower-case collective openings: "các sở, ban, ngành", "các cơ quan, đơn vị".
_COLLECTIVE_NOUNS = (
    "cơ quan", "đơn vị", "sở", "ban", "ngành", "bộ", "phòng", "xã", "phường", "địa phương",
    "tổ chức", "doanh nghiệp", "đảng ủy", "đảng uỷ", "đảng bộ", "chi bộ", "cấp ủy", "cấp uỷ",
    "trường", "hội", "đoàn thể", "huyện", "thành phố", "trung tâm", "cơ sở", "ủy ban", "uỷ ban",
    "chi, đảng bộ", "tổ chức đảng", "lực lượng", "nhà mạng", "doanh nghiệp viễn thông",
    "Phòng", "Sở", "Ban", "cơ quan, đơn vị", "tập đoàn", "công ty", "viện", "bệnh viện", "đài",
    "UBND", "Ủy ban", "thôn", "bản", "Cục", "cục", "Vụ", "vụ", "khu phố", "chủ đầu tư", "thành viên", "hợp tác xã", "ngân hàng",
    "hộ kinh doanh", "hộ gia đình", "tổ dân phố", "khu dân cư", "thôn, bản", "nhà trường", "Hội",
    "khoa", "khoa, phòng", "phòng, khoa", "Khoa", "khu, điểm", "điểm, khu",
)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_STRONG = _alternation(_STRONG_HEADS)
_WEAK = _alternation(_WEAK_HEADS)
_COLL = _alternation(_COLLECTIVE_NOUNS)
# A capitalised Vietnamese word, an acronym, or a digit (Trường THPT số 1).
_CAP = rf"(?:{UPPER}|[0-9&])"

_HEAD_RE = re.compile(
    # "Sở hữu trí tuệ" (intellectual property) is a common noun, not the head word "Sở".
    rf"^(?!Sở hữu\b)(?:(?:{_STRONG})(?=$|[\s,;.\-–(])"
    rf"|(?:{_WEAK})\s+(?:{_CAP}|(?:các\s+)?(?:{_COLL})\b|chuyên môn|nhân dân|viễn thông|văn hóa|văn hoá|thể thao"
    # "Thư viện tỉnh", "Trường huyện": a weak head with its level word is the body of that level.
    rf"|(?:tỉnh|huyện|thành phố|thị xã|xã|phường)(?=\s*$|[,;.(]|\s+{_CAP}))"
    rf"|[cC]ác\s+(?:{_COLL})\b)"
)
_UPPER_FIRST_RE = re.compile(rf"^{UPPER}")
_BULLET_RE = re.compile(r"^\s*(?:[-–—+•*●▪◦·]+\s*)+")
# A name that asks for more: "Các Phòng chuyên môn" + "UBND xã", "Sở Khoa học và" + "Công nghệ".
_INCOMPLETE_END_RE = re.compile(
    r"(?:\b(?:và|với|của|thuộc|trực thuộc|cho|các|cấp|chuyên môn)|[,\-–(&/])\s*$", re.IGNORECASE
)
_LINK_BEFORE_RE = re.compile(r"\b(?:thuộc|của|với|và|cho|tại|trực thuộc|giúp việc|đối với)\s*$")
# Glued names "Sở Khoa học và Công nghệ Sở Công Thương": only heads that never
# qualify another name may start a second one without a separator.
_GLUE_HEADS = ("Sở", "Phòng", "Trung tâm", "Kho bạc", "Ngân hàng", "Bệnh viện", "Chi cục",
               "Viễn thông", "Bưu điện", "Điện lực", "Công ty", "Tổng công ty", "Trường", "Đài",
               "Báo", "Hội", "Bảo hiểm xã hội", "Cục Thuế", "Các", "Ban", "Văn phòng", "VP",
               "Ủy ban nhân dân", "UBND", "Đảng ủy", "Đảng uỷ", "Bộ", "Đoàn", "Mặt trận", "Ủy ban Mặt trận",
               "Bộ phận", "Công chức", "Vụ", "Cục", "Công an", "Bảo tàng", "Khoa")
# Heads whose own name is just a level word: "Bảo hiểm xã hội tỉnh Công an tỉnh",
# "Văn phòng HĐND và UBND phường Công an phường", "Ban Phong trào Tỉnh đoàn Đoàn các xã".
_LEVEL_GLUE_HEADS = ("Công an", "Đoàn", "Đoàn Thanh niên", "Bảo hiểm xã hội", "Kho bạc Nhà nước", "Thống kê")
_LEVEL_WORDS = r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đặc khu|các)\b"
_GLUE_RE = re.compile(
    rf"(?<=\S)\s+(?=(?:{_alternation(_GLUE_HEADS)})\s+{_CAP}"
    rf"|(?:{_alternation(_LEVEL_GLUE_HEADS)})\s+{_LEVEL_WORDS})")
# A police department is named with its owner: "Phòng Cảnh sát giao thông Công an tỉnh".
_POLICE_UNIT_RE = re.compile(r"^(?:Phòng|Đội)\s+(?:Cảnh sát|An ninh|PC\d|PA\d|PV\d|PX\d|PH\d)")
# Words that are pure qualifiers of a following head: "Văn phòng Sở", "Thanh tra Sở".
_PURE_HEAD_RE = re.compile(rf"^(?:{_STRONG}|{_WEAK})$")
_OWNER_SUFFIX_RE = re.compile(r"^(?:UBND|Ủy ban|Uỷ ban|Đảng ủy|Đảng uỷ|HĐND|Tỉnh ủy|Tỉnh uỷ)\b")
# A department of a central office ("Cục Lưu trữ Văn phòng Trung ương Đảng") and a committee
# named only by its level ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam") are named with their owner.
_CENTRAL_OWNER_RE = re.compile(r"^Văn phòng\s+(?:Trung ương|Chính phủ|Quốc hội|Chủ tịch nước)\b")
_DEPARTMENT_RE = re.compile(r"^(?:Cục|Vụ)\s")
_LEVEL_ONLY_COMMITTEE_RE = re.compile(r"^(?:Ủy|Uỷ) ban\s+(?:Trung ương|tỉnh|thành phố|huyện|xã|phường)$")
_SENTENCE_WORDS_RE = re.compile(
    r"\b(?:triển khai|thực hiện|xây dựng|tổ chức thực hiện|bảo đảm|đảm bảo|hoàn thành|tăng cường|"
    r"nâng cao|phấn đấu|được|có|là|sẽ|đã|để|nhằm|khi|đáp ứng|phục vụ|bố trí|ban hành|rà soát|"
    r"hoạt động|vận hành|đưa vào)\b"
)


def strip_bullet(text: str) -> str:
    """Remove a leading dash/bullet and trailing separators."""
    return _BULLET_RE.sub("", text).strip().rstrip(",;").strip()


def starts_like_agency(text: str) -> bool:
    """True when the text opens with an agency head word (after any bullet)."""
    return bool(_HEAD_RE.match(strip_bullet(nfc(text))))


def looks_like_agency(text: str | None) -> bool:
    """True when the text reads as one agency name or a list of them.

    Used to find agency cells in flattened tables and by the review step:
    an agency name opens with a head word and is not a sentence.
    """
    if not text:
        return False
    t = collapse_spaces(strip_bullet(nfc(text)))
    if not t or len(t) > 200:
        return False
    if not _HEAD_RE.match(t):
        return False
    # A name is a noun phrase: a longer text with verbs ("để", "triển khai") is a sentence.
    return len(t.split()) <= 6 or not _SENTENCE_WORDS_RE.search(t.split("(")[0])


def is_incomplete(text: str) -> bool:
    """An agency line that needs the next line to be whole."""
    return bool(_INCOMPLETE_END_RE.search(text))


def _split_top_level(text: str, sep: str) -> list[str]:
    """Split on ``sep`` outside brackets."""
    parts, depth, start, i = [], 0, 0, 0
    n, k = len(text), len(sep)
    while i < n:
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and text.startswith(sep, i):
            parts.append(text[start:i])
            start = i + k
            i += k
            continue
        i += 1
    parts.append(text[start:])
    return parts


def _complete_name(text: str) -> bool:
    """A name that stands on its own: head word plus its own name."""
    t = text.strip()
    if not _HEAD_RE.match(t) or is_incomplete(t):
        return False
    words = t.split()
    if len(words) < 2:
        return False  # "UBND" alone in "4 khối Đảng, UBND, HĐND" is part of a list
    # "Các sở" alone is the start of a collective list ("Các sở, Ban, ngành").
    if words[0].lower() == "các" and len(words) <= 2:
        return False
    # A generic head word with no name of its own ("Viễn thông" in "Phòng Bưu chính,
    # Viễn thông") is a word of the previous name, not an agency.
    return not _BARE_HEAD_RE.match(t)


# Head words that name nothing on their own: "Sở", "Phòng", "Viễn thông" need a name after
# them, not a conjunction ("Phòng Bưu chính, Viễn thông và Công nghệ thông tin").
_BARE_HEAD_RE = re.compile(
    r"(?:Sở|Phòng|Trung tâm|Viễn thông|Bưu chính|Bưu điện|Điện lực|Chi cục|Cục|Viện|Bệnh viện|"
    r"Ngân hàng|Kho bạc|Hải quan|Chi nhánh|Công ty)(?:$|\s+(?:và|với|hoặc)\s)"
    # "Phòng, chống thiên tai" is the verb pair "prevent and combat", not a department:
    # "Chi cục Thủy lợi và Phòng, chống thiên tai" is one name.
    r"|Phòng,\s*chống\b"
)


_COLLECTIVE_START_RE = re.compile(rf"^[cC]ác\s+(?:{_COLL})\b")


_FRONT_PARTY_RE = re.compile(r"^(?:Đảng ủy|Đảng uỷ)\s+(?:Mặt trận Tổ quốc|MTTQ)\b")


_CLOSED_COLLECTIVE_RE = re.compile(rf"^[cC]ác\s+(?:{_COLL})\s+chuyên môn$")


def _closed_collective(text: str) -> bool:
    """"Các khoa chuyên môn" before a comma is a whole collective, though "chuyên môn" at
    a line's end may ask for its owner on the next line ("Các phòng chuyên môn" / "UBND xã")."""
    return bool(_CLOSED_COLLECTIVE_RE.match(text.strip()))


def _split_commas(part: str) -> list[str]:
    pieces = _split_top_level(part, ", ")
    out: list[str] = []
    for piece in pieces:
        # "Sở Nội vụ, các sở, ban, ngành": a collective list may follow a name.
        # "Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh" is one party committee's official name.
        front_party = bool(out) and _FRONT_PARTY_RE.search(out[-1]) and piece.startswith("các đoàn thể")
        if (out and not front_party and (_complete_name(out[-1]) or _closed_collective(out[-1]))
                and (_complete_name(piece) or _COLLECTIVE_START_RE.match(piece))):
            out.append(piece)
        elif out:
            out[-1] = f"{out[-1]}, {piece}"
        else:
            out.append(piece)
    return out


_SHARED_OFFICE_RE = re.compile(r"^(?:Văn phòng|VP)\b")
_OWNER_HEAD_RE = re.compile(r"^(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân)\b")


def _split_and(part: str) -> list[str]:
    pieces = _split_top_level(part, " và ")
    out: list[str] = []
    for piece in pieces:
        # "Văn phòng HĐND và UBND xã" is one office serving both bodies.
        shared = bool(out) and _SHARED_OFFICE_RE.match(out[-1]) and _OWNER_HEAD_RE.match(piece)
        # "Ngân hàng Nhà nước chi nhánh tỉnh và các ngân hàng thương mại": a name, then a collective.
        if (out and not shared and _complete_name(out[-1]) and (
                _complete_name(piece) and _UPPER_FIRST_RE.match(piece)
                or _COLLECTIVE_START_RE.match(piece) and len(piece.split()) >= 3)):
            out.append(piece)
        elif out:
            out[-1] = f"{out[-1]} và {piece}"
        else:
            out.append(piece)
    return out


def _split_glued(part: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _GLUE_RE.finditer(part):
        before = part[start:m.start()]
        after = part[m.end():]
        if (_complete_name(before) and not _LINK_BEFORE_RE.search(before)
                and not _PURE_HEAD_RE.match(before.strip())
                and not _OWNER_SUFFIX_RE.match(after) and _depth_at(part, m.start()) == 0
                and not (_DEPARTMENT_RE.match(before.strip()) and _CENTRAL_OWNER_RE.match(after))
                and not _LEVEL_ONLY_COMMITTEE_RE.match(before.strip())
                and not before.strip().startswith("Công đoàn")  # "Công đoàn cơ sở Sở Y tế": its owner
                and not (after.startswith("Công an") and _POLICE_UNIT_RE.match(before.strip()))):
            out.append(before)
            start = m.end()
    out.append(part[start:])
    return out


def _depth_at(text: str, pos: int) -> int:
    return max(0, text.count("(", 0, pos) - text.count(")", 0, pos))


# A party committee printed alone on the line after a board's name is that board's owner:
# "Ban Tuyên giáo và Dân vận" / "Tỉnh ủy".
OWNER_LINE_RE = re.compile(r"^(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s+[uủ][yỷ]\s*[,;.]?$")
_ENDS_WITH_OWNER_RE = re.compile(r"[uủ][yỷ]\s*[,;.]?$")


def owner_line(prev: str, line: str) -> bool:
    """``line`` is the owner of the board named on ``prev`` (which has none yet)."""
    return bool(OWNER_LINE_RE.match(line.strip())) and not _ENDS_WITH_OWNER_RE.search(prev.strip()) \
        and bool(re.match(r"^(?:Ban|Văn phòng|Ủy ban Kiểm tra|Uỷ ban Kiểm tra)\s", prev.strip()))


def join_continuations(lines: Iterable[str]) -> list[str]:
    """Join cell lines that continue the previous agency name.

    A line continues the previous one when it starts in lower case with no
    bullet ("thao và truyền thông"), when the previous line asks for more
    ("Các Phòng chuyên môn" + "UBND xã", "Sở Khoa học và" + "Công nghệ"),
    or when it opens with no head word and the previous line was a name
    wrapped mid-way ("Trung tâm Phục vụ hành" + "chính công").
    """
    out: list[str] = []
    for raw in lines:
        line = collapse_spaces(nfc(raw))
        if not line or line in "-–+•":
            continue
        has_bullet = bool(_BULLET_RE.match(line))
        # Keep a trailing separator: "UBND các xã, phường," + "đặc khu" keeps its comma.
        body = _BULLET_RE.sub("", line).strip()
        if not body.rstrip(",;").strip():
            continue
        if out and not has_bullet and not body.startswith(("(", "[")):
            prev = out[-1]
            # "các Hội Khoa học ..." in lower case after "Liên hiệp", a fragment that names no
            # agency yet, finishes it ("Liên hiệp các Hội ..."), though "các" can open a name.
            tail = re.split(r"[;,]", prev)[-1].strip()
            lower_start = body[0].islower() and (
                not _HEAD_RE.match(body) or bool(tail) and not looks_like_agency(tail))
            if lower_start or is_incomplete(prev) or not _HEAD_RE.match(body) or owner_line(prev, body):
                out[-1] = f"{prev} {body}"
                continue
        elif out and has_bullet and body[0].islower() and not _HEAD_RE.match(body) or out and body.startswith("(") and not has_bullet:
            out[-1] = f"{out[-1]} {body}"
            continue
        out.append(body)
    return out


def split_agencies(text_or_lines: str | Iterable[str] | None) -> list[str]:
    """Split an agency cell into one string per agency, as printed."""
    if text_or_lines is None:
        return []
    if isinstance(text_or_lines, str):
        lines = nfc(text_or_lines).split("\n")
    else:
        lines = [nfc(x) for x in text_or_lines if x is not None]
    result: list[str] = []
    for line in join_continuations(lines):
        for part in _split_top_level(line, ";"):
            part = strip_bullet(collapse_spaces(part))
            if not part:
                continue
            for piece in _split_commas(part):
                for sub in _split_and(piece):
                    for name in _split_glued(sub):
                        name = strip_bullet(name).strip(" .")
                        if name and name not in result:
                            result.append(name)
    return result

"""Targets and tasks written in the body of a plan rather than in a table.

Targets: the numbered or bulleted items under a "Mục tiêu cụ thể" /
"Chỉ tiêu" heading, up to the next heading of the same or a higher level.

Tasks: numbered items that name their own lead agency with a label
("Cơ quan chủ trì: ...", "Đơn vị thực hiện: ..."), with their partners,
time and product often labelled too, either in the item's paragraph or in
the paragraphs (usually dash bullets) right under it.
"""

from __future__ import annotations

import re

from theodoi.vntext import collapse_spaces

from .agencies import looks_like_agency, split_agencies, strip_bullet
from .deadlines import parse_deadline
from .document import Paragraph
from .fastfold import fold
from .markers import Marker, parse_marker
from .result import ReadWarning
from .values import read_prose_value
from .vnchars import UPPER, is_caps_text

_TARGET_HEAD_RE = re.compile(
    r"^(?:cac\s+)?(?:muc tieu|chi tieu)(?:(?:\s*,\s*|\s+va\s+)(?:muc tieu|chi tieu))?(?:\s+(?:cu the|chu yeu|"
    r"phan dau|den|nam|giai doan|trong|ve|can dat|dat duoc|dat|tu nay|chinh)\b.*)?\s*:?\s*$"
)
_NOT_TARGET_HEAD_RE = re.compile(r"^(?:muc tieu|chi tieu)\s+(?:chung|tong quat|tong the|dai han)\b")
_TASK_HEAD_RE = re.compile(r"^(?:cac\s+)?(?:nhiem vu|giai phap|to chuc thuc hien|noi dung)")

# Labels of body tasks. Longest first so "Cơ quan chủ trì" wins over "Chủ trì".
_LABELS = [
    ("co quan, don vi chu tri", "lead"), ("co quan chu tri thuc hien", "lead"),
    ("don vi chu tri thuc hien", "lead"), ("co quan chu tri", "lead"), ("don vi chu tri", "lead"),
    ("co quan thuc hien", "lead"), ("don vi thuc hien", "lead"), ("chu tri thuc hien", "lead"),
    ("co quan, don vi thuc hien", "lead"), ("co quan phu trach", "lead"), ("don vi phu trach", "lead"),
    ("trach nhiem thuc hien", "lead"), ("chu tri", "lead"), ("co quan chiu trach nhiem", "lead"),
    # "Giao: Phòng Kinh tế; phối hợp: ..." (the assignment written as a verb label).
    ("giao", "lead"), ("giao cho", "lead"), ("giao chu tri", "lead"),
    ("co quan, don vi phoi hop", "support"), ("co quan phoi hop", "support"),
    ("don vi phoi hop", "support"), ("phoi hop thuc hien", "support"), ("phoi hop", "support"),
    ("thoi gian hoan thanh", "deadline"), ("thoi gian thuc hien", "deadline"),
    ("thoi han hoan thanh", "deadline"), ("thoi han", "deadline"), ("tien do thuc hien", "deadline"),
    ("tien do hoan thanh", "deadline"), ("tien do", "deadline"), ("thoi gian", "deadline"),
    ("moc thoi gian", "deadline"), ("hoan thanh", "deadline"),
    ("san pham dau ra", "output"), ("san pham du kien", "output"), ("ket qua du kien", "output"),
    ("ket qua dau ra", "output"), ("san pham", "output"), ("hinh thuc san pham", "output"),
    ("noi dung", "text"), ("nhiem vu", "text"), ("ket qua can dat", "output"), ("ket qua", "output"),
    # Fields the plan JSON has no place for; labelled so they do not run into the field before.
    ("kinh phi", "other"), ("nguon kinh phi", "other"), ("kinh phi thuc hien", "other"), ("ghi chu", "other"),
]
# Bare "kết quả:" (and "hoàn thành:", the time) is a label only after another field ("...; kết quả: 300 hộ"), never inside the
# task's own sentence ("Báo cáo kết quả: ...").
_AFTER_FIELD_ONLY = {"ket qua", "kinh phi", "nguon kinh phi", "kinh phi thuc hien", "ghi chu", "hoan thanh"}
_LABEL_MAP = dict(_LABELS)
_LABEL_ALT = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p, _ in _LABELS)
# Found on folded text (same length as the original for NFC Vietnamese: one char per char).
_LABEL_RE = re.compile(rf"(?:^|(?<=[\s;.,(\-–+•]))(?P<label>{_LABEL_ALT})\s*:\s*")


def _fold_same_length(text: str) -> str:
    folded = fold(text)
    if len(folded) == len(text):
        return folded
    # Keep positions aligned: fold character by character.
    return "".join(fold(ch) or " " for ch in text)


def split_labels(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Cut "Xây dựng ... Cơ quan chủ trì: Sở A; thời gian: Quý IV/2025" into
    ("Xây dựng ...", [("lead", "Sở A"), ("deadline", "Quý IV/2025")])."""
    folded = _fold_same_length(text)
    hits = list(_LABEL_RE.finditer(folded))
    hits = [m for i, m in enumerate(hits)
            if " ".join(m.group("label").split()) not in _AFTER_FIELD_ONLY
            or i > 0 and folded[: m.start()].rstrip().endswith((";", "."))
            or not folded[: m.start()].strip()]  # "- Kết quả: ..." opening its own line
    if not hits:
        return text, []
    head = text[: hits[0].start()]
    fields: list[tuple[str, str]] = []
    for k, m in enumerate(hits):
        end = hits[k + 1].start() if k + 1 < len(hits) else len(text)
        label = " ".join(m.group("label").split())
        value = text[m.end(): end].strip().rstrip(";,").strip()
        if value.endswith((")", ").")) and "(" not in value:
            value = value.rstrip(".").rstrip(")").strip()  # "(Cơ quan chủ trì: Sở A)."
        value = re.sub(r"^[-–+•]\s*", "", value)
        value = re.sub(r"[;,]?\s*[-–+•]?\s*$", "", value)
        fields.append((_LABEL_MAP.get(label, "text"), value))
    head = re.sub(r"[\s;,:(\-–+•]+$", "", head) if fields else head
    return head, fields


_TERMINAL_PUNCT_RE = re.compile(r"[.;:!?]\s*$")


def _target_code(mk: Marker) -> str | None:
    return None if mk.kind == "bullet" else mk.label


def _next_in_sequence(a: Marker, b: Marker) -> bool:
    """b is the heading that follows heading a at the same level ("1." then "2.")."""
    if a.kind != b.kind or not a.label or not b.label or a.closer != b.closer:
        return False
    if a.kind == "multi":
        pa, pb = a.label.split("."), b.label.split(".")
        return len(pa) == len(pb) and pa[:-1] == pb[:-1] and pb[-1].isdigit() and pa[-1].isdigit() \
            and int(pb[-1]) == int(pa[-1]) + 1
    if a.label.isdigit() and b.label.isdigit():
        return int(b.label) == int(a.label) + 1
    return len(a.label) == 1 and len(b.label) == 1 and ord(b.label) == ord(a.label) + 1


def _is_target_heading(mk: Marker | None, text: str) -> bool:
    body = mk.rest if mk else text
    f = fold(body).strip()
    f = re.sub(r"^\d+[.)]\s*", "", f)
    if _NOT_TARGET_HEAD_RE.match(f):
        return False
    return bool(_TARGET_HEAD_RE.match(f)) and len(f.split()) <= 14


_INLINE_ITEM_RE = re.compile(r"(?:^|(?<=[:;.])|(?<=[:;.]\s))\s*(\(?)(\d{1,2})\)\s+(?=\S)")


def _inline_items(p: Paragraph) -> list[Paragraph]:
    """A paragraph listing its items inline, "Phấn đấu ...: (1) ...; (2) ...; (3) ...", as one
    paragraph per item (the lead-in kept as a heading ending with ":"); [p] when it is not one."""
    if "2)" not in p.text:
        return [p]
    hits = list(_INLINE_ITEM_RE.finditer(p.text))
    run = []
    for m in hits:
        if int(m.group(2)) == len(run) + 1 and (not run or m.group(1) == run[0].group(1)):
            run.append(m)  # "(1) ...; (2) ..." or "1) ...; 2) ...", one style throughout
    if len(run) < 3:
        return [p]
    out = []
    lead_in = p.text[: run[0].start()].strip()
    if lead_in:
        out.append(Paragraph(text=lead_in if lead_in.endswith(":") else lead_in + ":", line_no=p.line_no))
    for k, m in enumerate(run):
        end = run[k + 1].start() if k + 1 < len(run) else len(p.text)
        item = p.text[m.end(): end].strip()
        if k + 1 < len(run):
            item = item.rstrip(";").rstrip()
        out.append(Paragraph(text=f"({m.group(2)}) {item}", line_no=p.line_no))
    return out


def find_body_targets(paras: list[Paragraph], start: int) -> list[dict]:
    """Targets listed under the best "Mục tiêu cụ thể" heading."""
    paras = paras[:start] + [q for p in paras[start:] for q in _inline_items(p)]
    best: list[dict] = []
    i = start
    while i < len(paras):
        mk = parse_marker(paras[i].text)
        if not _is_target_heading(mk, paras[i].text):
            i += 1
            continue
        items, end = _collect_items(paras, i, mk)
        if len(items) > len(best):
            best = items
        i = max(end, i + 1)
    return best


def _item_kind(mk: Marker, text: str) -> str:
    """The marker's kind, bullets told apart by their glyph: "* Đến năm 2027:" heads "+ ..." items."""
    if mk.kind != "bullet":
        return mk.kind
    return "bullet" + text.lstrip()[:1]


def _collect_items(paras: list[Paragraph], head_i: int, head: Marker | None) -> tuple[list[dict], int]:
    items: list[dict] = []
    item_kind: str | None = None
    group: str | None = None
    group_kind: str | None = None
    j = head_i + 1
    while j < len(paras):
        text = paras[j].text
        mk = parse_marker(text)
        if mk is None:
            if items or not text.rstrip().endswith(":"):
                if items:
                    break
                j += 1
                if j - head_i > 3:
                    break
                continue
            j += 1
            continue
        if mk.kind == "roman":
            break
        # A list that restarts at 1 under a numbered heading ("2. Chỉ tiêu" / "1. ..."), or the
        # next number of the items already read, is the heading's own list, not its sibling.
        own_list = (_plausible_item(items, mk) and _item_kind(mk, text) == item_kind) or (
            not items and mk.label in ("1", "a") and head is not None and head.label is not None)
        if own_list and not _is_target_heading(mk, text):
            pass
        elif head is not None and (_next_in_sequence(head, mk) or (mk.kind == head.kind and mk.level <= head.level
                                                              and mk.kind not in ("bullet", "paren")
                                                              and mk.closer == head.closer
                                                              and not _plausible_item(items, mk))):
            break
        if _is_target_heading(mk, text):
            break  # a sub-heading "2. Mục tiêu cụ thể" is a candidate of its own
        rest = mk.rest
        if _NOT_TARGET_HEAD_RE.match(fold(rest)):
            j += 1  # "1. Mục tiêu chung" and its prose are not targets
            continue
        # A heading inside the list ("a) Về hạ tầng số:", "Đến năm 2030:") groups what follows.
        # So is a short unpunctuated line over items of another marker kind ("1. Đến hết
        # năm 2026" / "(1) ..."), as headings are printed without a colon.
        kind = _item_kind(mk, text)
        short_head = (len(rest.split()) <= 10 and not _TERMINAL_PUNCT_RE.search(rest)
                      and (item_kind is None or item_kind != kind))
        if ((rest.rstrip().endswith(":") and len(rest) < 120) or short_head) \
                and not read_prose_value(rest)["comparator"]:
            nxt = parse_marker(paras[j + 1].text) if j + 1 < len(paras) else None
            if nxt and (_item_kind(nxt, paras[j + 1].text) != kind):
                group = rest.rstrip().rstrip(":").strip()
                group_kind = kind
                j += 1
                continue
        if group_kind == kind and item_kind and item_kind != kind:
            break
        if item_kind is None:
            item_kind = kind
        got = read_prose_value(rest)
        comparator = got["comparator"]
        items.append({
            "code": _target_code(mk),
            "group": group,
            "text": collapse_spaces(rest),
            "unit": got["unit"] if comparator else None,
            "comparator": comparator,
            "value": got["value"],
            "value_max": got["value_max"],
            "qualitative": got["qualitative"],
            "lead": [],
        })
        j += 1
    return items, j


def _plausible_item(items: list[dict], mk: Marker) -> bool:
    """"15." among "(14)." and "(16)." items is an item with a typo, not the next heading."""
    if not items or not mk.label or not mk.label.isdigit():
        return False
    last = items[-1].get("code")
    return bool(last and last.isdigit() and int(mk.label) == int(last) + 1)


# The assignment written as a sentence: "Giao Phòng A chủ trì, phối hợp với Phòng B, Đoàn C <action>
# ..., hoàn thành trong Quý II/2026." The partners run up to the action's verb (lower case).
_ACTION_VERBS = (
    "tổ chức", "hướng dẫn", "khảo sát", "nâng cấp", "bảo đảm", "đảm bảo", "số hóa", "số hoá", "hỗ trợ",
    "tổng hợp", "triển khai", "xây dựng", "thực hiện", "rà soát", "tuyên truyền", "kiểm tra", "theo dõi",
    "đôn đốc", "tham mưu", "đề xuất", "cập nhật", "vận hành", "ứng dụng", "phát triển", "nghiên cứu",
    "lắp đặt", "đào tạo", "bồi dưỡng", "tập huấn", "hoàn thiện", "ban hành", "đánh giá", "quản lý",
    "cung cấp", "duy trì", "nâng cao", "thúc đẩy", "đẩy mạnh", "phổ biến", "vận động", "giám sát",
    "báo cáo", "tiếp nhận", "lập", "kết nối", "tích hợp", "quán triệt", "sơ kết", "tổng kết", "mở",
    "phát động", "chỉ đạo", "đầu tư", "trang bị", "chuẩn hóa", "chuẩn hoá", "biên soạn", "soạn thảo",
    "đưa", "cài đặt", "tạo", "thành lập", "kiện toàn", "xử lý", "tiếp tục", "hoàn thành", "thu hút",
)
_VERB_ALT = "|".join(sorted((re.escape(v) for v in _ACTION_VERBS), key=len, reverse=True))
_GIVE_RE = re.compile(
    rf"^(?:[Gg]iao(?:\s+cho)?\s+)?(?P<lead>{UPPER}[^;:]{{1,120}}?)\s+(?:chủ trì|làm đầu mối)\s*,?\s*"
    rf"(?:(?:và\s+)?phối hợp(?:\s+chặt chẽ)?\s+với\s+(?P<support>[^;:]{{2,240}}?)\s+)?(?P<verb>{_VERB_ALT})\b")
_SUBJECT_RE = re.compile(rf"^(?P<lead>{UPPER}[^,;:]{{1,80}}?)\s+(?P<verb>{_VERB_ALT})\b")
_TIME_CLAUSE_RE = re.compile(
    r",\s*(?:hoàn thành|thực hiện|xong)\s+(?:trong\s+)?(?P<raw>[^,;]{2,60}?)\s*[.;]?\s*$"
    r"|\s(?P<raw2>(?:trước|chậm nhất|đến)\s+(?:ngày|tháng|quý|Quý|Tháng|năm)\s+[^,;]{1,30}?)\s*[.;]?\s*$")


def _time_clause(text: str) -> str | None:
    m = _TIME_CLAUSE_RE.search(text)
    if not m:
        return None
    raw = (m.group("raw") or m.group("raw2")).strip()
    return raw if parse_deadline(raw)["kind"] not in (None, "none") else None


def sentence_fields(text: str) -> list[tuple[str, str]]:
    """Lead, partners and time of an assignment written as a sentence (see ``_GIVE_RE``),
    or of "Trạm Y tế xã triển khai ..., hoàn thành trong năm 2026" (the lead as subject).
    Such a task ends with its time; [] when the sentence assigns nothing or has no time."""
    raw = _time_clause(text)
    if not raw:
        return []  # "Sở A chủ trì, phối hợp ... theo dõi, đôn đốc" with no time is a duty, not a task
    m = _GIVE_RE.match(text)
    fields: list[tuple[str, str]] = []
    if m and looks_like_agency(m.group("lead").strip()):
        fields.append(("lead", m.group("lead").strip()))
        if m.group("support"):
            fields.append(("support", m.group("support").strip()))
    else:
        m = _SUBJECT_RE.match(text)
        if not (m and looks_like_agency(m.group("lead").strip())):
            return []
        fields.append(("lead", m.group("lead").strip()))
    fields.append(("deadline", raw))
    return fields


# An item named by its number: "Nhiệm vụ 1:", "Nhiệm vụ số 2.", "Giải pháp 3 -".
_NAMED_ITEM_RE = re.compile(r"^(?:Nhiệm vụ|NHIỆM VỤ|Giải pháp|GIẢI PHÁP)\s+(?:số\s+)?(\d{1,3})\s*[:.\-–)]\s*(?=\S)")


def find_body_tasks(paras: list[Paragraph], start: int) -> tuple[list[dict], list[ReadWarning]]:
    """Numbered items that name their lead agency with a label; when none do, items that
    assign their lead in a sentence ("Giao Phòng A chủ trì, phối hợp với ...")."""
    tasks, warnings = _find_body_tasks(paras, start, False)
    if not tasks:
        tasks, warnings = _find_body_tasks(paras, start, True)
    return tasks, warnings


def _find_body_tasks(paras: list[Paragraph], start: int, sentences: bool) -> tuple[list[dict], list[ReadWarning]]:
    tasks: list[dict] = []
    warnings: list[ReadWarning] = []
    current: dict | None = None
    headings: list[tuple[Marker, str]] = []  # open headings, for section titles

    def close() -> None:
        nonlocal current
        if current and (current["lead"] or current["support"]):
            tasks.append(_finish(current))
            if not current["lead"]:
                warnings.append(ReadWarning(
                    message="Nhiệm vụ chưa có cơ quan chủ trì.", line_no=current["line_no"],
                    source_line=current["text"][:200], where=f"tasks[{len(tasks) - 1}].lead"))
        current = None

    pending: str | None = None  # role of a label left alone on its line ("Thời hạn:")
    for p in paras[start:]:
        text = p.text
        mk = parse_marker(text)
        wanted, pending = pending, None
        if wanted and current is not None and mk is None and _label_value_line(text):
            _apply(current, [(wanted, text)], p)  # "Thời hạn:" / "Quý II/2026": the value on the next line
            continue
        body = mk.rest if mk else text
        named = _NAMED_ITEM_RE.match(body) if not mk or mk.kind == "bullet" else None
        if named:
            # "- Nhiệm vụ 3: Triển khai ..." is item 3, whatever bullet precedes it.
            body = body[named.end():]
            mk = Marker("num", named.group(1), body, ".")
        head, fields = split_labels(body)
        if sentences and not fields:
            fields = sentence_fields(strip_bullet(body))
            head = strip_bullet(body) if fields else head
        has_head = len(head.split()) >= 3
        if fields and not has_head and current is not None:
            _apply(current, fields, p)  # "- Cơ quan chủ trì: Sở A."
            pending = _empty_last_label(body, fields)
            continue
        if mk and mk.kind == "roman":
            close()
            headings = [(mk, collapse_spaces(head).rstrip(":").strip())]
            continue
        if (mk and mk.kind != "bullet") or (fields and has_head):
            close()
            if mk and mk.kind != "bullet":
                while headings and headings[-1][0].level >= mk.level:
                    headings.pop()
            section = headings[-1][1] if headings else None
            code = _task_code(mk) if mk else None
            if code and mk.kind == "num" and headings and headings[-1][0].kind == "roman":
                # "1." directly under "I. NÂNG CAO NHẬN THỨC": coded like a table row, "I.1".
                code = f"{headings[-1][0].label}.{code}"
            elif code and mk.kind == "letter" and headings and headings[-1][0].kind in ("num", "multi"):
                # "a)" under the heading "1. Nâng cao nhận thức": the letter within its heading, "1.a".
                code = f"{headings[-1][0].label}.{code}"
            current = {"code": code, "section_title": section,
                       "text": collapse_spaces(head), "lead": [], "support": [], "output": None,
                       "deadline": None, "line_no": p.line_no}
            if fields:
                _apply(current, fields, p)
                pending = _empty_last_label(body, fields)
            if mk and mk.kind != "bullet":
                headings.append((mk, collapse_spaces(head).rstrip(":").strip()))
            continue
    close()
    # Headings that became tasks are not sections of themselves; drop section titles equal to text.
    for t in tasks:
        if t["section_title"] == t["text"]:
            t["section_title"] = None
    return tasks, warnings


def _empty_last_label(body: str, fields: list[tuple[str, str]]) -> str | None:
    """The role of the paragraph's last label when it ends the paragraph with no value
    ("Đơn vị chủ trì:"), so the next line can give it one."""
    role, value = fields[-1]
    if value or role in ("text", "other") or not body.rstrip().endswith(":"):
        return None
    return role


def _label_value_line(text: str) -> bool:
    """A short line of plain text that can be the value of the label on the line before:
    not a heading in capitals, not itself labelled."""
    if len(text.split()) > 30 or len(text.split()) >= 2 and is_caps_text(text):
        return False
    return not split_labels(text)[1]


def _task_code(mk: Marker) -> str | None:
    return mk.label if mk.kind != "bullet" else None


def _apply(task: dict, fields: list[tuple[str, str]], p: Paragraph) -> None:
    for role, value in fields:
        if role == "lead":
            task["lead"].extend(x for x in split_agencies(value) if x not in task["lead"])
        elif role == "support":
            task["support"].extend(x for x in split_agencies(value) if x not in task["support"])
        elif role == "deadline":
            task["deadline"] = value.rstrip(".")
        elif role == "output":
            task["output"] = value
        elif role == "text" and not task["text"]:
            task["text"] = value


def _finish(task: dict) -> dict:
    return {
        "code": task["code"],
        "section_title": task["section_title"],
        "text": task["text"],
        "lead": task["lead"],
        "support": task["support"],
        # The sentence's full stop is not part of the product ("Sản phẩm: Dữ liệu số.").
        "output": collapse_spaces(task["output"]).rstrip(".").rstrip() or None if task["output"] else None,
        "deadline": parse_deadline(task["deadline"]),
    }

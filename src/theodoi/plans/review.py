"""The review step between reading a document and saving it.

Converts plan JSON to the rows of the editable review tables and back from the
submitted form. Agency lists are edited one name per line. Pure functions over
dicts, no database access: the view adds unit matches and saves.
"""

from __future__ import annotations

from collections.abc import Mapping

HEADER_FIELDS = ("kind", "number", "date", "place", "issuer", "title")
TARGET_FIELDS = ("code", "group", "text", "unit", "comparator", "value", "value_max", "qualitative")
TASK_FIELDS = ("code", "section_title", "text", "output")
COMPARATOR_CHOICES = [
    ("", "—"), (">=", "≥"), ("<=", "≤"), ("=", "="), ("range", "khoảng"), ("qualitative", "định tính"),
]


def _lines(value: str | None) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def to_form(plan_json: dict) -> dict:
    """Plan JSON → values the review template shows in its inputs."""
    header = {f: _cell(plan_json["plan"].get(f)) for f in HEADER_FIELDS}
    header["implements"] = "\n".join(plan_json["plan"].get("implements") or [])
    header["references"] = "\n".join(plan_json["plan"].get("references") or [])
    targets = []
    for t in plan_json.get("targets") or []:
        row = {f: _cell(t.get(f)) for f in TARGET_FIELDS}
        row["lead"] = "\n".join(t.get("lead") or [])
        row["lead_list"] = list(t.get("lead") or [])
        targets.append(row)
    tasks = []
    for t in plan_json.get("tasks") or []:
        row = {f: _cell(t.get(f)) for f in TASK_FIELDS}
        row["lead"] = "\n".join(t.get("lead") or [])
        row["support"] = "\n".join(t.get("support") or [])
        row["lead_list"] = list(t.get("lead") or [])
        row["support_list"] = list(t.get("support") or [])
        deadline = t.get("deadline") or {}
        row["deadline"] = _cell(deadline.get("raw"))
        row["deadline_kind"] = deadline.get("kind") or "none"
        row["deadline_due"] = _cell(deadline.get("due"))
        tasks.append(row)
    return {"header": header, "targets": targets, "tasks": tasks}


def _count(data: Mapping[str, str], prefix: str) -> int:
    try:
        return max(0, min(int(data.get(f"{prefix}-count", "0")), 5000))
    except ValueError:
        return 0


def from_form(data: Mapping[str, str]) -> dict:
    """Submitted review form → plan JSON (to be validated by ``normalise_plan``).

    Rows ticked "bỏ" are dropped; empty strings become null; a deadline is
    re-read from its text so an edited deadline gets its kind and date again.
    """
    from theodoi.reader.deadlines import parse_deadline

    plan = {f: (data.get(f"h-{f}", "").strip() or None) for f in HEADER_FIELDS}
    plan["implements"] = _lines(data.get("h-implements"))
    plan["references"] = _lines(data.get("h-references"))
    targets = []
    for i in range(_count(data, "t")):
        if data.get(f"t-{i}-drop") or f"t-{i}-text" not in data:
            continue
        row = {f: (data.get(f"t-{i}-{f}", "").strip() or None) for f in TARGET_FIELDS}
        row["lead"] = _lines(data.get(f"t-{i}-lead"))
        targets.append(row)
    tasks = []
    for i in range(_count(data, "k")):
        if data.get(f"k-{i}-drop") or f"k-{i}-text" not in data:
            continue
        row = {f: (data.get(f"k-{i}-{f}", "").strip() or None) for f in TASK_FIELDS}
        row["lead"] = _lines(data.get(f"k-{i}-lead"))
        row["support"] = _lines(data.get(f"k-{i}-support"))
        row["deadline"] = parse_deadline(data.get(f"k-{i}-deadline", "").strip() or None)
        tasks.append(row)
    return {"plan": plan, "targets": targets, "tasks": tasks}


def agency_names(plan_json: dict) -> list[str]:
    """Every distinct printed agency name of the plan, in order of appearance."""
    seen: dict[str, None] = {}
    for t in plan_json.get("targets") or []:
        for name in t.get("lead") or []:
            seen.setdefault(name)
    for t in plan_json.get("tasks") or []:
        for name in (t.get("lead") or []) + (t.get("support") or []):
            seen.setdefault(name)
    return list(seen)

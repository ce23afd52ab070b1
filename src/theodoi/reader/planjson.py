"""Validate and normalise plan JSON (the exchange format of plan-format.md).

``normalise_plan`` accepts what a person or another system wrote and returns
the canonical form: every field present, strings NFC with white space
collapsed, numbers as numbers, dates ISO. It raises ``InvalidPlanJSON`` with a
Vietnamese message naming the faulty place. Extra keys that theodoi adds when
exporting (``unit_id``, ``status`` ...) are kept untouched.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from theodoi.vntext import collapse_spaces, nfc

from .errors import InvalidPlanJSON

PLAN_FIELDS = ("kind", "number", "date", "place", "issuer", "title", "implements", "references")
COMPARATORS = {">=", "<=", "=", "range", "qualitative", None}
DEADLINE_KINDS = {"date", "month", "quarter", "year", "recurring", "none"}
RECURRENCES = {"continuous", "monthly", "quarterly", "half-yearly", "yearly", None}


def _text(value: Any, where: str, *, required: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise InvalidPlanJSON(f"Thiếu nội dung bắt buộc: {where}.")
        return None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise InvalidPlanJSON(f"{where} phải là chuỗi ký tự.")
    return collapse_spaces(nfc(str(value)))


def _text_list(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise InvalidPlanJSON(f"{where} phải là danh sách.")
    out: list[str] = []
    for i, item in enumerate(value):
        text = _text(item, f"{where}[{i + 1}]")
        if text and text not in out:
            out.append(text)
    return out


def _number(value: Any, where: str) -> float | int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InvalidPlanJSON(f"{where} phải là số.")
    if isinstance(value, (int, float)):
        number = value
    elif isinstance(value, str):
        try:
            number = float(value.strip().replace(",", "."))
        except ValueError:
            raise InvalidPlanJSON(f"{where} phải là số (nhận được “{value}”).") from None
    else:
        raise InvalidPlanJSON(f"{where} phải là số.")
    if isinstance(number, float) and number.is_integer():
        return int(number)
    return number


def _date(value: Any, where: str) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InvalidPlanJSON(f"{where} phải là ngày dạng YYYY-MM-DD.")
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise InvalidPlanJSON(f"{where} không phải ngày hợp lệ (YYYY-MM-DD): “{value}”.") from None


def _object(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise InvalidPlanJSON(f"{where} phải là một đối tượng JSON.")
    return value


def _deadline(value: Any, where: str) -> dict:
    if value is None:
        return {"raw": None, "kind": "none", "due": None, "every": None}
    if isinstance(value, str):
        # A bare string: keep it as printed and let the reader classify it.
        from .deadlines import parse_deadline

        return parse_deadline(value)
    value = _object(value, where)
    out = dict(value)
    out["raw"] = _text(value.get("raw"), f"{where}.raw")
    kind = value.get("kind") or ("none" if out["raw"] is None else None)
    if kind is None:
        from .deadlines import parse_deadline

        return {**out, **parse_deadline(out["raw"])}
    if kind not in DEADLINE_KINDS:
        raise InvalidPlanJSON(f"{where}.kind không hợp lệ: “{kind}”.")
    out["kind"] = kind
    out["due"] = _date(value.get("due"), f"{where}.due")
    every = value.get("every")
    if every not in RECURRENCES:
        raise InvalidPlanJSON(f"{where}.every không hợp lệ: “{every}”.")
    out["every"] = every
    return out


def _target(value: Any, where: str) -> dict:
    value = _object(value, where)
    out = dict(value)
    out["code"] = _text(value.get("code"), f"{where}.code")
    out["group"] = _text(value.get("group"), f"{where}.group")
    out["text"] = _text(value.get("text"), f"{where}.text", required=True)
    out["unit"] = _text(value.get("unit"), f"{where}.unit")
    comparator = value.get("comparator")
    if comparator not in COMPARATORS:
        raise InvalidPlanJSON(f"{where}.comparator không hợp lệ: “{comparator}”.")
    out["comparator"] = comparator
    out["value"] = _number(value.get("value"), f"{where}.value")
    out["value_max"] = _number(value.get("value_max"), f"{where}.value_max")
    out["qualitative"] = _text(value.get("qualitative"), f"{where}.qualitative")
    out["lead"] = _text_list(value.get("lead"), f"{where}.lead")
    return out


def _task(value: Any, where: str) -> dict:
    value = _object(value, where)
    out = dict(value)
    out["code"] = _text(value.get("code"), f"{where}.code")
    out["section_title"] = _text(value.get("section_title"), f"{where}.section_title")
    out["text"] = _text(value.get("text"), f"{where}.text", required=True)
    out["lead"] = _text_list(value.get("lead"), f"{where}.lead")
    out["support"] = _text_list(value.get("support"), f"{where}.support")
    out["output"] = _text(value.get("output"), f"{where}.output")
    out["deadline"] = _deadline(value.get("deadline"), f"{where}.deadline")
    return out


def normalise_plan(data: Any) -> dict:
    """Return the canonical plan JSON, or raise ``InvalidPlanJSON``."""
    if not isinstance(data, dict) or "plan" not in data:
        raise InvalidPlanJSON(
            "Tệp không phải là kế hoạch theo định dạng JSON của theodoi: thiếu mục “plan”."
        )
    plan_in = _object(data.get("plan"), "plan")
    plan = dict(plan_in)
    plan["kind"] = _text(plan_in.get("kind"), "plan.kind") or "KẾ HOẠCH"
    plan["number"] = _text(plan_in.get("number"), "plan.number")
    plan["date"] = _date(plan_in.get("date"), "plan.date")
    plan["place"] = _text(plan_in.get("place"), "plan.place")
    plan["issuer"] = _text(plan_in.get("issuer"), "plan.issuer")
    plan["title"] = _text(plan_in.get("title"), "plan.title")
    if not plan["title"]:
        raise InvalidPlanJSON("Kế hoạch không có tiêu đề (plan.title): không thể lưu.")
    plan["implements"] = _text_list(plan_in.get("implements"), "plan.implements")
    plan["references"] = _text_list(plan_in.get("references"), "plan.references")
    targets_in = data.get("targets") or []
    tasks_in = data.get("tasks") or []
    if not isinstance(targets_in, list):
        raise InvalidPlanJSON("“targets” phải là danh sách.")
    if not isinstance(tasks_in, list):
        raise InvalidPlanJSON("“tasks” phải là danh sách.")
    out = {k: v for k, v in data.items() if k not in ("plan", "targets", "tasks")}
    out["plan"] = plan
    out["targets"] = [_target(t, f"chỉ tiêu thứ {i + 1}") for i, t in enumerate(targets_in)]
    out["tasks"] = [_task(t, f"nhiệm vụ thứ {i + 1}") for i, t in enumerate(tasks_in)]
    return out


def loads_plan(text: str) -> dict:
    """Parse and normalise plan JSON text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidPlanJSON(
            f"Tệp JSON bị lỗi cú pháp ở dòng {exc.lineno}, cột {exc.colno}: không đọc được."
        ) from None
    return normalise_plan(data)


def dumps_plan(plan: dict) -> str:
    """Serialise plan JSON the way theodoi prints it."""
    return json.dumps(plan, ensure_ascii=False, indent=2)

"""Demo data for a first start: Lai Châu's real units, the seed plans, one account per role.

Only ``theodoi serve`` / ``theodoi demo`` on an empty database call this; a
production setup never does, so demo accounts never exist there.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import secrets
import sys
from importlib import resources
from pathlib import Path
from typing import TextIO
from unittest import mock

from django.db import transaction

from theodoi.accounts.models import Role, User
from theodoi.units.models import Unit, UnitKind, UnitLevel
from theodoi.units.services import add_alias, create_unit

DEMO_ACTOR = "dữ liệu trình diễn"
PROVINCE = "Tỉnh Lai Châu"

CSV_KIND = {
    "so-nganh": UnitKind.DEPARTMENT,
    "dang": UnitKind.PARTY_BODY,
    "mttq": UnitKind.MASS_ORG,
    "xa": UnitKind.COMMUNE,
    "phuong": UnitKind.WARD,
}

# The four blocs are headed by the bodies that lead them.
BLOCS = [
    ("Tỉnh ủy Lai Châu", "Tỉnh ủy", ["Ban Thường vụ Tỉnh ủy", "Tỉnh ủy", "Thường trực Tỉnh ủy"]),
    ("Ủy ban nhân dân tỉnh Lai Châu", "UBND tỉnh", ["Ủy ban nhân dân tỉnh", "UBND tỉnh"]),
    ("Hội đồng nhân dân tỉnh Lai Châu", "HĐND tỉnh", ["Hội đồng nhân dân tỉnh", "HĐND tỉnh"]),
    ("Ủy ban MTTQ Việt Nam tỉnh Lai Châu", "MTTQ tỉnh",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Mặt trận Tổ quốc tỉnh", "Ủy ban MTTQ tỉnh"]),
]
PARENT_OF_KIND = {
    UnitKind.DEPARTMENT: "Ủy ban nhân dân tỉnh Lai Châu",
}
EXTRA_ALIASES = {
    "Sở Khoa học và Công nghệ": ["Sở KH&CN", "Sở KHCN"],
    "Đảng ủy UBND tỉnh": ["Đảng ủy Ủy ban nhân dân tỉnh"],
    "Đảng ủy Ủy ban MTTQ Việt Nam tỉnh": ["Đảng ủy Mặt trận Tổ quốc", "Đảng ủy MTTQ tỉnh"],
    "Tỉnh Lai Châu": [
        "Các cơ quan, đơn vị thuộc 4 khối (Đảng, UBND, HĐND, MTTQ) trong hệ thống chính trị",
        "Các cơ quan thuộc 4 khối Đảng, UBND, HĐND, MTTQ",
        "Các sở, ban, ngành, địa phương",
    ],
}
# Offices of every commune People's Committee after 1 July 2025.
COMMUNE_OFFICES = [
    "Văn phòng HĐND và UBND",
    "Phòng Kinh tế",
    "Phòng Văn hóa – Xã hội",
    "Trung tâm Phục vụ hành chính công",
]


def database_is_empty() -> bool:
    from theodoi.plans.models import Plan

    return not (Unit.objects.exists() or Plan.objects.exists() or User.objects.exists())


def _csv_rows() -> list[dict]:
    text = resources.files("theodoi.demo").joinpath("lai-chau-units.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@transaction.atomic
def load_units() -> dict[str, Unit]:
    """Build the unit tree from the CSV of real units; returns units by name."""
    rows = _csv_rows()
    by_name: dict[str, Unit] = {}
    province = create_unit(actor=DEMO_ACTOR, name=PROVINCE, kind=UnitKind.PROVINCE,
                           short_name="Lai Châu")
    by_name[PROVINCE] = province
    for name, short, aliases in BLOCS:
        by_name[name] = create_unit(actor=DEMO_ACTOR, name=name, parent=province,
                                    kind=UnitKind.BLOC, short_name=short, aliases=aliases)
    pending = [r for r in rows if r["name"] not in by_name]
    # Parents come before children in the CSV except where they do not: loop until placed.
    for _ in range(5):
        later = []
        for row in pending:
            kind = CSV_KIND.get(row["level"], UnitKind.OTHER)
            parent_name = row["parent"] or PROVINCE
            if parent_name == PROVINCE and kind in PARENT_OF_KIND:
                parent_name = PARENT_OF_KIND[kind]
            if parent_name == PROVINCE and kind == UnitKind.PARTY_BODY:
                parent_name = "Tỉnh ủy Lai Châu"
            if parent_name == PROVINCE and kind == UnitKind.MASS_ORG:
                parent_name = "Ủy ban MTTQ Việt Nam tỉnh Lai Châu"
            parent = by_name.get(parent_name)
            if parent is None:
                later.append(row)
                continue
            level = UnitLevel.COMMUNE if kind in (UnitKind.COMMUNE, UnitKind.WARD) else UnitLevel.PROVINCE
            aliases = list(EXTRA_ALIASES.get(row["name"], []))
            if kind in (UnitKind.COMMUNE, UnitKind.WARD):
                aliases += [f"UBND {row['name'].lower()}", f"Ủy ban nhân dân {row['name'].lower()}"]
            unit = create_unit(actor=DEMO_ACTOR, name=row["name"], parent=parent, kind=kind,
                               level=level, aliases=aliases)
            by_name[row["name"]] = unit
            for old in filter(None, (x.strip() for x in row.get("formed_from", "").split(";"))):
                if old != row["name"] and old not in by_name:
                    # Units merged on 1 July 2025: kept, inactive, pointing at their successor.
                    former = create_unit(actor=DEMO_ACTOR, name=f"{old} (cũ)", parent=province,
                                         kind=kind, level=level, is_active=False)
                    former.successor = unit
                    former.save(update_fields=["successor"])
            if kind in (UnitKind.COMMUNE, UnitKind.WARD):
                for office in COMMUNE_OFFICES:
                    create_unit(actor=DEMO_ACTOR, name=office, parent=unit,
                                kind=UnitKind.COMMUNE_OFFICE, level=UnitLevel.COMMUNE)
        pending = later
        if not pending:
            break
    for name, aliases in EXTRA_ALIASES.items():
        if name in by_name:
            for alias in aliases:
                add_alias(unit=by_name[name], alias=alias)
    binh_lu = by_name.get("Xã Bình Lư")
    if binh_lu is not None:
        create_unit(actor=DEMO_ACTOR, name="Trung tâm Văn hóa, Thể thao và Truyền thông",
                    parent=binh_lu, kind=UnitKind.COMMUNE_OFFICE, level=UnitLevel.COMMUNE)
    return by_name


DEMO_ACCOUNTS = [
    ("quantri", Role.ADMIN, None, "Quản trị hệ thống"),
    ("thuongtruc", Role.STANDING, "Sở Khoa học và Công nghệ", "Chuyên viên Sở KH&CN (thường trực)"),
    ("chuyenvien.binhlu", Role.UNIT_OFFICER, "Xã Bình Lư", "Chuyên viên UBND xã Bình Lư"),
    ("lanhdao.binhlu", Role.UNIT_HEAD, "Xã Bình Lư", "Chủ tịch UBND xã Bình Lư"),
    ("lanhdao.tinh", Role.LEADER, None, "Lãnh đạo tỉnh, Ban Chỉ đạo"),
    ("kiemtra", Role.INSPECTOR, "Ủy ban Kiểm tra Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"),
]


def create_demo_accounts(units: dict[str, Unit]) -> list[tuple[str, str, str]]:
    """One account per role, each with its own random password (returned, never stored plain)."""
    created = []
    for username, role, unit_name, full_name in DEMO_ACCOUNTS:
        password = secrets.token_urlsafe(9)
        user = User(username=username, role=role, unit=units.get(unit_name) if unit_name else None,
                    full_name=full_name, is_demo=True,
                    is_staff=role == Role.ADMIN, is_superuser=role == Role.ADMIN)
        user.set_password(password)
        user.save()
        created.append((username, password, Role(role).label))
    return created


def seed_documents() -> list[Path]:
    folder = resources.files("theodoi.demo").joinpath("seeds")
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith((".txt", ".docx", ".pdf", ".xlsx")))


def load_seed_plans(out: TextIO) -> int:
    """Read every seed document with the reader and save it. Returns the number saved."""
    from theodoi.plans.errors import PlanError
    from theodoi.plans.services import import_plan
    from theodoi.reader import ReaderError, read_file

    saved = 0
    for path in seed_documents():
        try:
            result = read_file(path)
            outcome = import_plan(actor=DEMO_ACTOR, data=result.plan, source_name=path.name,
                                  source_bytes=path.read_bytes(), source_kind=result.source_kind,
                                  is_public=True)
        except (ReaderError, PlanError, ImportError) as exc:
            print(f"  Bỏ qua {path.name}: {getattr(exc, 'message', exc)}", file=out)
            continue
        saved += 1
        print(f"  {outcome.summary}", file=out)
    return saved


DEMO_MARK = "[Dữ liệu trình diễn]"
DEMO_DIFFICULTIES = [
    "Kinh phí thực hiện chưa được bố trí kịp thời.",
    "Hạ tầng mạng tại một số thôn, bản còn hạn chế.",
    "Thiếu cán bộ chuyên trách chuyển đổi số.",
]
DEMO_PROPOSALS = [
    "Đề nghị Sở Tài chính tham mưu bố trí kinh phí.",
    "Đề nghị Sở Khoa học và Công nghệ hướng dẫn nghiệp vụ.",
]


@contextlib.contextmanager
def _clock(moment: dt.datetime):
    """Run the reporting services as if at ``moment``, so sent/accepted dates, versions and
    audit events of a demo report agree with its period (the services read timezone.now)."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def _at(day: dt.date, hour: int = 9) -> dt.datetime:
    from django.utils import timezone

    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def load_demo_reports(out: TextIO = sys.stdout, *, months: int = 4,
                      today: dt.date | None = None) -> int:
    """A few months of plausible reports for the seed plans' units, so the dashboard and the
    consolidated report of a newcomer are not empty. Written through the reporting services
    (open, save, send, accept) so statuses, versions and audit events are coherent; every
    text says it is demo data. Returns the number of reports sent."""
    import random

    from django.utils import timezone

    from theodoi.notifications.models import Notification
    from theodoi.reporting import services as rs
    from theodoi.reporting.models import ReportingPeriod
    from theodoi.reporting.scope import open_assignments
    from theodoi.reporting.selectors import report_content

    today = today or timezone.localdate()
    rs.ensure_periods(today=today)
    periods = list(ReportingPeriod.objects.filter(frequency="monthly", due__lt=today)
                   .order_by("-end")[:months])[::-1]
    unit_ids = sorted(set(open_assignments("monthly").values_list("unit_id", flat=True)))
    province = Unit.objects.filter(parent__isnull=True, is_active=True).order_by("path").first()
    if not periods or not unit_ids or province is None:
        return 0
    # Two robots that cannot log in (inactive, no password) act for the units and the
    # standing agency; the audit trail names them as demo data.
    head = User(username="trinhdien.donvi", role=Role.UNIT_HEAD, unit=province, is_active=False,
                is_demo=True, full_name=f"{DEMO_MARK} đơn vị báo cáo")
    standing = User(username="trinhdien.thuongtruc", role=Role.STANDING, unit=province,
                    is_active=False, is_demo=True, full_name=f"{DEMO_MARK} cơ quan thường trực")
    for robot in (head, standing):
        robot.set_unusable_password()
        robot.save()
    rng = random.Random(57)
    units = Unit.objects.in_bulk(unit_ids)
    fate: dict[tuple[int, int], dt.date | None] = {}
    sent = 0
    for index, period in enumerate(periods):
        last = index == len(periods) - 1
        for unit_id in unit_ids:
            roll = rng.random()
            if roll > (0.8 if last else 0.93):
                continue  # this unit did not report this month
            sent_on = period.due - dt.timedelta(days=rng.randint(0, 2)) if roll < 0.8 else \
                period.due + dt.timedelta(days=rng.randint(1, 6))
            with _clock(_at(period.end + dt.timedelta(days=1))):
                report = rs.open_report(actor=head, period=period, unit=units[unit_id])
                content = report_content(report, today=period.end)
            tasks, targets = {}, {}
            for row in content.lead_rows:
                t = row.task
                key = (unit_id, t.pk)
                if key not in fate:
                    f = rng.random()
                    if t.due_date and f < 0.5:
                        fate[key] = t.due_date - dt.timedelta(days=rng.randint(0, 20))
                    elif t.due_date and f < 0.7:
                        fate[key] = t.due_date + dt.timedelta(days=rng.randint(5, 40))
                    elif not t.due_date and not t.is_recurring and f < 0.3:
                        fate[key] = period.end - dt.timedelta(days=rng.randint(0, 25))
                    else:
                        fate[key] = None
                done_on = fate[key]
                if done_on is not None and done_on <= period.end:
                    tasks[t.pk] = {"is_lead": True, "status": "done", "progress": 100,
                                   "completed_on": done_on, "doc_numbers": f"{100 + t.pk}/QĐ-UBND",
                                   "done_text": f"{DEMO_MARK} Đã hoàn thành, ban hành văn bản."}
                    continue
                hard = rng.random() < 0.15
                tasks[t.pk] = {
                    "is_lead": True, "status": "ongoing",
                    "progress": min(90, 15 * (index + 1) + rng.randint(0, 15)),
                    "done_text": f"{DEMO_MARK} Đang triển khai theo kế hoạch.",
                    "difficulties": f"{DEMO_MARK} {rng.choice(DEMO_DIFFICULTIES)}" if hard else "",
                    "proposals": f"{DEMO_MARK} {rng.choice(DEMO_PROPOSALS)}" if hard else ""}
            for row in content.targets:
                t = row.target
                if row.is_qualitative:
                    values = {"qualitative_met": index >= 1 and t.pk % 3 != 0}
                else:
                    goal = float(t.value or t.value_max or 100)
                    share = 0.8 + 0.07 * index + rng.uniform(-0.1, 0.1)
                    values = {"value": rs.to_decimal(round(goal * share, 2))}
                targets[t.pk] = {**values, "as_of": period.end,
                                 "source": f"{DEMO_MARK} Số liệu của đơn vị"}
            with _clock(_at(sent_on)):
                rs.save_report(actor=head, report=report, tasks=tasks, targets=targets,
                               summary=f"{DEMO_MARK} Báo cáo mẫu sinh tự động khi khởi động lần "
                                       f"đầu, không phải số liệu thật.",
                               nothing_to_report=not tasks and not targets)
                report = rs.approve_and_send(actor=head, report=report)
            if not last or rng.random() < 0.5:
                with _clock(_at(sent_on + dt.timedelta(days=1), 15)):
                    rs.accept_report(actor=standing, report=report)
            sent += 1
    # The demo standing officer need not wade through hundreds of "đã gửi" notices.
    Notification.objects.filter(read_at__isnull=True).update(read_at=timezone.now())
    print(f"  {sent} báo cáo đơn vị mẫu ({len(periods)} tháng gần nhất, {DEMO_MARK}).", file=out)
    return sent


def load_demo(out: TextIO = sys.stdout) -> list[tuple[str, str, str]]:
    print("Cơ sở dữ liệu trống: nạp dữ liệu trình diễn (đơn vị tỉnh Lai Châu, 5 kế hoạch mẫu)…", file=out)
    units = load_units()
    print(f"  {Unit.objects.count()} đơn vị.", file=out)
    load_seed_plans(out)
    accounts = create_demo_accounts(units)
    load_demo_reports(out)
    print("\nTài khoản trình diễn (mật khẩu chỉ hiện một lần, hãy ghi lại):", file=out)
    width = max(len(u) for u, _, _ in accounts)
    for username, password, role in accounts:
        print(f"  {username:<{width}}  {password}   {role}", file=out)
    print("", file=out)
    return accounts

"""Shared fixtures: a small unit tree, one account per role, seed plans from the gold readings,
the latest closed monthly period, evidence file bytes."""

from __future__ import annotations

import io
import zipfile

import pytest

from seedfiles import gold


@pytest.fixture(autouse=True)
def fast_password_hasher(request):
    """PBKDF2 costs ~0.2 s per account; tests need no protection against cracking.

    Skipped when pytest-django is not loaded (``-p no:django`` for the reader's tests)."""
    if not request.config.pluginmanager.hasplugin("django"):
        return
    settings = request.getfixturevalue("settings")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def tree(db):
    """Province → UBND bloc → Sở KH&CN, Sở Công Thương; Tỉnh ủy bloc → Đảng ủy UBND tỉnh;
    Xã Bình Lư → Phòng Văn hóa – Xã hội; Xã Tân Uyên → Phòng Văn hóa – Xã hội."""
    from theodoi.units.models import UnitKind, UnitLevel
    from theodoi.units.services import create_unit

    def mk(name, parent=None, kind=UnitKind.DEPARTMENT, **kw):
        return create_unit(actor="test", name=name, parent=parent, kind=kind, **kw)

    u = {}
    u["province"] = mk("Tỉnh Lai Châu", kind=UnitKind.PROVINCE)
    u["ubnd"] = mk("Ủy ban nhân dân tỉnh Lai Châu", u["province"], UnitKind.BLOC,
                   aliases=["Ủy ban nhân dân tỉnh", "UBND tỉnh"])
    u["tinhuy"] = mk("Tỉnh ủy Lai Châu", u["province"], UnitKind.BLOC,
                     aliases=["Ban Thường vụ Tỉnh ủy"])
    u["khcn"] = mk("Sở Khoa học và Công nghệ", u["ubnd"])
    u["congthuong"] = mk("Sở Công Thương", u["ubnd"])
    u["danguy_ubnd"] = mk("Đảng ủy UBND tỉnh", u["tinhuy"], UnitKind.PARTY_BODY)
    u["congan"] = mk("Đảng ủy Công an tỉnh", u["tinhuy"], UnitKind.PARTY_BODY)
    u["vptu"] = mk("Văn phòng Tỉnh ủy", u["tinhuy"], UnitKind.PARTY_BODY)
    u["binhlu"] = mk("Xã Bình Lư", u["province"], UnitKind.COMMUNE, level=UnitLevel.COMMUNE,
                     aliases=["UBND xã Bình Lư"])
    u["binhlu_vhxh"] = mk("Phòng Văn hóa – Xã hội", u["binhlu"], UnitKind.COMMUNE_OFFICE,
                          level=UnitLevel.COMMUNE)
    u["binhlu_kt"] = mk("Phòng Kinh tế", u["binhlu"], UnitKind.COMMUNE_OFFICE, level=UnitLevel.COMMUNE)
    u["tanuyen"] = mk("Xã Tân Uyên", u["province"], UnitKind.COMMUNE, level=UnitLevel.COMMUNE)
    u["tanuyen_vhxh"] = mk("Phòng Văn hóa – Xã hội", u["tanuyen"], UnitKind.COMMUNE_OFFICE,
                           level=UnitLevel.COMMUNE)
    return u


@pytest.fixture
def users(tree):
    from theodoi.accounts.models import Role, User

    def mk(username, role, unit=None, **kw):
        user = User(username=username, role=role, unit=unit, full_name=username, **kw)
        user.set_password("matkhau-thu-nghiem")
        user.save()
        return user

    return {
        "admin": mk("quantri", Role.ADMIN, is_staff=True, is_superuser=True),
        "standing": mk("thuongtruc", Role.STANDING, tree["khcn"]),
        "binhlu_officer": mk("cv.binhlu", Role.UNIT_OFFICER, tree["binhlu"]),
        "binhlu_head": mk("ld.binhlu", Role.UNIT_HEAD, tree["binhlu"]),
        "tanuyen_officer": mk("cv.tanuyen", Role.UNIT_OFFICER, tree["tanuyen"]),
        "congthuong_officer": mk("cv.congthuong", Role.UNIT_OFFICER, tree["congthuong"]),
        "leader": mk("lanhdao", Role.LEADER),
        "inspector": mk("kiemtra", Role.INSPECTOR),
    }


@pytest.fixture
def seeded(tree):
    """The five seed plans imported from their gold readings; returns plans by seed prefix."""
    from theodoi.plans.services import import_plan

    plans = {}
    for prefix in ("000", "001", "002", "003", "004"):
        plans[prefix] = import_plan(actor="test", data=gold(prefix)).plan
    return plans


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def period(seeded):
    """The latest monthly period whose cut-off has passed (its reports are being sent now)."""
    from django.utils import timezone

    from theodoi.reporting.models import ReportingPeriod
    from theodoi.reporting.services import ensure_periods

    today = timezone.localdate()
    ensure_periods(today=today)
    return ReportingPeriod.objects.filter(frequency="monthly", end__lt=today).order_by("-end").first()


@pytest.fixture
def pdf_bytes() -> bytes:
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()

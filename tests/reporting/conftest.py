"""Reporting fixtures: periods up to today, the latest closed monthly period, evidence bytes."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.utils import timezone


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def period(seeded):
    """The latest monthly period whose cut-off has passed."""
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


@pytest.fixture
def vhxh_tasks(tree):
    """Tasks Phòng Văn hóa – Xã hội of Bình Lư leads, in report order."""
    from theodoi.plans.models import Task

    return list(Task.objects.filter(assignments__unit=tree["binhlu_vhxh"], assignments__role="lead",
                                    assignments__ended_at__isnull=True)
                .order_by("plan_id", "position"))

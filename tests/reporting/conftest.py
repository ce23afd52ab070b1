"""Reporting fixtures: stored files under a temporary media root; the office's tasks."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def vhxh_tasks(tree):
    """Tasks Phòng Văn hóa – Xã hội of Bình Lư leads, in report order."""
    from theodoi.plans.models import Task

    return list(Task.objects.filter(assignments__unit=tree["binhlu_vhxh"], assignments__role="lead",
                                    assignments__ended_at__isnull=True)
                .order_by("plan_id", "position"))

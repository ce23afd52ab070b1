"""The living demo: the first start lays down a few months of reports for the seed plans."""

from __future__ import annotations

import io
import time

import pytest

pytestmark = pytest.mark.django_db


def test_load_demo_lays_down_coherent_demo_reports(settings, tmp_path):
    from theodoi.audit.models import AuditEvent
    from theodoi.dashboard import metrics
    from theodoi.demo.loader import DEMO_MARK, load_demo
    from theodoi.reporting.models import ReportState, ReportVersion, TaskReport, UnitReport

    settings.MEDIA_ROOT = tmp_path / "media"
    out = io.StringIO()
    start = time.perf_counter()
    load_demo(out)
    elapsed = time.perf_counter() - start
    reports = UnitReport.objects.all()
    assert reports.count() > 10, out.getvalue()
    assert "báo cáo đơn vị mẫu" in out.getvalue()
    assert all(r.summary.startswith(DEMO_MARK) for r in reports)
    assert all(r.version == 1 and r.first_sent_at for r in reports)
    assert reports.filter(state=ReportState.ACCEPTED).exists()
    assert ReportVersion.objects.count() == reports.count()
    assert TaskReport.objects.exclude(done_text__startswith=DEMO_MARK).count() == 0
    # Sent dates follow the periods (not the moment the demo was loaded): mostly on time.
    on_time = sum(r.timeliness(r.period.due) == "on_time" for r in reports.select_related("period"))
    assert on_time >= reports.count() * 0.6
    sends = AuditEvent.objects.filter(action="Duyệt và gửi báo cáo")
    assert sends.count() == reports.count()
    first = reports.select_related("period").order_by("period__end").first()
    event = sends.filter(object_id=str(first.pk)).get()
    assert event.at.date() <= first.period.due + __import__("datetime").timedelta(days=7)
    # The newcomer's dashboard is not empty.
    d = metrics.build(metrics.Scope())
    assert d.tally.done > 0 and d.targets.reached + d.targets.not_reached > 0
    assert elapsed < 30  # under 10 s on a developer machine; generous for CI

"""The standing agency returns a sent report with a reason; the unit sees it, corrects and
sends again; the standing agency accepts the new version."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, url: str, username: str) -> None:
    page.goto(f"{url}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", "matkhau-thu-nghiem")
    page.click("button[type=submit]")
    page.wait_for_selector("text=Đăng xuất")


def test_standing_agency_returns_then_accepts_a_report(live_server, browser, page, users, seeded,
                                                       tree, tmp_path, settings):
    from django.utils import timezone

    from theodoi.plans.models import Task
    from theodoi.reporting import services
    from theodoi.reporting.models import ReportingPeriod, ReportState, UnitReport

    settings.MEDIA_ROOT = tmp_path / "media"
    services.ensure_periods()
    period = ReportingPeriod.objects.filter(frequency="monthly", start__lte=timezone.localdate()) \
        .order_by("-end").first()
    head = users["binhlu_head"]
    report = services.open_report(actor=head, period=period, unit=tree["binhlu_vhxh"])
    task = Task.objects.filter(assignments__unit=tree["binhlu_vhxh"], assignments__role="lead") \
        .order_by("plan_id", "position").first()
    services.save_report(actor=head, report=report, tasks={task.pk: {"status": "ongoing", "progress": 40}},
                         targets={})
    services.approve_and_send(actor=head, report=report)
    report_url = f"{live_server.url}{report.get_absolute_url()}"

    # The standing agency returns it with a reason.
    _login(page, live_server.url, "thuongtruc")
    page.goto(report_url)
    page.wait_for_selector("h2:has-text('Tiếp nhận hoặc trả lại')")
    page.fill("textarea[name=reason]", "Thiếu minh chứng cho nhiệm vụ chuyển đổi số")
    page.click("button:has-text('Trả lại báo cáo')")
    page.wait_for_selector("text=Đã trả lại báo cáo")
    report.refresh_from_db()
    assert report.state == ReportState.RETURNED

    # The unit head sees the reason and sends again.
    unit_context = browser.new_context(locale="vi-VN")
    unit_page = unit_context.new_page()
    unit_page.set_default_timeout(15000)
    _login(unit_page, live_server.url, "ld.binhlu")
    unit_page.goto(report_url)
    assert unit_page.is_visible("text=Thiếu minh chứng cho nhiệm vụ chuyển đổi số")
    unit_page.click("button[value=send]")
    unit_page.wait_for_selector("#trang-thai:has-text('Đã gửi')")
    unit_context.close()
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED and report.version == 2

    # The standing agency accepts the second version; the decision form disappears.
    page.goto(report_url)
    page.click("button:has-text('Tiếp nhận báo cáo')")
    page.wait_for_selector("text=Đã tiếp nhận báo cáo")
    assert page.locator("h2:has-text('Tiếp nhận hoặc trả lại')").count() == 0
    assert UnitReport.objects.get(pk=report.pk).state == ReportState.ACCEPTED

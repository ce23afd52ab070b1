"""A commune's unit head fills this period's report, attaches a signed PDF and sends it."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_unit_fills_and_sends_report_with_evidence(live_server, page, users, seeded, tree, tmp_path,
                                                   settings):
    from django.utils import timezone

    from theodoi.plans.models import Task
    from theodoi.reporting.models import Evidence, ReportingPeriod, ReportState, UnitReport
    from theodoi.reporting.services import ensure_periods

    settings.MEDIA_ROOT = tmp_path / "media"
    ensure_periods()
    period = ReportingPeriod.objects.filter(frequency="monthly", start__lte=timezone.localdate()) \
        .order_by("-end").first()
    task = Task.objects.filter(assignments__unit=tree["binhlu_vhxh"], assignments__role="lead") \
        .order_by("plan_id", "position").first()
    evidence = tmp_path / "quyet-dinh-12.pdf"
    evidence.write_bytes(PDF)

    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", "ld.binhlu")
    page.fill("#id_password", "matkhau-thu-nghiem")
    page.click("button[type=submit]")
    page.click("text=Báo cáo kỳ này")
    page.wait_for_selector("h1:has-text('Báo cáo kỳ này')")
    row = page.locator("tr", has_text="Phòng Văn hóa – Xã hội").filter(has_text=period.label)
    row.locator("a:has-text('Mở báo cáo')").click()
    page.wait_for_selector(f"#nv-{task.pk}")
    card = page.locator(f"#nv-{task.pk}")
    card.locator("select[name$='-status']").select_option("ongoing")
    card.locator("input[name$='-progress']").fill("70")
    card.locator("textarea[name$='-done_text']").fill("Đã ban hành Quyết định số 12/QĐ-UBND")
    card.locator("input[name$='-doc_numbers']").fill("12/QĐ-UBND")
    card.locator("input[type=file]").set_input_files(str(evidence))
    page.click("button[value=send]")
    page.wait_for_selector("#trang-thai:has-text('Đã gửi')")
    assert page.is_visible("text=Đã duyệt và gửi báo cáo")
    assert page.is_visible("a:has-text('quyet-dinh-12.pdf')")
    report = UnitReport.objects.get(period=period, unit=tree["binhlu_vhxh"])
    assert report.state == ReportState.SUBMITTED and report.version == 1
    assert Evidence.objects.get(report=report).kind == "pdf"
    # Sent: no more editing controls for the unit.
    assert page.locator("button[value=save]").count() == 0

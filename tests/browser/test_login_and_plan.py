"""A standing-agency officer logs in, searches without diacritics and opens a plan."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_logs_in_finds_and_opens_a_plan(live_server, page, users, seeded):
    page.goto(f"{live_server.url}/ke-hoach/")
    assert "/dang-nhap/" in page.url  # login required
    page.fill("#id_username", "thuongtruc")
    page.fill("#id_password", "matkhau-thu-nghiem")
    page.click("button[type=submit]")
    page.wait_for_selector("text=Kế hoạch")
    page.fill("#q", "phu song 5g")  # htmx search as you type, no diacritics
    page.wait_for_selector("#plan-rows >> text=29-KH/TU")
    page.click("#plan-rows >> text=29-KH/TU")
    page.wait_for_selector("h1")
    assert "các mục tiêu cụ thể của Kế hoạch" in page.inner_text("h1")
    assert page.locator("table.targets tbody tr").count() == 74
    assert page.is_visible("text=PHÁT TRIỂN HẠ TẦNG")


def test_unit_filter_on_plan_page_uses_htmx(live_server, page, users, seeded, tree):
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", "cv.binhlu")
    page.fill("#id_password", "matkhau-thu-nghiem")
    page.click("button[type=submit]")
    page.wait_for_selector("text=Nhiệm vụ của tôi")
    page.goto(f"{live_server.url}/ke-hoach/{seeded['002'].pk}/")
    assert page.locator("table.tasks tbody tr").count() == 37
    page.select_option("select[name=don_vi]", str(tree["binhlu_kt"].pk))
    page.wait_for_function("document.querySelectorAll('table.tasks tbody tr').length === 2")
    assert f"don_vi={tree['binhlu_kt'].pk}" in page.url

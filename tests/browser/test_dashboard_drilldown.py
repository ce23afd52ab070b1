"""A provincial leader logs in, lands on the dashboard and follows a figure to its tasks."""

from __future__ import annotations

import pytest

from dashboard.world import frozen_today, world  # noqa: F401  (the handcrafted province)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_leader_opens_dashboard_and_drills_down(live_server, page, world):  # noqa: F811
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", "lanhdao")
    page.fill("#id_password", "matkhau-thu-nghiem")
    page.click("button[type=submit]")
    page.wait_for_selector("h1:has-text('Tổng quan')")  # the leaders' landing page
    assert page.url.endswith("/tong-quan/")
    # Charts drawn with Chart.js served by us: nothing fetched from elsewhere.
    page.wait_for_function("typeof Chart === 'function' && Chart.getChart('bieu-do-trang-thai')")
    assert all(u.startswith(live_server.url) or u.startswith("data:") for u in requests), requests
    assert page.inner_text("#so-cham .n") == "3"
    assert page.locator("#bang-xep-hang tbody tr").first.inner_text().startswith("1")

    page.click("#so-cham")
    page.wait_for_selector("h1:has-text('Chậm tiến độ')")
    rows = page.locator("#danh-sach-nhiem-vu tbody tr")
    assert rows.count() == 3
    assert "Kết nối dữ liệu dân cư Đề án 06" in rows.first.inner_text()  # longest overdue first
    assert "quá 142 ngày" in rows.first.inner_text()

    # From the ranking: one unit's overdue tasks.
    page.go_back()
    page.wait_for_selector("#bang-xep-hang")
    row = page.locator("#bang-xep-hang tbody tr", has_text="Sở Công Thương")
    row.locator("a.bad").click()
    page.wait_for_selector("h1:has-text('chủ trì: Sở Công Thương')")
    assert page.locator("#danh-sach-nhiem-vu tbody tr").count() == 1
    assert page.is_visible("text=Xây dựng sàn thương mại điện tử tỉnh")

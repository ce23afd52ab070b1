"""Dashboard pages: permissions, drill-downs, the public page."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["leader", "inspector", "standing", "admin"])
def test_province_roles_see_the_whole_province(world, login, role):
    response = login(world["users"][role]).get("/tong-quan/")
    assert response.status_code == 200
    assert response.context["d"].scope.unit is None
    assert response.context["d"].tally.total == 8
    assert "Xếp hạng đơn vị" in response.content.decode()


def test_home_lands_province_roles_on_the_dashboard(world, login):
    assert login(world["users"]["leader"]).get("/")["Location"] == "/tong-quan/"


def test_unit_user_sees_own_subtree_only(world, login):
    client = login(world["users"]["binhlu_officer"])
    response = client.get("/tong-quan/")
    assert response.status_code == 200
    assert response.context["d"].tally.total == 3
    assert client.get(f"/tong-quan/?pham_vi={world['tree']['khcn'].pk}").status_code == 404
    page = client.get("/tong-quan/nhiem-vu/?trang_thai=cham").context["page"]
    assert [t.pk for t in page.rows] == [world["t"][7].pk]


def test_user_without_unit_gets_403(world, login):
    from theodoi.accounts.models import Role, User

    lost = User.objects.create(username="lac", role=Role.UNIT_OFFICER)
    assert login(lost).get("/tong-quan/").status_code == 403


def test_anonymous_is_sent_to_login(world, client):
    assert client.get("/tong-quan/")["Location"].startswith("/dang-nhap/")


def test_drill_down_lists_the_tasks_behind_a_number(world, login):
    client = login(world["users"]["leader"])
    d = client.get("/tong-quan/").context["d"]
    page = client.get("/tong-quan/nhiem-vu/?trang_thai=cham").context["page"]
    assert page.total == d.tally.overdue == 3
    t = world["t"]
    assert [r.pk for r in page.rows] == [t[7].pk, t[3].pk, t[8].pk]  # longest overdue first
    ct = world["tree"]["congthuong"].pk
    page = client.get(f"/tong-quan/nhiem-vu/?trang_thai=cham&don_vi={ct}").context["page"]
    assert [r.pk for r in page.rows] == [t[3].pk]
    page = client.get(f"/tong-quan/nhiem-vu/?ke_hoach={world['P'].pk}&muc=II").context["page"]
    assert {r.pk for r in page.rows} == {t[4].pk, t[5].pk, t[6].pk}
    html = client.get("/tong-quan/nhiem-vu/?trang_thai=da-xong").content.decode()
    assert "Ban hành quy chế quản lý dữ liệu số" in html and "Số hóa hồ sơ" in html
    assert "Phủ sóng 5G" not in html
    targets = client.get("/tong-quan/chi-tieu/?trang_thai=nguy-co").context["rows"]
    assert [r.id for r in targets] == [world["g"][1].pk]


def test_every_card_links_to_a_list_with_the_same_count(world, login):
    import re

    client = login(world["users"]["standing"])
    html = client.get("/tong-quan/").content.decode()
    cards = re.findall(r'<a class="card"[^>]*href="(/tong-quan/nhiem-vu/[^"]*)"><div class="n[^"]*">'
                       r'(\d+)</div>', html)
    assert len(cards) == 8
    for url, n in cards:
        assert client.get(url.replace("&amp;", "&")).context["page"].total == int(n), url


def test_public_page_without_login_shows_only_public_plans(world, client):
    response = client.get("/cong-khai/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "12/KH-UBND" in html and "99/KH-UBND" not in html
    assert "Kế hoạch nội bộ" not in html
    detail = client.get(f"/cong-khai/ke-hoach/{world['P'].pk}/")
    assert detail.status_code == 200
    text = detail.content.decode()
    assert "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình" in text and ">30<" in text
    # Sent but not accepted: the value 12 is not published.
    row = text.split("Số doanh nghiệp công nghệ số")[1].split("</tr>")[0]
    assert "12" not in row and "Chưa có số liệu" in row
    # Never evidence, difficulties or unit-private text.
    assert "15/QĐ-UBND" not in text and "Thiếu kinh phí" not in text
    assert client.get(f"/cong-khai/ke-hoach/{world['Q'].pk}/").status_code == 404


def test_public_counts_only_accepted_reports(world, client):
    from theodoi.reporting.models import ReportState

    report = world["reports"][("khcn", 10)]
    report.state = ReportState.SUBMITTED  # sent, not yet accepted
    report.save()
    d = client.get(f"/cong-khai/ke-hoach/{world['P'].pk}/").context["d"]
    # Publicly T1 is still as last accepted (ongoing in August): overdue, not done.
    assert d.tally.done == 1 and d.tally.overdue == 3

"""Target lists grouped by bullets of another glyph ("* Đến năm 2027:" over "+ ..." items)."""

from theodoi.reader.body import find_body_targets
from theodoi.reader.document import Paragraph
from theodoi.reader.values import read_prose_value


def _paras(*texts):
    return [Paragraph(text=t, line_no=i + 1) for i, t in enumerate(texts)]


def test_bullet_glyph_heading_groups_items():
    targets = find_body_targets(_paras(
        "2. Mục tiêu cụ thể",
        "* Đến năm 2027:",
        "+ 100% xã có mạng cáp quang.",
        "+ Tỷ lệ hồ sơ trực tuyến đạt trên 80%.",
        "* Đến năm 2030:",
        "+ Số doanh nghiệp số đạt 500 doanh nghiệp.",
    ), 0)
    assert [t["group"] for t in targets] == ["Đến năm 2027", "Đến năm 2027", "Đến năm 2030"]
    assert (targets[2]["value"], targets[2]["unit"]) == (500, "doanh nghiệp")


def test_rank_has_no_unit():
    v = read_prose_value("Chỉ số PII của tỉnh xếp hạng không quá 20 cả nước.")
    assert (v["comparator"], v["value"], v["unit"]) == ("<=", 20, None)

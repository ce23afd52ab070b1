"""Tasks whose fields are labels inside one paragraph ("Giao: ...; phối hợp: ...")."""

from theodoi.reader.agencies import split_agencies
from theodoi.reader.body import split_labels


def test_giao_label_names_the_lead():
    head, fields = split_labels("Số hóa hồ sơ lưu trữ. Giao: Văn phòng xã; phối hợp: Phòng Kinh tế; "
                                "sản phẩm: Kho dữ liệu; thời gian: Quý II/2026.")
    assert head == "Số hóa hồ sơ lưu trữ."
    assert fields == [("lead", "Văn phòng xã"), ("support", "Phòng Kinh tế"),
                      ("output", "Kho dữ liệu"), ("deadline", "Quý II/2026.")]


def test_result_label_opening_its_line():
    assert split_labels("Kết quả: Tỷ lệ hồ sơ tăng.")[1] == [("output", "Tỷ lệ hồ sơ tăng.")]
    # Inside the task's own sentence it stays text.
    assert split_labels("Báo cáo kết quả: hằng tháng")[1] == []


def test_front_work_committee_is_an_agency():
    assert split_agencies("Đoàn Thanh niên xã, Ban công tác Mặt trận các thôn") == [
        "Đoàn Thanh niên xã", "Ban công tác Mặt trận các thôn"]


def test_count_to_have_is_a_target_value():
    from theodoi.reader.values import read_prose_value

    v = read_prose_value("Phấn đấu có 12 sản phẩm OCOP được bán trên sàn thương mại điện tử.")
    assert (v["comparator"], v["value"], v["unit"]) == ("=", 12, "sản phẩm")
    assert read_prose_value("Phấn đấu có nhiều sản phẩm mới.")["value"] is None


def test_count_after_action_verbs():
    from theodoi.reader.values import read_prose_value

    v = read_prose_value("Hoàn thành số hóa 250.000 hồ sơ đất đai.")
    assert (v["value"], v["unit"]) == (250000, "hồ sơ")
    assert read_prose_value("Triển khai 5G tại các khu công nghiệp")["value"] is None


def test_budget_label_ends_the_field_before_it():
    _, fields = split_labels("Số hóa hồ sơ. Chủ trì: Văn phòng xã; thời gian: Quý II/2026; kinh phí: ngân sách xã.")
    assert ("deadline", "Quý II/2026") in fields
    # Inside the task's own sentence it is text.
    head, _ = split_labels("Bố trí kinh phí: 200 triệu đồng. Chủ trì: Sở Tài chính")
    assert head == "Bố trí kinh phí: 200 triệu đồng."

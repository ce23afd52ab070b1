"""Labelled fields of body tasks."""

from __future__ import annotations

from theodoi.reader.body import split_labels


def test_result_label_after_another_field_is_the_output():
    head, fields = split_labels(
        "Tập huấn kỹ năng số cho cán bộ. Đơn vị chủ trì: Văn phòng Đảng ủy; phối hợp: Hội Phụ nữ xã; "
        "kết quả: 50 cán bộ được tập huấn; thời gian: Quý III/2026.")
    assert head == "Tập huấn kỹ năng số cho cán bộ."
    assert ("support", "Hội Phụ nữ xã") in fields
    assert ("output", "50 cán bộ được tập huấn") in fields


def test_result_word_inside_the_task_sentence_is_no_label():
    head, fields = split_labels("Báo cáo kết quả: tổng hợp số liệu hằng quý. Đơn vị chủ trì: Văn phòng")
    assert head.startswith("Báo cáo kết quả: tổng hợp")
    assert fields == [("lead", "Văn phòng")]

"""A basis clause's second object of another kind, joined by "và" after the first one's description."""

from theodoi.reader.header import _direct_objects


def test_document_of_a_third_kind_after_va_is_an_object():
    clause = ("Kế hoạch số 12/KH-UBND ngày 02/02/2026 của UBND tỉnh về thực hiện Nghị quyết số "
              "57-NQ/TW và Quyết định số 345/QĐ-BXD của Bộ Xây dựng")
    assert _direct_objects(clause) == ["12/KH-UBND", "345/QĐ-BXD"]


def test_same_kind_as_the_description_stays_in_it():
    clause = ("Kế hoạch số 12/KH-UBND ngày 02/02/2026 của UBND tỉnh về thực hiện Nghị quyết số "
              "57-NQ/TW và Nghị quyết số 71/NQ-CP")
    assert _direct_objects(clause) == ["12/KH-UBND"]

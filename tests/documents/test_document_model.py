"""Texts whose writing the official formats fix: numbers, dates, numbering, cleaning."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal

import pytest

from theodoi.documents.model import (
    BulletList,
    Paragraph,
    Report,
    clean,
    format_number,
    format_value,
    free_text_blocks,
    place_date,
    section_label,
)


def report(layout, number=""):
    return Report(layout=layout, issuing_body="X", number=number,
                  symbol="BC/TU" if layout == "party" else "BC-SKHCN", title="t")


def test_number_line_is_written_per_layout():
    assert report("state", "12").number_line == "Số: 12/BC-SKHCN"
    assert report("party", "351").number_line == "Số 351-BC/TU"
    # a draft keeps room for the clerk's number
    assert report("state").number_line.startswith("Số: ")
    assert report("state").number_line.endswith(" /BC-SKHCN")
    assert report("party").number_line.endswith(" -BC/TU")


@pytest.mark.parametrize(("date", "text"), [
    (dt.date(2026, 11, 24), "Lai Châu, ngày 24 tháng 11 năm 2026"),
    (dt.date(2026, 2, 5), "Lai Châu, ngày 05 tháng 02 năm 2026"),  # Decree 30 pads 1-9, Jan-Feb
    (dt.date(2026, 3, 9), "Lai Châu, ngày 09 tháng 3 năm 2026"),
    (None, "Lai Châu, ngày      tháng      năm 2027"),
])
def test_place_date(date, text):
    assert place_date("Lai Châu", date, 2027) == text


def test_section_labels():
    assert section_label(1, 4, None) == "IV."
    assert section_label(2, 3, None) == "3."
    assert section_label(3, 1, None) == "a)"
    assert section_label(3, 5, None) == "đ)"  # Vietnamese letter order: a b c d đ
    assert section_label(2, 1, "1.2.") == "1.2."
    assert section_label(1, 1, "V") == "V."


@pytest.mark.parametrize(("value", "kind", "text"), [
    (6000, "integer", "6.000"),
    (1234567, "integer", "1.234.567"),
    (2026, "text", "2026"),
    (0.73, "decimal", "0,73"),
    (Decimal("64.50"), "decimal", "64,5"),
    (-1234.5, "decimal", "-1.234,5"),
    (0.9214, "percent", "92,1%"),
    (1, "percent", "100%"),
    (dt.date(2026, 12, 31), "date", "31/12/2026"),
    (None, "text", ""),
])
def test_format_value(value, kind, text):
    assert format_value(value, kind) == text


def test_format_number_keeps_decimals_when_asked():
    assert format_number(0.5, 2, trim=False) == "0,50"


def test_clean_makes_nfc_and_drops_xml_illegal_characters():
    nfd = unicodedata.normalize("NFD", "Tồn tại, hạn chế")
    assert clean(nfd + "\x0b\x00\x0c") == "Tồn tại, hạn chế"
    assert clean("a\tb") == "a b"


def test_free_text_is_split_into_paragraphs_and_lists():
    blocks = free_text_blocks("Mở đầu\r\n\r\n- một;\n- hai.\n+ chi tiết\nKết thúc")
    assert isinstance(blocks[0], Paragraph) and blocks[0].content == "Mở đầu"
    assert isinstance(blocks[1], BulletList) and blocks[1].items == ["một;", "hai."]
    assert isinstance(blocks[2], BulletList) and blocks[2].marker == "+"
    assert isinstance(blocks[3], Paragraph)
    # "-5%" is a value, not a list item
    assert isinstance(free_text_blocks("-5% so với cùng kỳ")[0], Paragraph)

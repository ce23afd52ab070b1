"""Plain data describing an official document (a report), independent of the database.

A caller fills a :class:`Report` and hands it to ``render_docx`` or ``render_pdf``;
tables (also :class:`Table`) go to ``render_xlsx`` through :class:`Sheet`.

Two layouts exist because Vietnam has two systems of official documents:

* ``"state"``: Decree 30/2020/NĐ-CP (People's Committees and their departments):
  national motto "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc",
  number written ``Số: 12/BC-SKHCN``, signature ``TM. …`` / ``KT. …``.
* ``"party"``: the Party's rules (Hướng dẫn 36-HD/VPTW): "ĐẢNG CỘNG SẢN VIỆT NAM",
  a star under the issuing body, number written ``Số 351-BC/TU``, signature ``T/M …``.

Text is stored as given; the renderers normalise it to NFC and drop characters that
XML cannot carry, because officers paste from Word and PDF viewers.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, TypeAlias

Layout: TypeAlias = Literal["state", "party"]
Align: TypeAlias = Literal["left", "center", "right", "justify"]
# How a table cell value is shown: "text" as is; "integer" 6.000; "decimal" 0,73;
# "percent" takes a ratio (0.45 -> 45,0%); "date" 31/12/2026.
ValueKind: TypeAlias = Literal["text", "integer", "decimal", "percent", "date"]
CellValue: TypeAlias = str | int | float | Decimal | dt.date | None

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM"


# --------------------------------------------------------------------------- inline text
@dataclass(frozen=True)
class Span:
    """A run of text with its own emphasis inside a paragraph."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


Inline: TypeAlias = str | Sequence[Span | str]


def spans(content: Inline) -> list[Span]:
    """The runs of a paragraph's content (a plain string is one plain run)."""
    if isinstance(content, str):
        return [Span(content)]
    return [Span(x) if isinstance(x, str) else x for x in content]


def plain_text(content: Inline) -> str:
    return "".join(s.text for s in spans(content))


# --------------------------------------------------------------------------- body blocks
@dataclass
class Paragraph:
    """A body paragraph: justified with a first-line indent unless told otherwise."""

    content: Inline
    align: Align = "justify"
    indent: bool = True
    bold: bool = False
    italic: bool = False


@dataclass
class BulletList:
    """Items written the Vietnamese administrative way: "- item" (or "+ item") paragraphs."""

    items: list[Inline]
    marker: str = "-"


@dataclass
class FreeText:
    """An officer's own text as typed: blank lines separate paragraphs, lines that
    start with "-", "+" or "•" become list items. Rendered without interpretation
    of any markup, so nothing an officer types can break the document."""

    text: str


@dataclass
class Column:
    """A table column. ``width`` is a relative weight scaled to the usable page width
    (DOCX/PDF); ``xlsx_width`` is in Excel character units (default from ``width``)."""

    header: str
    width: float = 1.0
    align: Align = "left"
    kind: ValueKind = "text"
    xlsx_width: float | None = None
    decimals: int = 2


@dataclass
class GroupRow:
    """A row that groups the rows below it ("I | Hoàn thiện thể chế …"): bold, shaded,
    ``number`` in the first column and ``label`` spanning the others."""

    label: str
    number: str = ""


Row: TypeAlias = Sequence[CellValue] | GroupRow


@dataclass
class Table:
    """A table with one header row repeated on every page."""

    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    title: str = ""
    note: str = ""  # e.g. "(Số liệu tính đến ngày 14/11/2026)", shown in italics under the title
    font_size: float | None = None  # points; default per layout (smaller than the body)

    @property
    def is_wide(self) -> bool:
        """More than six columns do not fit a portrait A4 page legibly."""
        return len(self.columns) > 6


@dataclass
class Section:
    """A numbered heading with its content. ``number`` is written as given ("I", "1",
    "a"); when ``None`` it is counted: level 1 Roman (I.), level 2 Arabic (1.),
    level 3 letters (a)), counted among the siblings. Heading text is written as given (callers upper-case
    level-1 headings, as the documents do)."""

    heading: str
    blocks: list[Block] = field(default_factory=list)
    number: str | None = None
    level: int | None = None  # None: one deeper than the enclosing section


Block: TypeAlias = Paragraph | BulletList | FreeText | Table | Section


@dataclass
class Appendix:
    """An appendix after the signature, on its own pages; landscape when a table is
    wide unless ``landscape`` says otherwise."""

    title: str  # "Phụ lục I"
    subtitle: str = ""  # "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ …"
    note: str = ""  # "(Kèm theo Báo cáo số 12/BC-SKHCN ngày 24/11/2026 của Sở …)"
    tables: list[Table] = field(default_factory=list)
    landscape: bool | None = None

    @property
    def is_landscape(self) -> bool:
        if self.landscape is not None:
            return self.landscape
        return any(t.is_wide for t in self.tables)


# --------------------------------------------------------------------------- the document
@dataclass
class Signature:
    """The signature block: capacity lines then the signer's name.

    state: ``["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]`` or ``["TM. ỦY BAN NHÂN DÂN",
    "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]``; party: ``["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"]``.
    """

    lines: list[str]
    name: str = ""
    note: str = ""  # e.g. "(Đã ký)" in a published copy; sits where the signature goes
    space_lines: int = 4  # empty lines for the hand signature and seal


@dataclass
class Report:
    layout: Layout
    issuing_body: str  # "SỞ KHOA HỌC VÀ CÔNG NGHỆ"; "TỈNH ỦY LAI CHÂU"
    symbol: str  # "BC-SKHCN" (state), "BC/TU" (party)
    title: str  # trích yếu: "Kết quả thực hiện Kế hoạch số 11-KH/TU tháng 11 năm 2026"
    superior_body: str = ""  # "UBND TỈNH LAI CHÂU"; for party often "ĐẢNG BỘ TỈNH LAI CHÂU" or ""
    number: str = ""  # "12"; empty in a draft: the clerk fills it when issuing
    place: str = "Lai Châu"
    date: dt.date | None = None  # None in a draft: "ngày … tháng … năm <year>"
    year: int | None = None  # year written in a draft without a date
    kind: str = "BÁO CÁO"
    addressees: list[str] = field(default_factory=list)  # "Kính gửi: …"
    blocks: list[Block] = field(default_factory=list)
    signature: Signature | None = None
    recipients: list[str] = field(default_factory=list)  # "Nơi nhận:" items
    appendices: list[Appendix] = field(default_factory=list)
    author: str = ""  # metadata only

    # -- texts whose writing depends on the layout ----------------------------------
    @property
    def number_line(self) -> str:
        """``Số: 12/BC-SKHCN`` (state) or ``Số 351-BC/TU`` (party); blanks kept in a draft."""
        number = self.number.strip()
        if self.layout == "party":
            return f"Số {number}-{self.symbol}" if number else f"Số      -{self.symbol}"
        return f"Số: {number}/{self.symbol}" if number else f"Số:       /{self.symbol}"

    @property
    def date_line(self) -> str:
        return place_date(self.place, self.date, self.year)

    @property
    def heading_right(self) -> list[str]:
        if self.layout == "party":
            return [PARTY_NAME]
        return [NATIONAL_NAME, NATIONAL_MOTTO]


def place_date(place: str, date: dt.date | None, year: int | None = None) -> str:
    """"Lai Châu, ngày 05 tháng 02 năm 2026": Decree 30 pads days below 10 and months
    1 and 2 with a zero (so no digit can be added to the date after signing)."""
    if date is None:
        y = year or dt.date.today().year
        return f"{place}, ngày      tháng      năm {y}"
    day = f"{date.day:02d}"
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return f"{place}, ngày {day} tháng {month} năm {date.year}"


# --------------------------------------------------------------------------- helpers
_ROMANS = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


def roman(n: int) -> str:
    out = []
    for value, letters in _ROMANS:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def section_label(level: int, index: int, number: str | None) -> str:
    """The printed number of a heading: "I.", "1.", "a)"; an explicit number keeps its
    own punctuation when it has some ("1.2.")."""
    if number is not None:
        if not number or number[-1] in ".)":
            return number
        return f"{number})" if level >= 3 else f"{number}."
    if level <= 1:
        return f"{roman(index)}."
    if level == 2:
        return f"{index}."
    letters = "abcdđeghiklmnopqrstuvxy"  # Vietnamese alphabetical order used in documents
    return f"{letters[(index - 1) % len(letters)]})"


# XML 1.0 forbids most C0 controls; officers' pasted text sometimes carries them
# (vertical tab from Word, form feed from PDF copy) and python-docx/lxml would refuse it.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: object) -> str:
    """Text ready for XML/HTML: NFC (pasted NFD Vietnamese renders and searches badly),
    no XML-illegal characters, tabs as spaces."""
    s = unicodedata.normalize("NFC", str(text))
    return _XML_BAD.sub("", s).replace("\t", " ")


def _group_digits(digits: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return ".".join(parts)


def format_number(value: float | int | Decimal, decimals: int = 2, *, trim: bool = True) -> str:
    """Vietnamese number writing: "." groups thousands, "," marks decimals (6.000; 0,73)."""
    if isinstance(value, bool):
        value = int(value)
    text = f"{value:.{decimals}f}" if decimals > 0 else f"{round(value):d}"
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, _, frac = text.partition(".")
    if trim:
        frac = frac.rstrip("0")
    out = sign + _group_digits(whole)
    return f"{out},{frac}" if frac else out


def format_value(value: CellValue, kind: ValueKind = "text", decimals: int = 2) -> str:
    """A cell value as printed in DOCX/PDF tables."""
    if value is None:
        return ""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if kind == "percent":
        return format_number(value * 100, 1, trim=True) + "%"
    if kind == "text" and isinstance(value, int):
        return str(value)  # ordinals and years in text columns: "2026", never "2.026"
    if kind == "integer":
        return format_number(value, 0)
    return format_number(value, decimals)


def free_text_blocks(text: str) -> list[Paragraph | BulletList]:
    """Split an officer's free text into paragraphs and "-" lists (see :class:`FreeText`)."""
    out: list[Paragraph | BulletList] = []
    for line in clean(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = line.strip()
        if not line:
            continue
        if line[0] in "-+•*" and len(line) > 1 and line[1] == " ":
            marker = "+" if line[0] == "+" else "-"
            item = line[2:].strip()
            if out and isinstance(out[-1], BulletList) and out[-1].marker == marker:
                out[-1].items.append(item)
            else:
                out.append(BulletList([item], marker))
        else:
            out.append(Paragraph(line))
    return out


# --------------------------------------------------------------------------- XLSX
@dataclass
class Sheet:
    """One worksheet: title lines merged across the columns, a formatted header row,
    data rows (and group rows), frozen under the header, with an autofilter."""

    name: str
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    title_lines: list[str] = field(default_factory=list)
    note_lines: list[str] = field(default_factory=list)  # under the table
    freeze: bool = True
    autofilter: bool = True

    @classmethod
    def from_table(cls, name: str, table: Table, title_lines: Sequence[str] = ()) -> Sheet:
        titles = list(title_lines) or ([table.title] if table.title else [])
        if table.note and table.note not in titles:
            titles.append(table.note)
        return cls(name=name, columns=table.columns, rows=table.rows, title_lines=titles)

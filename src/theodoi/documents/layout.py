"""Page and type measurements shared by the DOCX and PDF renderers.

Values follow Decree 30/2020/NĐ-CP Appendix I (state) and Hướng dẫn 36-HD/VPTW
(party); where a range is allowed the common choice of provincial offices is taken.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Layout

A4_WIDTH_MM = 210.0
A4_HEIGHT_MM = 297.0
FONT_NAME = "Times New Roman"


@dataclass(frozen=True)
class Margins:
    top: float
    bottom: float
    left: float
    right: float


# Portrait: top/bottom 20-25, left 30-35 (binding), right 15-20 mm.
PORTRAIT = Margins(top=20, bottom=20, left=30, right=15)
# Landscape appendix pages: the binding edge is then the top of the rotated sheet's
# left side; provinces keep the same sizes, binding on the left as read.
LANDSCAPE = Margins(top=20, bottom=20, left=25, right=15)


def content_width_mm(landscape: bool) -> float:
    if landscape:
        return A4_HEIGHT_MM - LANDSCAPE.left - LANDSCAPE.right
    return A4_WIDTH_MM - PORTRAIT.left - PORTRAIT.right


@dataclass(frozen=True)
class Spec:
    """Sizes in points and header column widths in mm for one layout."""

    body_pt: float
    authority_pt: float  # superior body (regular) and issuing body (bold)
    right_head_pt: float  # national name / party name
    motto_pt: float
    number_pt: float
    date_pt: float
    kind_pt: float
    title_pt: float
    recipients_label_pt: float
    recipients_pt: float
    signer_pt: float
    table_pt: float
    head_left_mm: float
    head_right_mm: float
    head_indent_mm: float  # header table may reach a little into the left margin
    sign_left_mm: float
    sign_right_mm: float
    first_line_indent_mm: float = 10.0
    paragraph_before_pt: float = 6.0
    line_spacing: float = 1.15


SPECS: dict[Layout, Spec] = {
    "state": Spec(
        body_pt=14, authority_pt=12, right_head_pt=12, motto_pt=13, number_pt=13,
        date_pt=13, kind_pt=14, title_pt=14, recipients_label_pt=12, recipients_pt=11,
        signer_pt=13, table_pt=12, head_left_mm=70, head_right_mm=98, head_indent_mm=-3,
        sign_left_mm=80, sign_right_mm=85,
    ),
    "party": Spec(
        body_pt=14, authority_pt=14, right_head_pt=15, motto_pt=14, number_pt=14,
        date_pt=14, kind_pt=16, title_pt=14, recipients_label_pt=14, recipients_pt=12,
        signer_pt=14, table_pt=12, head_left_mm=75, head_right_mm=93, head_indent_mm=-3,
        sign_left_mm=80, sign_right_mm=85,
    ),
}

APPENDIX_TABLE_PT = 11.0  # wide appendix tables: one size smaller than body tables

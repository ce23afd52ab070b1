"""PDF rendering: rasterise with pdftoppm (not blank) and extract text with pdftotext
(Vietnamese with its diacritics comes back exactly, so the font carries every letter)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from theodoi.documents import Column, Report, Signature, Table, render_pdf
from theodoi.documents.model import NATIONAL_MOTTO, NATIONAL_NAME, PARTY_NAME
from theodoi.documents.sample import sample_report

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("pdftotext")),
    reason="needs Debian's poppler-utils (scripts/test.sh installs it)",
)


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def pdfinfo(path: Path, *args: str) -> str:
    return subprocess.run(["pdfinfo", *args, str(path)], check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture(scope="module", params=["state", "party"])
def rendered(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / f"{request.param}.pdf"
    path.write_bytes(render_pdf(sample_report(request.param, tasks=30, targets=5)))
    return request.param, path


def test_first_page_is_not_blank(rendered):
    _, path = rendered
    prefix = path.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(path),
                    str(prefix)], check=True)
    png = next(path.parent.glob(f"{prefix.name}*.png"))
    img = Image.open(png).convert("L")
    dark = sum(img.histogram()[:200])  # pixels darker than light grey
    assert img.size[0] < img.size[1]  # portrait
    assert dark > 0.01 * img.size[0] * img.size[1]


def test_vietnamese_text_comes_back_exactly(rendered):
    layout, path = rendered
    text = pdftotext(path)
    for expected in ["Tồn tại, hạn chế", "Nguyên nhân", "ĐỀ XUẤT, KIẾN NGHỊ",
                     "Sở Khoa học và Công nghệ", "Lai Châu, ngày 24 tháng 11 năm 2026",
                     "BÁO CÁO", "kết quả thực hiện Kế hoạch số 11-KH/TU", "Nơi nhận:",
                     "Kết quả thực hiện các nhiệm vụ", "Chậm tiến độ",
                     "Tỷ lệ phủ sóng 5G trên địa bàn tỉnh", "92,1%"]:
        assert expected in text, expected
    if layout == "state":
        assert NATIONAL_NAME in text and NATIONAL_MOTTO in text
        assert "Số: 12/BC-SKHCN" in text and "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in text
        assert "KT. GIÁM ĐỐC" in text and PARTY_NAME not in text
    else:
        assert PARTY_NAME in text and "Số 351-BC/TU" in text
        assert "T/M BAN THƯỜNG VỤ" in text and NATIONAL_NAME not in text


def test_fonts_are_embedded_and_pages_oriented(rendered):
    _, path = rendered
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                           text=True).stdout
    lines = [x for x in fonts.splitlines()[2:] if x.strip()]
    assert lines and all("LiberationSerif" in x and " yes yes " in x for x in lines)
    info = pdfinfo(path, "-f", "1", "-l", "99")
    sizes = [line.split(":", 1)[1] for line in info.splitlines()
             if line.startswith("Page") and "size" in line]
    assert "595.276 x 841.89" in sizes[0]  # A4 portrait
    assert "841.89 x 595.276" in sizes[-1]  # the wide appendix is landscape


def test_long_appendix_repeats_header_and_keeps_every_row(tmp_path):
    path = tmp_path / "big.pdf"
    path.write_bytes(render_pdf(sample_report("state", tasks=1200, targets=100)))
    text = pdftotext(path)
    assert "(nhiệm vụ 1200)" in text
    pages = text.split("\f")
    appendix_pages = [p for p in pages if "Kết quả thực hiện" in p and "(nhiệm vụ" in p]
    assert len(appendix_pages) > 10
    # the header row is drawn again at the top of every page of the table
    assert all("Nội dung nhiệm vụ" in p for p in appendix_pages)


def test_huge_cell_and_draft_do_not_break_layout(tmp_path):
    long = "Nội dung rất dài của chuyên viên. " * 400 + "Hết."
    report = Report(
        layout="state", issuing_body="SỞ KHOA HỌC VÀ CÔNG NGHỆ", symbol="BC-SKHCN",
        title="thử", superior_body="UBND TỈNH LAI CHÂU",
        blocks=[Table([Column("TT", 1, "center"), Column("Nội dung", 6)],
                      [[1, long], [2, "x" * 500]])],
        signature=Signature(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Trần Thị Bình"),
    )
    path = tmp_path / "huge.pdf"
    path.write_bytes(render_pdf(report))
    text = pdftotext(path)
    assert "Hết." in text and "Số:" in text and "Trần Thị Bình" in text

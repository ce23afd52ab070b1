"""The same plan rendered as text, DOCX, PDF and XLSX must read back the same.

A failure here means a front-end (text, DOCX, PDF, XLSX) and the interpreter
disagree on a format.
"""

from __future__ import annotations

import pytest

from theodoi.reader import read_bytes

from .render import load_gold, render_docx, render_pdf, render_text, render_xlsx

RENDERERS = {
    ".docx": render_docx,
    ".pdf": render_pdf,
    ".xlsx": render_xlsx,
}


def _read_all(stem: str) -> dict[str, dict]:
    data = load_gold(stem)
    out = {".txt": read_bytes(render_text(data).encode("utf-8"), "kehoach.txt").plan}
    for suffix, render in RENDERERS.items():
        out[suffix] = read_bytes(render(data), f"kehoach{suffix}").plan
    return out


@pytest.fixture(scope="module", params=["002", "003"])
def readings(request) -> tuple[str, dict[str, dict]]:
    return request.param, _read_all(request.param)


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_binary_formats_agree_with_docx(readings, suffix):
    _stem, plans = readings
    assert plans[suffix]["targets"] == plans[".docx"]["targets"]
    assert plans[suffix]["tasks"] == plans[".docx"]["tasks"]


@pytest.mark.parametrize("suffix", list(RENDERERS))
def test_binary_formats_give_the_rendered_plan(readings, suffix):
    stem, plans = readings
    gold = load_gold(stem)
    assert plans[suffix]["targets"] == gold["targets"]
    assert plans[suffix]["tasks"] == gold["tasks"]


# The text rendering (tab-led cells, one per line, as seed 003) is read by textblocks.py.
@pytest.mark.parametrize("suffix", list(RENDERERS))
def test_text_same_as_binary(readings, suffix):
    _stem, plans = readings
    assert plans[".txt"]["targets"] == plans[suffix]["targets"]
    assert plans[".txt"]["tasks"] == plans[suffix]["tasks"]

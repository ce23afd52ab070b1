"""Render a :class:`~theodoi.documents.model.Report` as PDF: HTML/CSS of the same
model laid out by WeasyPrint with the bundled Liberation Serif (metric-compatible
with Times New Roman, complete for Vietnamese), so no system font is needed and
no letter falls back to a box.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from html import escape
from pathlib import Path

from .layout import LANDSCAPE, PORTRAIT, SPECS, Spec
from .model import (
    Appendix,
    Block,
    BulletList,
    FreeText,
    GroupRow,
    Inline,
    Paragraph,
    Report,
    Section,
    Table,
    clean,
    format_value,
    free_text_blocks,
    section_label,
    spans,
)

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT_FAMILY = "TheodoiSerif"  # a private name: the system's fonts are never asked
_FACES = (
    ("Regular", "normal", "normal"),
    ("Bold", "bold", "normal"),
    ("Italic", "normal", "italic"),
    ("BoldItalic", "bold", "italic"),
)


def _h(text: str) -> str:
    return escape(clean(text), quote=False).replace("\n", "<br>")


def _inline(content: Inline) -> str:
    out = []
    for s in spans(content):
        html = _h(s.text)
        if s.bold:
            html = f"<b>{html}</b>"
        if s.italic:
            html = f"<i>{html}</i>"
        if s.underline:
            html = f"<u>{html}</u>"
        out.append(html)
    return "".join(out)


@functools.cache
def _font_faces() -> str:
    return "\n".join(
        f'@font-face {{ font-family: "{FONT_FAMILY}"; '
        f'src: url("{(FONT_DIR / f"LiberationSerif-{name}.ttf").as_uri()}") format("truetype"); '
        f"font-weight: {weight}; font-style: {style}; }}"
        for name, weight, style in _FACES
    )


def _css(spec: Spec) -> str:
    p, ls = PORTRAIT, LANDSCAPE
    return f"""
{_font_faces()}
@page {{ size: A4 portrait; margin: {p.top}mm {p.right}mm {p.bottom}mm {p.left}mm;
  @top-center {{ content: counter(page); font: {spec.body_pt}pt "{FONT_FAMILY}"; }} }}
@page :first {{ @top-center {{ content: none; }} }}
@page wide {{ size: A4 landscape; margin: {ls.top}mm {ls.right}mm {ls.bottom}mm {ls.left}mm; }}
@page tall {{ size: A4 portrait; }}
html {{ font-family: "{FONT_FAMILY}"; font-size: {spec.body_pt}pt; line-height: 1.25;
  color: #000; }}
body {{ margin: 0; }}
p {{ margin: 0; }}
table.frame {{ border-collapse: collapse; table-layout: fixed; }}
table.frame td {{ vertical-align: top; text-align: center; padding: 0 1mm; }}
table.head {{ width: {spec.head_left_mm + spec.head_right_mm}mm;
  margin-left: {spec.head_indent_mm}mm; }}
.authority {{ font-size: {spec.authority_pt}pt; }}
.issuer {{ font-weight: bold; }}
.rule {{ border-top: 0.75pt solid #000; margin: 1pt auto 0; height: 0; }}
.right-head {{ font-size: {spec.right_head_pt}pt; font-weight: bold; white-space: nowrap; }}
.motto {{ font-size: {spec.motto_pt}pt; font-weight: bold; display: inline-block;
  border-bottom: 0.75pt solid #000; padding-bottom: 1pt; white-space: nowrap; }}
.party-name {{ text-decoration: underline; }}
.number {{ font-size: {spec.number_pt}pt; padding-top: 6pt !important; }}
.date {{ font-size: {spec.date_pt}pt; font-style: italic; padding-top: 6pt !important;
  white-space: nowrap; }}
.kind {{ text-align: center; font-weight: bold; font-size: {spec.kind_pt}pt;
  margin-top: 18pt; }}
.title {{ text-align: center; font-weight: bold; font-size: {spec.title_pt}pt; }}
.dashes {{ text-align: center; }}
.addressees {{ margin-top: 12pt; text-align: center; }}
.addressees.many {{ text-align: left; padding-left: 30mm; }}
.addressees.many div {{ padding-left: 25mm; }}
.body {{ text-align: justify; text-indent: {spec.first_line_indent_mm}mm;
  margin-top: {spec.paragraph_before_pt}pt; line-height: 1.3; }}
.body.noindent {{ text-indent: 0; }}
.heading {{ break-after: avoid; }}
.h1, .h2 {{ font-weight: bold; }}
.h3 {{ font-style: italic; }}
.center {{ text-align: center; }} .left {{ text-align: left; }} .right {{ text-align: right; }}
.table-title {{ text-align: center; font-weight: bold; margin-top: 12pt; break-after: avoid; }}
.table-note {{ text-align: center; font-style: italic; font-size: {spec.body_pt - 1}pt;
  break-after: avoid; }}
table.grid {{ width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: 4pt;
  font-size: {spec.table_pt}pt; line-height: 1.15; }}
table.grid th, table.grid td {{ border: 0.5pt solid #000; padding: 1pt 1mm;
  vertical-align: top; overflow-wrap: break-word; }}
table.grid th {{ font-weight: bold; text-align: center; vertical-align: middle; }}
table.grid tr {{ break-inside: avoid; }}
table.grid tr.group td {{ font-weight: bold; }}
table.sign {{ width: {spec.sign_left_mm + spec.sign_right_mm}mm; margin-top: 12pt;
  break-inside: avoid; }}
table.sign td.recipients {{ text-align: left; font-size: {spec.recipients_pt}pt;
  line-height: 1.15; }}
.recipients-label {{ font-size: {spec.recipients_label_pt}pt; }}
.signer {{ font-weight: bold; font-size: {spec.signer_pt}pt; }}
.sign-space {{ height: {1.25 * spec.signer_pt}pt; font-style: italic; }}
section.appendix {{ break-before: page; page: tall; }}
section.appendix.wide {{ page: wide; }}
section.appendix.wide table.grid {{ font-size: 11pt; }}
.appendix-head {{ text-align: center; font-weight: bold; }}
.appendix-note {{ text-align: center; font-style: italic; }}
"""


# --------------------------------------------------------------------------- parts
def _header(report: Report, spec: Spec) -> str:
    left = []
    if report.superior_body:
        left.append(f'<div class="authority">{_h(report.superior_body)}</div>')
    left.append(f'<div class="authority issuer">{_h(report.issuing_body)}</div>')
    party = report.layout == "party"
    if party:
        left.append('<div class="authority">*</div>')
    else:
        left.append(f'<div class="rule" style="width:{min(30.0, spec.head_left_mm / 2.5)}mm">'
                    "</div>")
    if party:
        right = f'<div class="right-head party-name">{_h(report.heading_right[0])}</div>'
    else:
        national, motto = report.heading_right
        right = (f'<div class="right-head">{_h(national)}</div>'
                 f'<span class="motto">{_h(motto)}</span>')
    return (
        f'<table class="frame head"><colgroup><col style="width:{spec.head_left_mm}mm">'
        f'<col style="width:{spec.head_right_mm}mm"></colgroup>'
        f'<tr><td>{"".join(left)}</td><td>{right}</td></tr>'
        f'<tr><td class="number">{_h(report.number_line)}</td>'
        f'<td class="date">{_h(report.date_line)}</td></tr></table>'
    )


def _title(report: Report) -> str:
    out = [f'<p class="kind">{_h(report.kind)}</p>', f'<p class="title">{_h(report.title)}</p>']
    if report.layout == "party":
        out.append('<p class="dashes">-----</p>')
    else:
        out.append('<div class="rule" style="width:40mm; margin-top:2pt"></div>')
    if len(report.addressees) == 1:
        out.append(f'<p class="addressees">Kính gửi: {_h(report.addressees[0])}</p>')
    elif report.addressees:
        items = "".join(f"<div>- {_h(a)}</div>" for a in report.addressees)
        out.append(f'<div class="addressees many">Kính gửi:{items}</div>')
    return "".join(out)


def _para(content: Inline, *, align: str = "justify", indent: bool = True, bold: bool = False,
          italic: bool = False, extra: str = "") -> str:
    classes = ["body"] + ([] if indent else ["noindent"]) + ([align] if align != "justify" else [])
    html = _inline(content)
    if bold:
        html = f"<b>{html}</b>"
    if italic:
        html = f"<i>{html}</i>"
    return f'<p class="{" ".join(classes)}{extra}">{html}</p>'


def _blocks(blocks: Iterable[Block], level: int = 1) -> str:
    out: list[str] = []
    counters: dict[int, int] = {}
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(_para(block.content, align=block.align, indent=block.indent,
                             bold=block.bold, italic=block.italic))
        elif isinstance(block, BulletList):
            out.extend(_para([f"{block.marker} ", *spans(item)]) for item in block.items)
        elif isinstance(block, FreeText):
            out.append(_blocks(free_text_blocks(block.text), level))
        elif isinstance(block, Table):
            out.append(_table(block))
        elif isinstance(block, Section):
            lvl = block.level or level
            counters[lvl] = counters.get(lvl, 0) + 1
            label = section_label(lvl, counters[lvl], block.number)
            out.append(_para(f"{label} {block.heading}",
                             extra=f" heading h{min(lvl, 3)}"))
            out.append(_blocks(block.blocks, lvl + 1))
        else:  # pragma: no cover
            raise TypeError(f"unknown block {type(block).__name__}")
    return "".join(out)


def _table(table: Table) -> str:
    n = len(table.columns)
    total = sum(c.width for c in table.columns) or n
    out = []
    if table.title:
        out.append(f'<p class="table-title">{_h(table.title)}</p>')
    if table.note:
        out.append(f'<p class="table-note">{_h(table.note)}</p>')
    style = f' style="font-size:{table.font_size}pt"' if table.font_size else ""
    out.append(f'<table class="grid"{style}><colgroup>')
    out.extend(f'<col style="width:{100 * c.width / total:.3f}%">' for c in table.columns)
    out.append("</colgroup><thead><tr>")
    out.extend(f"<th>{_h(c.header)}</th>" for c in table.columns)
    out.append("</tr></thead><tbody>")
    aligns = [f' class="{c.align}"' if c.align != "left" else "" for c in table.columns]
    for row in table.rows:
        if isinstance(row, GroupRow):
            if row.number and n > 1:
                out.append(f'<tr class="group"><td class="center">{_h(row.number)}</td>'
                           f'<td colspan="{n - 1}">{_h(row.label)}</td></tr>')
            else:
                out.append(f'<tr class="group"><td colspan="{n}">{_h(row.label)}</td></tr>')
            continue
        values = list(row)[:n] + [None] * (n - len(row))
        out.append("<tr>")
        out.extend(
            f"<td{a}>{_h(format_value(v, c.kind, c.decimals))}</td>"
            for v, c, a in zip(values, table.columns, aligns, strict=True)
        )
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _signature(report: Report, spec: Spec) -> str:
    if not report.signature and not report.recipients:
        return ""
    left = ""
    if report.recipients:
        label = ("<u>Nơi nhận:</u>" if report.layout == "party" else "<b><i>Nơi nhận:</i></b>")
        items = []
        for item in report.recipients:
            text = clean(item).strip()
            items.append(_h(text if text.startswith("-") else f"- {text}"))
        left = f'<span class="recipients-label">{label}</span><br>' + "<br>".join(items)
    right = ""
    sig = report.signature
    if sig:
        lines = "".join(f'<div class="signer">{_h(x)}</div>' for x in sig.lines)
        space = []
        for i in range(max(sig.space_lines, 0)):
            note = _h(sig.note) if sig.note and i == sig.space_lines // 2 - 1 else ""
            space.append(f'<div class="sign-space">{note}</div>')
        name = f'<div class="signer">{_h(sig.name)}</div>' if sig.name else ""
        right = lines + "".join(space) + name
    return (
        f'<table class="frame sign"><colgroup><col style="width:{spec.sign_left_mm}mm">'
        f'<col style="width:{spec.sign_right_mm}mm"></colgroup>'
        f'<tr><td class="recipients">{left}</td><td>{right}</td></tr></table>'
    )


def _appendix(appendix: Appendix) -> str:
    cls = "appendix wide" if appendix.is_landscape else "appendix"
    out = [f'<section class="{cls}"><p class="appendix-head">{_h(appendix.title)}</p>']
    if appendix.subtitle:
        out.append(f'<p class="appendix-head">{_h(appendix.subtitle)}</p>')
    if appendix.note:
        out.append(f'<p class="appendix-note">{_h(appendix.note)}</p>')
    out.append('<div class="rule" style="width:40mm; margin-top:2pt"></div>')
    out.extend(_table(t) for t in appendix.tables)
    out.append("</section>")
    return "".join(out)


def render_html(report: Report) -> str:
    """The report as a standalone HTML page laid out for print (also usable as a preview)."""
    spec = SPECS[report.layout]
    title = _h(f"{report.kind} {report.title}".replace("\n", " "))
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_css(spec)}</style></head><body>"
        + _header(report, spec) + _title(report) + _blocks(report.blocks)
        + _signature(report, spec) + "".join(_appendix(a) for a in report.appendices)
        + "</body></html>"
    )


def render_pdf(report: Report) -> bytes:
    """PDF bytes of ``report`` (WeasyPrint, bundled font)."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    html = HTML(string=render_html(report), base_url=str(FONT_DIR))
    meta_title = clean(f"{report.kind} {report.title}".replace("\n", " "))
    doc = html.render(font_config=fonts)
    doc.metadata.title = meta_title
    doc.metadata.authors = [clean(report.author or report.issuing_body)]
    doc.metadata.lang = "vi"
    return doc.write_pdf()

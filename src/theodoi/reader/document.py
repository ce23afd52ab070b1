"""The neutral form every input format is turned into before interpretation.

Format front-ends (text, DOCX, PDF, XLSX) produce a ``Document``: an ordered
list of blocks, each a paragraph of text or a table of rows of cell strings.
Interpretation (header, targets, tasks) works on blocks only, so the same plan
rendered in any format gives the same plan JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Paragraph:
    text: str
    line_no: int | None = None  # 1-based line of the source, for warnings


@dataclass
class Table:
    rows: list[list[str]]
    line_no: int | None = None


Block = Paragraph | Table


@dataclass
class Document:
    blocks: list[Block] = field(default_factory=list)
    source_kind: str = "text"  # text | docx | pdf | xlsx | json
    warnings: list[dict] = field(default_factory=list)

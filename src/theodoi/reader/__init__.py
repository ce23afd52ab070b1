"""Plan document reader: a document in, plan JSON out. No Django import here.

Public entry points:

- ``read_file(path)``: any supported file (.txt, .md, .json, .docx, .pdf, .xlsx)
- ``read_bytes(data, filename)``: the same from memory (web upload)
- ``read_text(text)``: text extracted from a document, or pasted

Each returns a ``ReadResult``: the plan JSON (format of plan-format.md) and a
list of warnings pointing at source lines. Errors are ``ReaderError``
subclasses whose ``message`` is in Vietnamese.
"""

from __future__ import annotations

from .api import DEFAULT_MAX_BYTES, read_bytes, read_file, read_text
from .errors import (
    CorruptFile,
    FileTooLarge,
    InvalidPlanJSON,
    NeedsOCR,
    NotAPlan,
    ReaderError,
    UnsupportedFormat,
)
from .result import ReadResult, ReadWarning

__all__ = [
    "DEFAULT_MAX_BYTES",
    "CorruptFile",
    "FileTooLarge",
    "InvalidPlanJSON",
    "NeedsOCR",
    "NotAPlan",
    "ReadResult",
    "ReadWarning",
    "ReaderError",
    "UnsupportedFormat",
    "read_bytes",
    "read_file",
    "read_text",
]

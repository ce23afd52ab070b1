"""What a reading returns: plan JSON plus warnings tied to source lines."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ReadWarning:
    message: str  # Vietnamese, for the reviewer
    line_no: int | None = None
    source_line: str | None = None
    where: str | None = None  # e.g. "tasks[3].lead"

    def as_dict(self) -> dict:
        return {
            "message": self.message,
            "line_no": self.line_no,
            "source_line": self.source_line,
            "where": self.where,
        }


@dataclass
class ReadResult:
    plan: dict
    warnings: list[ReadWarning] = field(default_factory=list)
    source_kind: str = "text"

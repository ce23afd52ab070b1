"""Errors the reader raises: each carries a message a Vietnamese user can act on."""

from __future__ import annotations


class ReaderError(Exception):
    """A document or plan JSON that cannot be read. ``message`` is in Vietnamese."""

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class UnsupportedFormat(ReaderError):
    """The file is of a kind the reader does not know."""


class CorruptFile(ReaderError):
    """The file is damaged, encrypted or not what its extension says."""


class FileTooLarge(ReaderError):
    """The file, or what it unpacks to, is over the configured limit."""


class NeedsOCR(ReaderError):
    """A scanned PDF without a text layer."""


class NotAPlan(ReaderError):
    """The document holds no plan: no title, no targets, no tasks."""


class InvalidPlanJSON(ReaderError):
    """Plan JSON that is malformed or misses required fields."""

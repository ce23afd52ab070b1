"""Errors of plan operations, with messages for Vietnamese users."""

from __future__ import annotations


class PlanError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DuplicatePlan(PlanError):
    """The plan is already in the system (same number, or same content when unnumbered)."""

    def __init__(self, message: str, existing_id: int) -> None:
        super().__init__(message)
        self.existing_id = existing_id

"""Who may read, edit, send, accept or return a unit report.

Unit users act on reports of units in their subtree; the province-wide roles
read a report only once it has been sent (a draft belongs to its unit); only
the standing agency accepts or returns.
"""

from __future__ import annotations

import rules

from theodoi.accounts.models import Role
from theodoi.accounts.scoping import visible_unit_ids

from .models import ReportState, UnitReport


def _in_scope(user, unit_id: int) -> bool:
    ids = visible_unit_ids(user)
    return ids is None or unit_id in ids


def is_unit_member(user, unit_id: int) -> bool:
    return bool(user.is_authenticated and user.is_unit_user and _in_scope(user, unit_id))


def can_view(user, report: UnitReport) -> bool:
    if not user.is_authenticated:
        return False
    if user.sees_all:
        return report.version > 0
    return is_unit_member(user, report.unit_id)


def can_edit(user, report: UnitReport) -> bool:
    if not is_unit_member(user, report.unit_id):
        return False
    if user.role == Role.UNIT_HEAD:
        return report.state in (ReportState.DRAFT, ReportState.PENDING, ReportState.RETURNED)
    return report.state in (ReportState.DRAFT, ReportState.RETURNED)


def can_submit_for_approval(user, report: UnitReport) -> bool:
    return (user.is_authenticated and user.role == Role.UNIT_OFFICER
            and is_unit_member(user, report.unit_id)
            and report.state in (ReportState.DRAFT, ReportState.RETURNED))


def can_send(user, report: UnitReport) -> bool:
    return (user.is_authenticated and user.role == Role.UNIT_HEAD
            and is_unit_member(user, report.unit_id)
            and report.state in (ReportState.DRAFT, ReportState.PENDING, ReportState.RETURNED))


def is_standing(user) -> bool:
    return bool(user.is_authenticated and user.role == Role.STANDING)


def can_decide(user, report: UnitReport) -> bool:
    return is_standing(user) and report.state == ReportState.SUBMITTED


def can_follow(user) -> bool:
    """May open the "who has sent" page: the standing agency, leaders, inspectors, admins."""
    return bool(user.is_authenticated and user.sees_all)


@rules.predicate
def _urges(user) -> bool:
    return bool(user.is_authenticated and (user.role == Role.STANDING or user.is_superuser))


rules.add_perm("theodoi.urge_units", _urges)
rules.add_perm("theodoi.decide_reports", rules.predicate(is_standing))

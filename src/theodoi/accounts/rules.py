"""Object permissions (django-rules). Views also scope every lookup through selectors."""

from __future__ import annotations

import rules

from .models import MANAGE_PLAN_ROLES, Role


@rules.predicate
def is_admin(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user.role == Role.ADMIN))


@rules.predicate
def manages_plans(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user.role in MANAGE_PLAN_ROLES))


rules.add_perm("theodoi.manage_plans", manages_plans)
rules.add_perm("theodoi.manage_units", is_admin)
rules.add_perm("theodoi.manage_accounts", is_admin)

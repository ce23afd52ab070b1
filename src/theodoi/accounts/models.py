"""Accounts: one role each, and for unit roles the unit they belong to."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    ADMIN = "admin", "Quản trị hệ thống"
    STANDING = "standing", "Cơ quan thường trực"
    UNIT_OFFICER = "unit_officer", "Chuyên viên đơn vị"
    UNIT_HEAD = "unit_head", "Lãnh đạo đơn vị"
    LEADER = "leader", "Lãnh đạo tỉnh, Ban Chỉ đạo"
    INSPECTOR = "inspector", "Kiểm tra, giám sát"


# Roles that see every unit's data; the first two may also change plans.
SEE_ALL_ROLES = {Role.ADMIN, Role.STANDING, Role.LEADER, Role.INSPECTOR}
MANAGE_PLAN_ROLES = {Role.ADMIN, Role.STANDING}
UNIT_ROLES = {Role.UNIT_OFFICER, Role.UNIT_HEAD}


class User(AbstractUser):
    role = models.CharField("vai trò", max_length=20, choices=Role.choices, default=Role.UNIT_OFFICER)
    unit = models.ForeignKey(
        "units.Unit", verbose_name="đơn vị", null=True, blank=True,
        on_delete=models.PROTECT, related_name="users",
    )
    full_name = models.CharField("họ và tên", max_length=150, blank=True)
    is_demo = models.BooleanField("tài khoản trình diễn", default=False)

    class Meta:
        verbose_name = "tài khoản"
        verbose_name_plural = "tài khoản"

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def sees_all(self) -> bool:
        return self.is_superuser or self.role in SEE_ALL_ROLES

    @property
    def manages_plans(self) -> bool:
        return self.is_superuser or self.role in MANAGE_PLAN_ROLES

    @property
    def is_unit_user(self) -> bool:
        return self.role in UNIT_ROLES and not self.is_superuser

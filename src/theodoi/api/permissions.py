"""Who may write through the API: the same rules as the web pages (``accounts.rules``)."""

from __future__ import annotations

from rest_framework.exceptions import PermissionDenied


def require_manage_plans(user) -> None:
    if not user.has_perm("theodoi.manage_plans"):
        raise PermissionDenied("Chỉ cơ quan thường trực và quản trị viên được nhập, cập nhật kế hoạch.")

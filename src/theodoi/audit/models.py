"""The audit trail: one immutable row per change, written by the services."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    at = models.DateTimeField("thời điểm", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người thực hiện", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    actor_label = models.CharField("người thực hiện", max_length=200, blank=True)
    action = models.CharField("thao tác", max_length=40)
    object_type = models.CharField("loại đối tượng", max_length=60, db_index=True)
    object_id = models.CharField(max_length=40, db_index=True)
    object_repr = models.CharField("đối tượng", max_length=300, blank=True)
    # Units whose members may read this event (the object's owner units), as "/id/" tokens.
    unit_scope = models.CharField(max_length=500, blank=True, default="")
    changes = models.JSONField("thay đổi", default=dict, blank=True)
    message = models.TextField("ghi chú", blank=True)

    class Meta:
        verbose_name = "sự kiện lịch sử"
        verbose_name_plural = "lịch sử thay đổi"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.actor_label} {self.action} {self.object_repr}"

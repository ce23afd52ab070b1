"""The organisation tree: province → blocs → departments / party bodies → communes → offices."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from .matching import match_key


class UnitKind(models.TextChoices):
    PROVINCE = "province", "Tỉnh"
    BLOC = "bloc", "Khối"
    DEPARTMENT = "department", "Sở, ban, ngành"
    PARTY_BODY = "party_body", "Cơ quan Đảng"
    MASS_ORG = "mass_org", "MTTQ, đoàn thể"
    COMMUNE = "commune", "Xã"
    WARD = "ward", "Phường"
    COMMUNE_OFFICE = "commune_office", "Phòng, ban cấp xã"
    OTHER = "other", "Khác"


class UnitLevel(models.TextChoices):
    PROVINCE = "province", "Cấp tỉnh"
    COMMUNE = "commune", "Cấp xã"
    CENTRAL = "central", "Trung ương"


class Unit(models.Model):
    """A unit of the tree. ``path`` is a materialised path for subtree queries."""

    name = models.CharField("tên chính thức", max_length=300)
    short_name = models.CharField("tên viết tắt", max_length=120, blank=True)
    kind = models.CharField("loại", max_length=20, choices=UnitKind.choices, default=UnitKind.OTHER)
    level = models.CharField(
        "cấp", max_length=20, choices=UnitLevel.choices, default=UnitLevel.PROVINCE
    )
    parent = models.ForeignKey(
        "self", verbose_name="đơn vị cấp trên", null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    is_active = models.BooleanField("đang hoạt động", default=True)
    pending = models.BooleanField(
        "chờ xác nhận", default=False,
        help_text="Tên đọc từ văn bản chưa khớp đơn vị nào; quản trị viên xác nhận hoặc gộp.",
    )
    successor = models.ForeignKey(
        "self", verbose_name="đơn vị kế thừa", null=True, blank=True,
        on_delete=models.PROTECT, related_name="predecessors",
    )
    key = models.CharField(max_length=300, db_index=True, editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    def save(self, *args, **kwargs) -> None:
        self.key = match_key(self.name)
        super().save(*args, **kwargs)
        new_path = f"{self.parent.path if self.parent_id else ''}{self.pk:06d}/"
        if new_path != self.path:
            old_path = self.path
            self.path = new_path
            self.depth = new_path.count("/") - 1
            Unit.objects.filter(pk=self.pk).update(path=self.path, depth=self.depth)
            if old_path:
                # Moving a unit moves its subtree: rewrite descendants' paths.
                for child in Unit.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
                    child.path = new_path + child.path[len(old_path):]
                    child.depth = child.path.count("/") - 1
                    Unit.objects.filter(pk=child.pk).update(path=child.path, depth=child.depth)

    def get_absolute_url(self) -> str:
        return reverse("unit_detail", args=[self.pk])

    def subtree(self) -> models.QuerySet[Unit]:
        return Unit.objects.filter(path__startswith=self.path)

    def ancestors(self) -> list[Unit]:
        ids = [int(p) for p in self.path.strip("/").split("/")[:-1] if p]
        by_id = Unit.objects.in_bulk(ids)
        return [by_id[i] for i in ids if i in by_id]


class UnitAlias(models.Model):
    """Another way documents write a unit's name (short names, old names, abbreviations)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField("tên gọi khác", max_length=300)
    key = models.CharField(max_length=300, unique=True, editable=False)

    class Meta:
        verbose_name = "tên gọi khác"
        verbose_name_plural = "tên gọi khác"

    def __str__(self) -> str:
        return f"{self.alias} → {self.unit}"

    def save(self, *args, **kwargs) -> None:
        self.key = match_key(self.alias)
        super().save(*args, **kwargs)

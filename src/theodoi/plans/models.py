"""Plans, their targets (chỉ tiêu) and tasks (nhiệm vụ), and who answers for each."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse


class Plan(models.Model):
    kind = models.CharField("loại văn bản", max_length=80, default="KẾ HOẠCH")
    number = models.CharField("số ký hiệu", max_length=80, blank=True)
    number_key = models.CharField(max_length=80, blank=True, db_index=True, editable=False)
    date = models.DateField("ngày ban hành", null=True, blank=True)
    place = models.CharField("địa danh", max_length=120, blank=True)
    issuer = models.CharField("cơ quan ban hành (như văn bản ghi)", max_length=300, blank=True)
    issuing_unit = models.ForeignKey(
        "units.Unit", verbose_name="cơ quan ban hành", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="issued_plans",
    )
    title = models.TextField("trích yếu")
    references = models.JSONField("văn bản được dẫn", default=list, blank=True)
    source_file = models.FileField("tệp gốc", upload_to="plans/%Y/%m/", blank=True)
    source_name = models.CharField("tên tệp gốc", max_length=255, blank=True)
    source_kind = models.CharField(max_length=20, blank=True)
    content_hash = models.CharField(max_length=64, db_index=True, editable=False)
    search_text = models.TextField(editable=False, default="")
    is_public = models.BooleanField("công khai", default=False)
    extra = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "kế hoạch"
        verbose_name_plural = "kế hoạch"
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["number_key"], condition=~Q(number_key=""), name="plan_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number or self.kind.capitalize()}: {self.title[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("plan_detail", args=[self.pk])

    @property
    def label(self) -> str:
        """How officials cite a plan: its number, or its kind and title when unnumbered."""
        if self.number:
            return f"{self.kind.capitalize()} số {self.number}"
        return f"{self.kind.capitalize()} {self.title[:60]}…" if len(self.title) > 60 else (
            f"{self.kind.capitalize()} {self.title}"
        )


class PlanLink(models.Model):
    """A plan carries out (thực hiện) another document, known by number, maybe in the system."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="parent_links")
    number = models.CharField("số ký hiệu", max_length=80)
    number_key = models.CharField(max_length=80, db_index=True)
    parent = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="child_links"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["plan", "position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number_key"], name="planlink_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} → {self.number}"


class Indicator(models.Model):
    """One measured quantity (e.g. 5G coverage) that many targets across plans and years set."""

    name = models.CharField("tên chỉ số", max_length=500)
    key = models.CharField(max_length=500, db_index=True, editable=False)
    unit_of_measure = models.CharField("đơn vị tính", max_length=80, blank=True)
    is_cumulative = models.BooleanField(
        "lũy kế", default=True,
        help_text="Lũy kế: giá trị tại một thời điểm, chuyển sang kỳ sau; không: giá trị trong kỳ.",
    )

    class Meta:
        verbose_name = "chỉ số"
        verbose_name_plural = "chỉ số"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Comparator(models.TextChoices):
    GTE = ">=", "≥"
    LTE = "<=", "≤"
    EQ = "=", "="
    RANGE = "range", "khoảng"
    QUALITATIVE = "qualitative", "định tính"


class Target(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    indicator = models.ForeignKey(
        Indicator, null=True, blank=True, on_delete=models.SET_NULL, related_name="targets"
    )
    position = models.PositiveIntegerField(default=0)
    group = models.CharField("nhóm", max_length=300, blank=True)
    code = models.CharField("số thứ tự", max_length=30, blank=True)
    text = models.TextField("chỉ tiêu")
    unit = models.CharField("đơn vị tính", max_length=80, blank=True)
    comparator = models.CharField(
        "so sánh", max_length=12, choices=Comparator.choices, blank=True
    )
    value = models.DecimalField("giá trị", max_digits=20, decimal_places=4, null=True, blank=True)
    value_max = models.DecimalField(
        "giá trị tối đa", max_digits=20, decimal_places=4, null=True, blank=True
    )
    qualitative = models.CharField("kết quả định tính", max_length=500, blank=True)
    year = models.PositiveSmallIntegerField("năm", null=True, blank=True)
    deadline = models.DateField("thời hạn", null=True, blank=True)

    class Meta:
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"
        ordering = ["plan", "position"]

    def __str__(self) -> str:
        return self.text[:100]


class DeadlineKind(models.TextChoices):
    DATE = "date", "Ngày"
    MONTH = "month", "Tháng"
    QUARTER = "quarter", "Quý"
    YEAR = "year", "Năm"
    RECURRING = "recurring", "Định kỳ, thường xuyên"
    NONE = "none", "Không ghi"


class Recurrence(models.TextChoices):
    CONTINUOUS = "continuous", "Thường xuyên"
    MONTHLY = "monthly", "Hằng tháng"
    QUARTERLY = "quarterly", "Hằng quý"
    HALF_YEARLY = "half-yearly", "6 tháng"
    YEARLY = "yearly", "Hằng năm"


class Task(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    position = models.PositiveIntegerField(default=0)
    section_code = models.CharField("mục", max_length=20, blank=True)
    section_title = models.CharField("tên mục", max_length=500, blank=True)
    code = models.CharField("số thứ tự", max_length=30, blank=True)
    text = models.TextField("nội dung nhiệm vụ")
    output = models.TextField("kết quả dự kiến, sản phẩm", blank=True)
    deadline_raw = models.CharField("thời hạn (như văn bản ghi)", max_length=200, blank=True)
    deadline_kind = models.CharField(
        "loại thời hạn", max_length=12, choices=DeadlineKind.choices, default=DeadlineKind.NONE
    )
    due_date = models.DateField("hạn hoàn thành", null=True, blank=True, db_index=True)
    recurrence = models.CharField(
        "định kỳ", max_length=12, choices=Recurrence.choices, blank=True
    )

    class Meta:
        verbose_name = "nhiệm vụ"
        verbose_name_plural = "nhiệm vụ"
        ordering = ["plan", "position"]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("task_detail", args=[self.pk])

    @property
    def full_code(self) -> str:
        return self.code if not self.section_code or self.code.startswith(self.section_code + ".") else f"{self.section_code}.{self.code}"

    @property
    def is_recurring(self) -> bool:
        return self.deadline_kind == DeadlineKind.RECURRING


class AssignmentRole(models.TextChoices):
    LEAD = "lead", "Chủ trì"
    PARTNER = "partner", "Phối hợp"


class Assignment(models.Model):
    """A unit answers for a task or a target, from a date; closed when moved (merger)."""

    task = models.ForeignKey(
        Task, null=True, blank=True, on_delete=models.CASCADE, related_name="assignments"
    )
    target = models.ForeignKey(
        Target, null=True, blank=True, on_delete=models.CASCADE, related_name="assignments"
    )
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="assignments")
    role = models.CharField("vai trò", max_length=10, choices=AssignmentRole.choices)
    raw_name = models.CharField("tên như văn bản ghi", max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    end_reason = models.CharField(max_length=200, blank=True)
    transferred_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="transferred_to"
    )

    class Meta:
        verbose_name = "phân công"
        verbose_name_plural = "phân công"
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(task__isnull=False, target__isnull=True)
                           | Q(task__isnull=True, target__isnull=False)),
                name="assignment_task_xor_target",
            ),
        ]
        indexes = [models.Index(fields=["unit", "ended_at"])]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.unit}"

    @property
    def is_open(self) -> bool:
        return self.ended_at is None


class PlanImportDraft(models.Model):
    """A document read but not yet confirmed: the review step works on it.

    Confirming saves the plan and deletes the draft; cancelling deletes it.
    Nothing of the plan exists in the plan tables until confirmation.
    """

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    file = models.FileField(upload_to="import-drafts/%Y/%m/", blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    source_kind = models.CharField(max_length=20, blank=True)
    plan_json = models.JSONField(default=dict)
    warnings = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = "bản đọc chờ duyệt"
        verbose_name_plural = "bản đọc chờ duyệt"

    def __str__(self) -> str:
        return self.file_name or f"bản đọc #{self.pk}"

"""Periodic reporting: plan schedules, periods, unit reports, their items, evidence, versions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from . import calendar as cal
from . import status as st

FREQUENCY_CHOICES = list(cal.FREQUENCIES.items())


class PlanReportingSchedule(models.Model):
    """A plan reports at this frequency ("Định kỳ hằng tháng, quý, 06 tháng, 01 năm ...").

    One row per (plan, frequency). A plan without any row reports at
    settings.THEODOI_DEFAULT_FREQUENCIES.
    """

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="reporting_schedules")
    frequency = models.CharField("kỳ báo cáo", max_length=16, choices=FREQUENCY_CHOICES)

    class Meta:
        verbose_name = "kỳ báo cáo của kế hoạch"
        verbose_name_plural = "kỳ báo cáo của kế hoạch"
        constraints = [models.UniqueConstraint(fields=["plan", "frequency"], name="plan_frequency_unique")]

    def __str__(self) -> str:
        return f"{self.plan_id}: {self.get_frequency_display()}"


class ReportingPeriod(models.Model):
    frequency = models.CharField("tần suất", max_length=16, choices=FREQUENCY_CHOICES)
    year = models.PositiveSmallIntegerField("năm")
    number = models.PositiveSmallIntegerField("kỳ")
    start = models.DateField("từ ngày")
    end = models.DateField("đến ngày (chốt số liệu)")
    due = models.DateField("hạn gửi", db_index=True)
    label = models.CharField("kỳ", max_length=60)

    class Meta:
        verbose_name = "kỳ báo cáo"
        verbose_name_plural = "kỳ báo cáo"
        ordering = ["-end", "frequency"]
        constraints = [
            models.UniqueConstraint(fields=["frequency", "year", "number"], name="period_unique"),
        ]

    def __str__(self) -> str:
        return f"Báo cáo {self.label.lower() if self.frequency != cal.MONTHLY else self.label}"

    def state(self, today) -> str:
        """upcoming (not started), open (started, not past due), closed (past due)."""
        if today < self.start:
            return "upcoming"
        return "open" if today <= self.due else "closed"


class ReportState(models.TextChoices):
    DRAFT = "draft", "Đang soạn"
    PENDING = "pending", "Chờ lãnh đạo duyệt"
    SUBMITTED = "submitted", "Đã gửi, chờ tiếp nhận"
    RETURNED = "returned", "Bị trả lại"
    ACCEPTED = "accepted", "Đã tiếp nhận"


# States in which the unit can no longer edit; the first two count as "sent".
SENT_STATES = (ReportState.SUBMITTED, ReportState.ACCEPTED)


class UnitReport(models.Model):
    """One unit's report for one period (DHIS2's data set × org unit × period)."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="reports")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="reports")
    state = models.CharField("trạng thái", max_length=12, choices=ReportState.choices,
                             default=ReportState.DRAFT)
    nothing_to_report = models.BooleanField("không phát sinh", default=False)
    summary = models.TextField("tóm tắt chung", blank=True)
    first_sent_at = models.DateTimeField("gửi lần đầu", null=True, blank=True)
    sent_at = models.DateTimeField("gửi lần gần nhất", null=True, blank=True)
    accepted_at = models.DateTimeField("tiếp nhận lúc", null=True, blank=True)
    return_reason = models.TextField("lý do trả lại", blank=True)
    version = models.PositiveIntegerField("số lần gửi", default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "báo cáo đơn vị"
        verbose_name_plural = "báo cáo đơn vị"
        ordering = ["-period__end", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["period", "unit"], name="report_unique")]

    def __str__(self) -> str:
        return f"{self.period} — {self.unit}"

    def get_absolute_url(self) -> str:
        return reverse("report_detail", args=[self.pk])

    @property
    def is_sent(self) -> bool:
        return self.state in SENT_STATES

    @property
    def unit_can_edit(self) -> bool:
        return self.state in (ReportState.DRAFT, ReportState.PENDING, ReportState.RETURNED)

    def timeliness(self, today) -> str:
        from django.utils import timezone

        sent_on = timezone.localdate(self.first_sent_at) if self.first_sent_at else None
        return st.timeliness(due=self.period.due, sent_on=sent_on, today=today)


class WorkStatus(models.TextChoices):
    NOT_STARTED = st.WORK_NOT_STARTED, "Chưa triển khai"
    ONGOING = st.WORK_ONGOING, "Đang thực hiện"
    DONE = st.WORK_DONE, "Hoàn thành"
    INFEASIBLE = st.WORK_INFEASIBLE, "Không thực hiện được"


class TaskReport(models.Model):
    """What a unit says about one task in one report (as lead, or as partner: its contribution)."""

    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="task_items")
    task = models.ForeignKey("plans.Task", on_delete=models.CASCADE, related_name="report_items")
    is_lead = models.BooleanField(default=True)
    status = models.CharField("tình trạng", max_length=12, choices=WorkStatus.choices, blank=True)
    progress = models.PositiveSmallIntegerField("tiến độ (%)", null=True, blank=True)
    done_text = models.TextField("kết quả thực hiện", blank=True)
    completed_on = models.DateField("ngày hoàn thành", null=True, blank=True)
    reason = models.TextField("lý do không thực hiện được", blank=True)
    difficulties = models.TextField("khó khăn, vướng mắc", blank=True)
    proposals = models.TextField("đề xuất, kiến nghị", blank=True)
    doc_numbers = models.TextField("số văn bản đã ban hành", blank=True)
    links = models.TextField("đường dẫn minh chứng", blank=True)

    class Meta:
        verbose_name = "báo cáo nhiệm vụ"
        verbose_name_plural = "báo cáo nhiệm vụ"
        constraints = [models.UniqueConstraint(fields=["report", "task"], name="taskreport_unique")]
        indexes = [models.Index(fields=["task", "status"])]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.task_id}"


class TargetReport(models.Model):
    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="target_items")
    target = models.ForeignKey("plans.Target", on_delete=models.CASCADE, related_name="report_items")
    value = models.DecimalField("giá trị đạt được", max_digits=20, decimal_places=4, null=True, blank=True)
    numerator = models.DecimalField("tử số", max_digits=20, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField("mẫu số", max_digits=20, decimal_places=4, null=True, blank=True)
    qualitative_met = models.BooleanField("đã đạt (chỉ tiêu định tính)", null=True, blank=True)
    source = models.CharField("nguồn số liệu", max_length=300, blank=True)
    as_of = models.DateField("số liệu tính đến ngày", null=True, blank=True)
    note = models.TextField("ghi chú", blank=True)

    class Meta:
        verbose_name = "báo cáo chỉ tiêu"
        verbose_name_plural = "báo cáo chỉ tiêu"
        constraints = [models.UniqueConstraint(fields=["report", "target"], name="targetreport_unique")]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.target_id}"


def _evidence_path(instance: Evidence, filename: str) -> str:
    # A random stored name: the original name is kept in the row, never trusted on disk.
    import uuid

    # The extension comes from the detected kind, not the uploaded name (which may be any length).
    ext = instance.kind or "bin"
    return f"minh-chung/{instance.report.period.year}/{uuid.uuid4().hex}.{ext}"


class Evidence(models.Model):
    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="evidence")
    task = models.ForeignKey("plans.Task", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    file = models.FileField("tệp", upload_to=_evidence_path)
    original_name = models.CharField("tên tệp", max_length=255)
    kind = models.CharField("loại", max_length=10)
    size = models.PositiveIntegerField("dung lượng")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "minh chứng"
        verbose_name_plural = "minh chứng"
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class ReportVersion(models.Model):
    """An immutable snapshot taken at each send (and at each decision on it)."""

    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("lần gửi")
    snapshot = models.JSONField()
    sent_at = models.DateTimeField(auto_now_add=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                related_name="+")
    sent_by_label = models.CharField(max_length=200, blank=True)
    decision = models.CharField("kết quả", max_length=12, blank=True)  # accepted / returned
    decision_reason = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "phiên bản báo cáo"
        verbose_name_plural = "phiên bản báo cáo"
        ordering = ["report", "-number"]
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="version_unique")]

    def __str__(self) -> str:
        return f"{self.report_id} v{self.number}"

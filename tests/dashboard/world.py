"""A small handcrafted province whose every figure is known (see the docstring of ``world``).

Fixtures shared by tests/dashboard (through its conftest) and the dashboard browser test.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

TODAY = dt.date(2025, 10, 20)
D = dt.date


def aware(day: dt.date):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9)))


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def frozen_today(monkeypatch, settings):
    """Pages compute statuses "as of today": today is 20/10/2025 for these tests."""
    moment = aware(TODAY)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    settings.THEODOI_REPORTING_START = "2025-07-15"
    return TODAY


@pytest.fixture
def world(tree, users, frozen_today):
    """Plan P (public) and Q (not public); three monthly periods (Aug, Sep, Oct 2025).

    Tasks, with their status on 20/10/2025:
      T1 I   due 30/06  lead KHCN          done 20/06          → done on time
      T2 I   due 30/06  lead Công Thương   done 10/07          → done late
      T3 I   due 31/08  lead Công Thương   ongoing             → overdue 50 days
      T4 II  due 31/12  lead Bình Lư       ongoing 30 %        → in progress
      T5 II  due 31/12  lead Bình Lư       nothing             → not due
      T6 II  recurring  lead KHCN          reported in Oct     → reported
      T7 I   due 31/05  leads KHCN+Bình Lư KHCN done, BL not   → overdue 142 days
      T8 (Q) due 30/09  lead KHCN          nothing             → overdue 20 days
    Reports (due 19/08, 17/09, 17/10): KHCN on time ×3; Công Thương late, missing, on
    time; Bình Lư on time, on time, missing.
    Targets: G1 ≥ 50 % (KHCN) accepted 20 then 30 → not reached, at risk;
    G2 qualitative (Công Thương) accepted met → reached; G3 ≥ 10 (Bình Lư) only sent,
    not accepted → no data.
    """
    from theodoi.plans.models import Assignment, Plan, Target, Task
    from theodoi.reporting.models import (
        ReportingPeriod,
        TargetReport,
        TaskReport,
        UnitReport,
    )

    khcn, ct, bl = tree["khcn"], tree["congthuong"], tree["binhlu"]
    p = Plan.objects.create(number="12/KH-UBND", kind="KẾ HOẠCH", date=D(2025, 1, 10),
                            title="Thực hiện Nghị quyết 57 về chuyển đổi số", is_public=True,
                            issuing_unit=tree["ubnd"], content_hash="p")
    q = Plan.objects.create(number="99/KH-UBND", kind="KẾ HOẠCH", date=D(2025, 1, 10),
                            title="Kế hoạch nội bộ không công khai", content_hash="q")
    sec = {"I": "Hoàn thiện thể chế", "II": "Phát triển hạ tầng số"}

    def task(plan, pos, s, code, text, due=None, recurring=False, leads=()):
        t = Task.objects.create(plan=plan, position=pos, section_code=s, section_title=sec[s],
                                code=code, text=text, due_date=due,
                                deadline_kind="recurring" if recurring else "date",
                                deadline_raw="Thường xuyên" if recurring else due.strftime("%d/%m/%Y"))
        for i, u in enumerate(leads):
            Assignment.objects.create(task=t, unit=u, role="lead", position=i)
        return t

    t = {
        1: task(p, 1, "I", "I.1", "Ban hành quy chế quản lý dữ liệu số", D(2025, 6, 30), leads=[khcn]),
        2: task(p, 2, "I", "I.2", "Số hóa hồ sơ thủ tục hành chính", D(2025, 6, 30), leads=[ct]),
        3: task(p, 3, "I", "I.3", "Xây dựng sàn thương mại điện tử tỉnh", D(2025, 8, 31), leads=[ct]),
        4: task(p, 4, "II", "II.1", "Phủ sóng 5G trung tâm xã", D(2025, 12, 31), leads=[bl]),
        5: task(p, 5, "II", "II.2", "Lắp camera an ninh thôn bản", D(2025, 12, 31), leads=[bl]),
        6: task(p, 6, "II", "II.3", "Tuyên truyền chuyển đổi số", recurring=True, leads=[khcn]),
        7: task(p, 7, "I", "I.4", "Kết nối dữ liệu dân cư Đề án 06", D(2025, 5, 31), leads=[khcn, bl]),
        8: task(q, 1, "I", "1", "Nhiệm vụ của kế hoạch nội bộ", D(2025, 9, 30), leads=[khcn]),
    }
    Assignment.objects.create(task=t[4], unit=ct, role="partner", position=100)

    def target(pos, text, comparator, value, lead, unit="%"):
        g = Target.objects.create(plan=p, position=pos, code=str(pos), text=text, unit=unit,
                                  comparator=comparator, value=value, year=2025,
                                  deadline=D(2025, 12, 31),
                                  qualitative="Có" if comparator == "qualitative" else "")
        Assignment.objects.create(target=g, unit=lead, role="lead")
        return g

    g = {
        1: target(1, "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình", ">=", Decimal(50), khcn),
        2: target(2, "Có Trung tâm giám sát an toàn thông tin", "qualitative", None, ct, ""),
        3: target(3, "Số doanh nghiệp công nghệ số", ">=", Decimal(10), bl, "doanh nghiệp"),
    }

    def period(month, start, end, due):
        return ReportingPeriod.objects.create(frequency="monthly", year=2025, number=month,
                                              start=start, end=end, due=due,
                                              label=f"Tháng {month:02d}/2025")

    per = {
        8: period(8, D(2025, 7, 15), D(2025, 8, 14), D(2025, 8, 19)),
        9: period(9, D(2025, 8, 15), D(2025, 9, 14), D(2025, 9, 17)),
        10: period(10, D(2025, 9, 15), D(2025, 10, 14), D(2025, 10, 17)),
    }

    def report(month, unit, sent_on, state="accepted"):
        return UnitReport.objects.create(period=per[month], unit=unit, state=state, version=1,
                                         first_sent_at=aware(sent_on), sent_at=aware(sent_on),
                                         summary="Báo cáo thử nghiệm.")

    r = {
        ("khcn", 8): report(8, khcn, D(2025, 8, 18)),
        ("khcn", 9): report(9, khcn, D(2025, 9, 16)),
        ("khcn", 10): report(10, khcn, D(2025, 10, 16)),
        ("ct", 8): report(8, ct, D(2025, 8, 25)),
        ("ct", 10): report(10, ct, D(2025, 10, 17)),
        ("bl", 8): report(8, bl, D(2025, 8, 19)),
        ("bl", 9): report(9, bl, D(2025, 9, 17), state="submitted"),
    }

    def item(rep, task_obj, status, **kw):
        return TaskReport.objects.create(report=rep, task=task_obj, is_lead=True, status=status, **kw)

    item(r[("khcn", 8)], t[1], "ongoing", progress=50)
    item(r[("khcn", 10)], t[1], "done", progress=100, completed_on=D(2025, 6, 20),
         done_text="Đã ban hành Quyết định số 15/QĐ-UBND", doc_numbers="15/QĐ-UBND")
    item(r[("khcn", 10)], t[6], "ongoing", done_text="Đăng 12 tin bài trên cổng thông tin")
    item(r[("khcn", 10)], t[7], "done", completed_on=D(2025, 5, 20))
    item(r[("ct", 10)], t[2], "done", completed_on=D(2025, 7, 10), done_text="Đã số hóa 80% hồ sơ")
    item(r[("ct", 10)], t[3], "ongoing", progress=40, difficulties="Thiếu kinh phí xây dựng sàn",
         proposals="Đề nghị Sở Tài chính bố trí kinh phí")
    item(r[("bl", 8)], t[4], "ongoing", progress=10)
    item(r[("bl", 9)], t[4], "ongoing", progress=30)
    item(r[("bl", 9)], t[7], "ongoing", progress=60)
    TargetReport.objects.create(report=r[("khcn", 8)], target=g[1], value=Decimal(20))
    TargetReport.objects.create(report=r[("khcn", 10)], target=g[1], value=Decimal(30),
                                as_of=D(2025, 10, 14))
    TargetReport.objects.create(report=r[("ct", 10)], target=g[2], qualitative_met=True)
    TargetReport.objects.create(report=r[("bl", 9)], target=g[3], value=Decimal(12))
    return {"P": p, "Q": q, "t": t, "g": g, "periods": per, "reports": r, "tree": tree,
            "users": users}

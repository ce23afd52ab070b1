"""Figures of the dashboard on the handcrafted province (see conftest.world)."""

from __future__ import annotations

import datetime as dt

import pytest

from theodoi.reporting import status as st

TODAY = dt.date(2025, 10, 20)  # as in conftest.world

pytestmark = pytest.mark.django_db


def build(**kw):
    from theodoi.dashboard import metrics

    return metrics.build(metrics.Scope(**kw), today=TODAY)


def test_counts_per_status_province_plan_section_unit(world):
    d = build()
    c = d.tally.counts
    assert (c[st.DONE_ON_TIME], c[st.DONE_LATE], c[st.OVERDUE], c[st.IN_PROGRESS],
            c[st.NOT_DUE], c[st.REPORTED]) == (1, 1, 3, 1, 1, 1)
    assert d.tally.total == 8 and d.tally.done == 2 and d.tally.due == 5
    plans = {p.id: p for p in d.plans}
    p = plans[world["P"].pk]
    assert p.tally.total == 7 and p.tally.overdue == 2
    assert p.sections["I"].tally.total == 4 and p.sections["I"].tally.overdue == 2
    assert p.sections["II"].tally.counts[st.REPORTED] == 1
    assert plans[world["Q"].pk].tally.overdue == 1
    units = {u.id: u for u in d.units}
    khcn, ct, bl = (world["tree"][k].pk for k in ("khcn", "congthuong", "binhlu"))
    assert units[khcn].tally.overdue == 2 and units[khcn].tally.done_on_time == 1
    assert units[ct].tally.done_late == 1 and units[bl].tally.counts[st.NOT_DUE] == 1


def test_statuses_match_the_reporting_selectors(world):
    from theodoi.dashboard import metrics
    from theodoi.plans.models import Task
    from theodoi.reporting.selectors import task_statuses

    tasks = list(Task.objects.prefetch_related("assignments"))
    for t in tasks:
        t.leads = [a for a in t.assignments.all() if a.role == "lead" and a.ended_at is None]
    expected = task_statuses(tasks, today=TODAY)
    facts = {f.id: f.status for f in metrics.load_task_facts(metrics.Scope(), as_of=TODAY)}
    assert facts == expected


def test_overdue_list_with_days_and_leads(world):
    d = build()
    rows = [(r.task_id, r.days) for r in d.overdue]
    t = world["t"]
    assert rows == [(t[7].pk, 142), (t[3].pk, 50), (t[8].pk, 20)]
    assert {name for _, name in d.overdue[0].leads} == {"Sở Khoa học và Công nghệ", "Xã Bình Lư"}


def test_reporting_rate_ranking_order_and_bands(world):
    d = build()
    units = {u.name: u for u in d.units}
    khcn, ct, bl = units["Sở Khoa học và Công nghệ"], units["Sở Công Thương"], units["Xã Bình Lư"]
    assert (khcn.on_time, khcn.expected) == (3, 3)
    assert (ct.on_time, ct.late, ct.missing, ct.expected) == (1, 1, 1, 3)
    assert (bl.on_time, bl.missing) == (2, 1)
    # 100 × (0.6 × 1/3 + 0.4 × 1) − 2 × 2 overdue = 56
    assert khcn.score == 56.0 and khcn.band == "Trung bình"
    assert bl.score == 24.7 and bl.band == "Yếu"
    assert ct.score == 11.3 and ct.band == "Yếu"
    assert [u.name for u in d.units[:3]] == ["Sở Khoa học và Công nghệ", "Xã Bình Lư",
                                             "Sở Công Thương"]
    assert [u.rank for u in d.units[:3]] == [1, 2, 3]
    assert d.reporting_totals == (6, 9)


def test_scoring_is_configurable(world, settings):
    settings.THEODOI_RANKING = {"completion_weight": 0, "reporting_weight": 1,
                                "overdue_penalty": 0, "bands": [(90, "Tốt"), (0, "Yếu")]}
    units = {u.name: u for u in build().units}
    assert units["Sở Khoa học và Công nghệ"].score == 100.0
    assert units["Sở Khoa học và Công nghệ"].band == "Tốt"
    assert units["Sở Công Thương"].band == "Yếu"


def test_scoring_pure():
    from theodoi.dashboard import scoring

    conf = scoring.Scoring.from_settings({})
    assert scoring.score(completion_rate=None, reporting_rate=None, overdue=0, scoring=conf) is None
    # No task due yet: the reporting rate alone carries the score.
    assert scoring.score(completion_rate=None, reporting_rate=0.9, overdue=0, scoring=conf) == 90.0
    assert scoring.score(completion_rate=0, reporting_rate=0, overdue=50, scoring=conf) == 0.0
    assert scoring.band(80, conf.bands) == "Tốt" and scoring.band(79.9, conf.bands) == "Khá"
    assert scoring.band(50, conf.bands) == "Trung bình" and scoring.band(3, conf.bands) == "Yếu"


def test_targets_reached_not_reached_no_data_at_risk(world):
    d = build()
    g = world["g"]
    assert (d.targets.reached, d.targets.not_reached, d.targets.no_data) == (1, 1, 1)
    by_id = {r.id: r for r in d.targets.rows}
    assert by_id[g[1].pk].value == 30 and by_id[g[1].pk].at_risk
    assert by_id[g[1].pk].projected < 50
    assert by_id[g[3].pk].status == st.NO_DATA  # sent but not accepted: not counted


def test_trends_per_period(world):
    d = build()
    assert [t.label for t in d.trends] == ["Tháng 08/2025", "Tháng 09/2025", "Tháng 10/2025"]
    assert [(t.on_time, t.late, t.missing, t.expected) for t in d.trends] == [
        (2, 1, 0, 3), (2, 0, 1, 3), (2, 0, 1, 3)]
    # Done by each cut-off (completion dates 20/06 and 10/07), overdue at each cut-off.
    assert [t.done for t in d.trends] == [2, 2, 2]
    assert [t.overdue for t in d.trends] == [1, 2, 3]


def test_unit_scope_counts_only_its_subtree(world):
    d = build(unit=world["tree"]["binhlu"])
    assert d.tally.total == 3  # T4, T5, T7
    assert {u.name for u in d.units} == {"Xã Bình Lư"}


def test_dashboard_queries_do_not_grow_with_rows(world, django_assert_max_num_queries):
    from theodoi.dashboard import metrics

    # Fifteen at most: the look-ups in older reports run only when some item is missing.
    with django_assert_max_num_queries(15):
        metrics.build(metrics.Scope(), today=TODAY)

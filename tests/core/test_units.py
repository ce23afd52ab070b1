"""Agency name resolution and unit mergers."""

from __future__ import annotations

import pytest

from seedfiles import gold
from theodoi.audit.models import AuditEvent
from theodoi.plans.models import Assignment
from theodoi.plans.services import import_plan
from theodoi.units.models import Unit
from theodoi.units.services import UnitError, find_unit, merge_units, resolve_agency


@pytest.mark.parametrize("printed", [
    "Sở Khoa học và Công nghệ",
    "sở khoa học và công nghệ",
    "So Khoa hoc va Cong nghe",
    "  Sở   Khoa học  và Công nghệ ",
    "Sở KH&CN",
])
def test_name_matching_ignores_case_spacing_marks_and_abbreviations(tree, printed):
    assert find_unit(printed) == tree["khcn"]


def test_dash_styles_match(tree):
    assert find_unit("Phòng Văn hóa - Xã hội", context=tree["binhlu"]) == tree["binhlu_vhxh"]
    assert find_unit("Phòng Văn hóa—Xã hội", context=tree["tanuyen"]) == tree["tanuyen_vhxh"]


def test_alias_table_and_abbreviation(tree):
    assert find_unit("UBND tỉnh") == tree["ubnd"]
    assert find_unit("Ban Thường vụ Tỉnh ủy") == tree["tinhuy"]
    assert find_unit("Ủy ban nhân dân xã Bình Lư") == tree["binhlu"]


def test_unknown_name_creates_pending_unit_once(tree):
    first = resolve_agency(actor="test", name="Sở Ngoại vụ")
    again = resolve_agency(actor="test", name="SỞ NGOẠI VỤ")
    assert first.pending and first == again
    assert Unit.objects.filter(name="Sở Ngoại vụ").count() == 1


def test_merge_moves_open_assignments_and_keeps_history(tree, users):
    plan = import_plan(actor="test", data=gold("002")).plan
    source = Unit.objects.get(name="Các Phòng chuyên môn UBND xã")
    n_open = Assignment.objects.filter(unit=source, ended_at__isnull=True).count()
    assert n_open > 0
    moved = merge_units(actor=users["admin"], source=source, target=tree["binhlu"])
    assert moved == n_open
    assert not Assignment.objects.filter(unit=source, ended_at__isnull=True).exists()
    closed = Assignment.objects.filter(unit=source)
    assert closed.count() == n_open and all(a.end_reason for a in closed)
    new = Assignment.objects.filter(unit=tree["binhlu"], transferred_from__unit=source)
    assert new.count() == n_open
    source.refresh_from_db()
    assert source.successor == tree["binhlu"] and not source.is_active and not source.pending
    # The old name now resolves to the successor.
    assert find_unit("Các Phòng chuyên môn UBND xã", context=tree["binhlu"]) == tree["binhlu"]
    assert AuditEvent.objects.filter(action="merge", object_id=str(source.pk)).exists()
    del plan


def test_merge_refuses_self_and_descendant(tree, users):
    with pytest.raises(UnitError):
        merge_units(actor=users["admin"], source=tree["binhlu"], target=tree["binhlu"])
    with pytest.raises(UnitError) as exc:
        merge_units(actor=users["admin"], source=tree["binhlu"], target=tree["binhlu_vhxh"])
    assert "cấp dưới" in exc.value.message


def test_merged_unit_name_resolves_to_successor(tree, users):
    old = resolve_agency(actor="test", name="Phường Đông Phong")
    merge_units(actor=users["admin"], source=old, target=tree["binhlu"])
    assert find_unit("Phường Đông Phong") == tree["binhlu"]


def test_subtree_path_follows_moves(tree):
    office = tree["binhlu_vhxh"]
    office.parent = tree["tanuyen"]
    office.save()
    assert office in tree["tanuyen"].subtree()
    assert office not in tree["binhlu"].subtree()

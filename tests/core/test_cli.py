"""The ``theodoi`` command: parse prints normalised plan JSON, import saves or refuses."""

from __future__ import annotations

import json

import pytest

from seedfiles import GOLD, gold
from theodoi.cli import main
from theodoi.plans.models import Plan


def test_parse_json_prints_it_back_normalised(tmp_path, capsys):
    data = gold("004")
    data["plan"]["title"] = "  thực hiện   Nghị quyết\n số 57-NQ/TW "
    data["targets"][0]["value"] = "100"
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["parse", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["plan"]["title"] == "thực hiện Nghị quyết số 57-NQ/TW"
    assert out["targets"][0]["value"] == 100
    assert len(out["targets"]) == 21


def test_parse_malformed_json_says_where_in_vietnamese(tmp_path, capsys):
    path = tmp_path / "hong.json"
    path.write_text('{"plan": {"title": "x",}', encoding="utf-8")
    assert main(["parse", str(path)]) == 1
    err = capsys.readouterr().err
    assert "lỗi cú pháp ở dòng 1" in err and "Traceback" not in err


def test_parse_missing_file(capsys):
    assert main(["parse", "/khong/co/tep.json"]) == 2
    assert "không tìm thấy tệp" in capsys.readouterr().err


@pytest.mark.django_db
def test_import_then_duplicate_then_update(tree, capsys):
    path = next(GOLD.glob("004*.json"))
    assert main(["import", str(path)]) == 0
    assert "21 chỉ tiêu" in capsys.readouterr().out
    assert main(["import", str(path)]) == 1
    assert "đã có trong hệ thống" in capsys.readouterr().err
    assert Plan.objects.count() == 1
    assert main(["import", "--update", str(path)]) == 0
    assert "Đã cập nhật" in capsys.readouterr().out
    assert Plan.objects.count() == 1


@pytest.mark.django_db
def test_import_a_file_that_is_not_a_plan(tree, tmp_path, capsys):
    path = tmp_path / "danh-sach.json"
    path.write_text(json.dumps([1, 2, 3]), encoding="utf-8")
    assert main(["import", str(path)]) == 1
    assert "không phải là kế hoạch" in capsys.readouterr().err
    assert not Plan.objects.exists()

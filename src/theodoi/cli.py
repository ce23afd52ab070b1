"""The ``theodoi`` command.

    theodoi serve [--addr 127.0.0.1:8000] [--no-demo]   migrate, load demo data if empty, serve
    theodoi import FILE... [--update] [--public]          save plans (JSON, DOCX, PDF, XLSX, TXT)
    theodoi parse FILE                                    print the plan JSON read from FILE
    theodoi demo                                          load the demo data into an empty database
    theodoi remind [--date YYYY-MM-DD]                    open periods, notify units due soon or late (daily, cron)
    theodoi manage ARGS...                                any Django management command
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "theodoi.settings")
    import django
    from django.conf import settings

    Path(settings.VAR_DIR).mkdir(parents=True, exist_ok=True)
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    django.setup()


def _err(message: str) -> None:
    print(f"Lỗi: {message}", file=sys.stderr)


def cmd_parse(args: argparse.Namespace) -> int:
    from theodoi.reader import ReaderError, read_file

    try:
        result = read_file(args.file)
    except FileNotFoundError:
        _err(f"không tìm thấy tệp “{args.file}”.")
        return 2
    except ReaderError as exc:
        _err(exc.message)
        return 1
    print(json.dumps(result.plan, ensure_ascii=False, indent=2))
    for w in result.warnings:
        where = f" (dòng {w.line_no})" if w.line_no else ""
        print(f"Cảnh báo{where}: {w.message}", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from theodoi.plans.errors import PlanError
    from theodoi.plans.exchange import import_plan_json
    from theodoi.plans.services import import_plan
    from theodoi.reader import ReaderError, read_file

    failures = 0
    for name in args.files:
        path = Path(name)
        try:
            result = read_file(path)
            if result.source_kind == "json":
                # theodoi's own plan JSON: unit paths find merged or renamed units again.
                outcome = import_plan_json(actor="dòng lệnh theodoi import", data=result.plan,
                                           update=args.update, is_public=args.public or None)
            else:
                outcome = import_plan(
                    actor="dòng lệnh theodoi import", data=result.plan, update=args.update,
                    source_name=path.name, source_bytes=path.read_bytes(),
                    source_kind=result.source_kind, is_public=args.public,
                )
        except FileNotFoundError:
            _err(f"không tìm thấy tệp “{name}”.")
            failures += 1
            continue
        except (ReaderError, PlanError) as exc:
            _err(f"{path.name}: {exc.message}")
            failures += 1
            continue
        print(f"{path.name}: {outcome.summary}")
    return 1 if failures else 0


def cmd_demo(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from theodoi.demo.loader import database_is_empty, load_demo

    if not database_is_empty():
        _err("cơ sở dữ liệu đã có dữ liệu; dữ liệu trình diễn chỉ nạp vào cơ sở dữ liệu trống.")
        return 1
    load_demo(out=sys.stdout)
    return 0


def cmd_remind(args: argparse.Namespace) -> int:
    _setup_django()
    import datetime as dt

    from theodoi.reporting.services import remind

    today = dt.date.fromisoformat(args.date) if args.date else None
    result = remind(today=today)
    print(f"Đã xét {result.periods} kỳ đến hạn hoặc quá hạn: nhắc {result.units} đơn vị, "
          f"{result.notifications} thông báo.")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.management import call_command

    print("Đang cập nhật cấu trúc cơ sở dữ liệu…")
    call_command("migrate", verbosity=0)
    from theodoi.demo.loader import database_is_empty, load_demo

    if database_is_empty() and not args.no_demo:
        load_demo(out=sys.stdout)
    host, _, port = args.addr.rpartition(":")
    print(f"theodoi đang chạy tại http://{args.addr}/  (Ctrl+C để dừng)", flush=True)
    from waitress import serve

    from theodoi.wsgi import application

    serve(application, host=host or "127.0.0.1", port=int(port or 8000), threads=8,
          ident="theodoi")
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["theodoi manage", *args.rest])
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="theodoi", description="Theo dõi thực hiện kế hoạch Nghị quyết 57-NQ/TW")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("serve", help="cập nhật CSDL, nạp dữ liệu trình diễn nếu trống, chạy máy chủ")
    p.add_argument("--addr", default="127.0.0.1:8000")
    p.add_argument("--no-demo", action="store_true", help="không nạp dữ liệu trình diễn")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("import", help="lưu kế hoạch từ tệp JSON, DOCX, PDF, XLSX hoặc TXT")
    p.add_argument("files", nargs="+")
    p.add_argument("--update", action="store_true", help="cập nhật kế hoạch đã có thay vì báo trùng")
    p.add_argument("--public", action="store_true", help="đánh dấu công khai")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("parse", help="in plan JSON đọc được từ tệp")
    p.add_argument("file")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("demo", help="nạp dữ liệu trình diễn vào CSDL trống")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("remind", help="mở kỳ báo cáo, nhắc đơn vị sắp đến hạn hoặc quá hạn (chạy hằng ngày)")
    p.add_argument("--date", help="ngày xét (YYYY-MM-DD), mặc định hôm nay")
    p.set_defaults(func=cmd_remind)

    p = sub.add_parser("manage", help="lệnh quản trị Django")
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_manage)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())

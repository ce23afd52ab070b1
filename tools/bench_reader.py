#!/usr/bin/env python3
"""Time the plan reader on a generated 300-task text document.

The document is seed 002 (a commune plan whose appendix table was flattened
by PDF extraction) with its table rows repeated and renumbered to 300 tasks
in 30 sections. Prints the median of several runs; the target is < 0.25 s.

    .venv/bin/python tools/bench_reader.py [--tasks 300] [--runs 7]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from theodoi.reader import read_text  # noqa: E402
from theodoi.reader.deadlines import is_deadline  # noqa: E402
from theodoi.reader.fastfold import fold  # noqa: E402

SEED = ROOT / "tests" / "fixtures" / "seeds" / "002_7445e7d735843406.txt"
_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def roman(n: int) -> str:
    tens, ones = divmod(n, 10)
    return "X" * tens + (_ROMANS[ones - 1] if ones else "")


def seed_rows(text: str) -> tuple[str, list[list[str]]]:
    """The seed up to its table header, and the lines of each task row (number removed)."""
    lines = text.split("\n")
    start = next(i for i, x in enumerate(lines) if x.strip().startswith("TT Nội dung nhiệm vụ"))
    head_end = start + 4  # the header wraps over "Thời gian hoàn" / "thành"
    rows: list[list[str]] = []
    for line in lines[head_end:]:
        s = line.strip()
        m = re.match(r"^(\d{1,2})(?:\s+(\S.*))?$", s)
        if m and (not m.group(2) or m.group(2)[0].isupper()) and (
                not rows or int(m.group(1)) <= 12):
            rows.append([m.group(2)] if m.group(2) else [])
            continue
        if re.match(r"^[IVX]+$", s) or not rows:
            continue
        rows[-1].append(line)
    rows = [r for r in rows if sum(1 for x in r if x.strip()) >= 4]
    return "\n".join(lines[:head_end]), rows


def make_document(n_tasks: int) -> str:
    prefix, rows = seed_rows(SEED.read_text(encoding="utf-8"))
    out = [prefix, ""]
    per_section = 10
    task = 0
    section = 0
    while task < n_tasks:
        section += 1
        out += [f"{roman(section)} ", "", f"Nhóm nhiệm vụ thứ {section} về chuyển đổi số ", ""]
        for k in range(1, per_section + 1):
            if task >= n_tasks:
                break
            row = rows[task % len(rows)]
            out += [f"{k} ", ""]
            out += [x for x in row]
            task += 1
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tasks", type=int, default=300)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    doc = make_document(args.tasks)
    result = read_text(doc)  # warm up (imports, regex compilation)
    times = []
    for _ in range(args.runs):
        fold.cache_clear()  # time a cold read, not a cached one
        is_deadline.cache_clear()
        t0 = time.perf_counter()
        result = read_text(doc)
        times.append(time.perf_counter() - t0)
    n = len(result.plan["tasks"])
    print(f"{n} tasks read from {len(doc.splitlines())} lines; "
          f"median {statistics.median(times):.3f} s over {args.runs} runs "
          f"(min {min(times):.3f} s, max {max(times):.3f} s)")
    return 0 if n == args.tasks else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Time the document renderers on a province-sized consolidated report.

The sample report of ``theodoi.documents.sample`` with an appendix of 6,000 task
rows (plus their group rows) and 1,500 targets, rendered as DOCX, XLSX (tasks and
targets sheets) and PDF. Prints the best of several runs and the output sizes;
the aim for the whole consolidated report is under 3 s per format.

    .venv/bin/python tools/bench_documents.py [--tasks 6000] [--targets 1500] [--runs 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from theodoi.documents import render_docx, render_pdf, render_xlsx  # noqa: E402
from theodoi.documents.sample import sample_report, sample_sheets  # noqa: E402


def best_of(runs: int, fn, *args) -> tuple[float, bytes]:
    best, out = float("inf"), b""
    for _ in range(runs):
        t = time.perf_counter()
        out = fn(*args)
        best = min(best, time.perf_counter() - t)
    return best, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tasks", type=int, default=6000)
    ap.add_argument("--targets", type=int, default=1500)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--layout", choices=("state", "party"), default="state")
    ap.add_argument("--skip-pdf", action="store_true")
    ap.add_argument("--out", type=Path, help="folder to write the rendered files to")
    args = ap.parse_args()

    report = sample_report(args.layout, tasks=args.tasks, targets=args.targets)
    jobs = [("DOCX", render_docx, report), ("XLSX", render_xlsx, sample_sheets(report))]
    if not args.skip_pdf:
        jobs.append(("PDF", render_pdf, report))
    # Warm-up: imports and WeasyPrint's font loading are paid once per process.
    small = sample_report(args.layout, tasks=5, targets=2)
    render_docx(small)
    render_xlsx(sample_sheets(small))
    if not args.skip_pdf:
        render_pdf(small)

    print(f"report: {args.tasks} tasks, {args.targets} targets, layout {args.layout}, "
          f"best of {args.runs}")
    for name, fn, arg in jobs:
        seconds, data = best_of(args.runs, fn, arg)
        print(f"  {name:5} {seconds:6.2f} s  {len(data) / 1e6:6.2f} MB")
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"bench.{name.lower()}").write_bytes(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Time the binary front-ends on a large plan (about 300 task rows, ~20+ pages).

Usage: .venv/bin/python tools/bench_formats.py [--rows 300] [--repeat 5]

Prints, for a DOCX and a PDF rendering of the same plan, the median time of
``read_binary`` alone (front-end) and of ``read_bytes`` (front-end plus
interpretation; skipped while ``theodoi.reader.interpret`` does not exist).
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

from reader_formats.render import ROMAN, load_gold, render_docx, render_pdf  # noqa: E402
from theodoi.reader.formats import read_binary  # noqa: E402


def big_plan(rows: int) -> dict:
    """The tasks of seed 002 repeated into ``rows`` tasks in 10 sections."""
    gold = load_gold("002")
    tasks = []
    per_section = max(rows // 10, 1)
    for i in range(rows):
        section = ROMAN[min(i // per_section, len(ROMAN) - 1)]
        task = copy.deepcopy(gold["tasks"][i % len(gold["tasks"])])
        task["code"] = f"{section}.{i % per_section + 1}"
        task["section_title"] = f"Nhóm nhiệm vụ {section}"
        tasks.append(task)
    return {"plan": gold["plan"], "targets": gold["targets"], "tasks": tasks}


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    plan = big_plan(args.rows)
    samples = {".docx": render_docx(plan), ".pdf": render_pdf(plan)}
    import pdfplumber

    with pdfplumber.open(io.BytesIO(samples[".pdf"])) as pdf:
        pdf_pages = len(pdf.pages)
    has_interpret = importlib.util.find_spec("theodoi.reader.interpret") is not None
    print(f"plan: {len(plan['tasks'])} tasks, {len(plan['targets'])} targets; PDF {pdf_pages} pages")
    for suffix, data in samples.items():
        front = median_time(
            lambda d=data, s=suffix: read_binary(d, s, filename=f"bench{s}"), args.repeat
        )
        line = f"{suffix[1:].upper():5} {len(data) / 1024:7.0f} KB  read_binary {front:6.2f} s"
        if has_interpret:
            from theodoi.reader import read_bytes

            full = median_time(lambda d=data, s=suffix: read_bytes(d, f"bench{s}"), args.repeat)
            line += f"   read_bytes {full:6.2f} s"
        else:
            line += "   read_bytes: (interpret.py not present yet)"
        print(line)


if __name__ == "__main__":
    main()

"""Write NAME.expected.json next to each fixture from the reader's current output.

Run by hand after a deliberate change, then review the diff line by line:
the expected files are hand-checked readings, not snapshots to accept blindly.

    .venv/bin/python tests/reader/regen_expected.py
"""

from __future__ import annotations

import json
from pathlib import Path

from theodoi.reader import read_file

FIXTURES = Path(__file__).parent / "fixtures"

if __name__ == "__main__":
    for doc in sorted(FIXTURES.iterdir()):
        if doc.suffix not in (".txt", ".md"):
            continue
        plan = read_file(doc).plan
        out = doc.with_name(doc.stem + ".expected.json")
        out.write_text(json.dumps(plan, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(out.name, len(plan["targets"]), "targets", len(plan["tasks"]), "tasks")

"""Print the plan JSON read from a document: ``python -m theodoi.reader FILE``."""

from __future__ import annotations

import json
import sys

from . import ReaderError, read_file


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("Cách dùng: python -m theodoi.reader <tệp>", file=sys.stderr)
        return 2
    try:
        result = read_file(args[0])
    except ReaderError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    print(json.dumps(result.plan, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

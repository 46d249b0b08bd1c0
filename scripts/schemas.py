"""Write docs/schemas/<Message>.json from protocols.messages.json_schemas().

    .venv/bin/python scripts/schemas.py [--check]

With --check, write nothing and exit 1 if a file is missing or out of date.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from protocols.messages import json_schemas  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "schemas"


def main(check: bool = False) -> int:
    stale = []
    OUT.mkdir(parents=True, exist_ok=True)
    for name, schema in json_schemas().items():
        path = OUT / f"{name}.json"
        text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        if path.exists() and path.read_text() == text:
            continue
        stale.append(path.name)
        if not check:
            path.write_text(text)
    verb = "out of date" if check else "written"
    print(f"{verb}: {', '.join(stale)}" if stale else "schemas up to date")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(check="--check" in sys.argv[1:]))

"""What the tests need to know of the two sources, without their text: writes tests/fixtures/source_prints.json.

- `sections`: each section of the case file and its number of paragraphs (`locate.sections()`);
- `runs`: a short hash (the first 16 hex digits of SHA-256) of every run of eight words of the case file's
  paragraphs, lower case, so that a test can find a copied sentence without the sentence being here;
- `reference_pages`: every web address reference-facts.md cites, with or without its scheme (addresses, not prose).

The tests (tests/test_coverage.py, tests/test_names.py) read this file, so they run where the sources
are not (CI on a clean clone), and compare it with the sources where they are.

    .venv/bin/python tools/source_prints.py [--sources ../shared/sources]

Run it again when a source changes, and commit the JSON.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "source_prints.json"
RUN = 8  # words


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def run_hash(run) -> str:
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:16]


def prints(sources: Path) -> dict:
    spec = importlib.util.spec_from_file_location("locate", sources / "locate.py")
    locate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(locate)
    sections = [(name, len(paragraphs)) for name, paragraphs in locate.sections()]
    runs = set()
    for _, paragraphs in locate.sections():
        for p in paragraphs:
            w = words(p)
            runs.update(run_hash(w[i:i + RUN]) for i in range(len(w) - RUN + 1))
    text = (sources / "reference-facts.md").read_text(encoding="utf-8")
    # web addresses, with or without their scheme (the reference cites some as 'perceptiofr.com/...')
    pages = sorted({m.rstrip(").,;") for m in re.findall(r"(?:https?://)?(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}/[^\s|)>\"]*", text)})
    return {"sections": sections, "runs": sorted(runs), "reference_pages": pages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=ROOT.parent / "shared" / "sources")
    args = parser.parse_args()
    OUT.write_text(json.dumps(prints(args.sources), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()

"""Who each paragraph of the case file names: writes tests/fixtures/paragraph_names.json.

For every paragraph of the case file (its locator, `<section heading> ¶<n>`, exactly as
`../shared/sources/locate.py` prints it), the ids of the people whose name, any alias of
data/aliases.csv, or the surname of either appears in it as a whole word (case and accents
ignored). Ids only: no sentence of the case file goes into the repository. The test
`tests/test_locators.py` checks the data's locators against this file, so that it runs where the
case file is not (CI on a clean clone).

    .venv/bin/python tools/paragraph_names.py [--sources ../shared/sources]

Run it again after adding people or aliases, and commit the JSON.
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "paragraph_names.json"
#: Surnames too short or too common to stand for one person on their own.
NOT_A_SURNAME = {"the", "of", "von", "de", "khan", "i"}


def fold(text: str) -> str:
    """Lower case without accents: 'Münzenberg' -> 'munzenberg'."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def names(data: Path) -> dict[str, set[str]]:
    """Each person's names to look for: people.csv's name, every alias, and the last word of each."""
    found: dict[str, set[str]] = {}
    rows = [(r["person_id"], r["name"]) for r in csv.DictReader(open(data / "people.csv", encoding="utf-8"))]
    rows += [(r["person_id"], r["alias"]) for r in csv.DictReader(open(data / "aliases.csv", encoding="utf-8"))]
    for pid, name in rows:
        given = found.setdefault(pid, set())
        name = fold(name.strip().strip('"'))
        given.add(name)
        last = re.split(r"[\s\"']+", name.strip())[-1]
        if len(last) > 2 and last not in NOT_A_SURNAME:
            given.add(last)
    return found


def paragraphs(sources: Path) -> dict[str, str]:
    """Every paragraph of the case file by locator, parsed by the sources' own locate.py."""
    spec = importlib.util.spec_from_file_location("locate", sources / "locate.py")
    locate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(locate)
    return {f"{heading} ¶{n}": text for heading, texts in locate.sections() for n, text in enumerate(texts, 1)}


def named_in(text: str, people: dict[str, set[str]]) -> list[str]:
    """The ids of the people any of whose names stands in `text` as a whole word."""
    folded = fold(text)
    return sorted(pid for pid, given in people.items()
                  if any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", folded) for n in given if n))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=ROOT.parent / "shared" / "sources")
    args = parser.parse_args(argv)
    people = names(ROOT / "data")
    found = {loc: named_in(text, people) for loc, text in paragraphs(args.sources).items()}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"source_id": "case-file-0121", "paragraphs": found}, ensure_ascii=False, indent=1)
                   + "\n", encoding="utf-8")
    print(f"{len(found)} paragraphs written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

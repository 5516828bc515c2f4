"""The data version follows written rules: a change to a table's rows or columns needs a new version of
the kind the rules ask and a CHANGELOG section, then a refreshed fingerprint (`blackwork version --record`)."""
import json

import pytest

from helpers import cli, paths
from helpers.build import versions
from helpers.core.errors import ParameterError

from conftest import read_rows, set_cell, write_rows

CHANGELOG = (paths.ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def _set_version(root, version):
    desc = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    desc["version"] = version
    (root / "datapackage.json").write_text(json.dumps(desc, indent=2), encoding="utf-8")


def _problems(root, changelog=CHANGELOG):
    return versions.check(versions.fingerprint(root), versions.load_recorded(), changelog)


def test_the_committed_data_is_the_version_it_says_with_a_changelog_section(capsys):
    assert versions.status() == []
    assert json.loads((paths.ROOT / "data" / "datapackage.json").read_text())["version"] == "0.5.0"
    assert "## 0.5.0 — 2026-12-08" in CHANGELOG and "## 0.1.0 — 2026-11-30" in CHANGELOG
    assert cli.main(["version"]) == 0 and "data version 0.5.0" in capsys.readouterr().out


def test_a_dropped_row_without_a_new_version_fails_and_says_what_to_do(data_copy, capsys, monkeypatch):
    rows = read_rows(data_copy / "events.csv")
    write_rows(data_copy / "events.csv", rows[:-1])  # 298 events (tests/expected_row_counts.json), now 297
    problems = _problems(data_copy)
    assert len(problems) == 1
    assert problems[0].startswith("The data changed (events: 298 rows, now 297) but its version is still 0.5.0: bump")
    assert "add a section for it to CHANGELOG.md, then run `blackwork version --record`" in problems[0]
    monkeypatch.setenv("BLACKWORK_DATA", str(data_copy))
    assert cli.main(["version"]) == 1
    err = capsys.readouterr().err
    assert "events: 298 rows, now 297" in err and "Traceback" not in err


def test_one_edited_cell_is_a_patch_and_a_patch_bump_with_a_section_leaves_only_the_refresh(data_copy, tmp_path):
    set_cell(data_copy, "attestations.csv", 8, "date", "1935-05-22")
    assert "attestations: rows changed, 150 as before" in _problems(data_copy)[0]
    _set_version(data_copy, "0.5.1")
    assert _problems(data_copy)[-1] == ("CHANGELOG.md has no section for the data version 0.5.1: add '## 0.5.1 — "
                                        "YYYY-MM-DD' saying in plain words what changed.")
    changelog = CHANGELOG.replace("## 0.5.0", "## 0.5.1 — 2026-12-09\n\n- A date corrected.\n\n## 0.5.0", 1)
    assert _problems(data_copy, changelog) == [
        "The data version is 0.5.1 but tests/data_fingerprint.json records 0.5.0: run `blackwork version --record` "
        "to refresh it."]
    log, printed = tmp_path / "CHANGELOG.md", tmp_path / "fingerprint.json"
    log.write_text(changelog, encoding="utf-8")
    printed.write_text((paths.ROOT / "tests" / "data_fingerprint.json").read_text(), encoding="utf-8")
    assert versions.record(data_copy, printed, log)["version"] == "0.5.1"
    assert versions.status(data_copy, printed, log) == []


def test_a_new_column_asks_for_a_minor_version_and_a_renamed_one_for_a_major(data_copy):
    rows = read_rows(data_copy / "places.csv")
    write_rows(data_copy / "places.csv", [r + (["wikidata"] if i == 0 else [""]) for i, r in enumerate(rows)])
    _set_version(data_copy, "0.5.1")
    assert _problems(data_copy)[0].startswith("0.5.0 -> 0.5.1 is a patch change but the data's is minor "
                                              "(places: column wikidata added)")
    rows[0][rows[0].index("note")] = "remark"
    write_rows(data_copy / "places.csv", rows)
    _set_version(data_copy, "0.6.0")
    assert _problems(data_copy)[0].startswith("0.5.0 -> 0.6.0 is a minor change but the data's is major "
                                              "(places: column note removed or renamed)")


def test_record_refuses_until_the_version_and_changelog_say_what_changed(data_copy, tmp_path):
    rows = read_rows(data_copy / "roles.csv")
    write_rows(data_copy / "roles.csv", rows[:-1])
    printed = tmp_path / "fingerprint.json"
    printed.write_text((paths.ROOT / "tests" / "data_fingerprint.json").read_text(), encoding="utf-8")
    with pytest.raises(ParameterError, match=r"^The data changed \(roles: 522 rows, now 521\)"):
        versions.record(data_copy, printed, paths.ROOT / "CHANGELOG.md")
    assert json.loads(printed.read_text())["tables"]["roles"]["rows"] == 522


@pytest.mark.parametrize("old, new, kind", [("0.1.0", "0.2.0", "minor"), ("0.2.0", "0.2.1", "patch"),
                                            ("0.2.9", "1.0.0", "major"), ("0.2.0", "0.2.0", None),
                                            ("0.2.0", "0.1.9", None)])
def test_bumps_are_read_from_the_numbers(old, new, kind):
    assert versions.bump(old, new) == kind

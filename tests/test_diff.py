"""`blackwork diff`: rows and cells by primary key, row counts, the claims that rest on what moved."""
import json

from helpers import cli, paths
from helpers.build import diff, versions

from conftest import read_rows, set_cell, write_rows

MIME = "application/vnd.blackwork.claims+json"
EDITED = "artur-artuzov--foreign-department-head--end--ref"  # line 8 of attestations.csv, date 1935-05-21


def _claims_citing(table: str, row: str) -> set[str]:
    """The ids of the claims the committed notebooks' outputs carry that cite `row` of `table`."""
    found = set()
    for path in paths.NOTEBOOKS.glob("*.ipynb"):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for out in cell.get("outputs", []):
                for claim in (out.get("data", {}).get(MIME) or {}).get("claims", []):
                    if any(r["table"] == table and r["id"] == row for r in claim["rows"]):
                        found.add(claim["id"])
    return found


def test_one_edited_attestation_is_exactly_one_changed_cell_with_the_claims_resting_on_it(data_copy, capsys):
    set_cell(data_copy, "attestations.csv", 8, "date", "1935-05-22")
    d = diff.compare(str(paths.ROOT / "data"), str(data_copy), data_copy.parent / "work")
    changed = [(t.name, rid, cells) for t in d.tables for rid, cells in t.changed.items()]
    assert changed == [("attestations", EDITED, [("date", "1935-05-21", "1935-05-22")])]
    assert not any(t.added or t.removed for t in d.tables) and not d.same_data
    expected = _claims_citing("attestations", EDITED)
    # counted in the notebooks' outputs: report 02's lengths of Artuzov's tenure under both readings, the
    # count of tenures that last differently and the longest tenure's readings (since data 0.3.1 the date
    # is the reference's only end for that tenure, a gap-filler and no longer a conflict that 00 and 02 count)
    assert len(expected) == 4
    assert {c["id"] for c in d.claims} == expected
    assert all(c["rows"] == [f"attestations {EDITED} (changed: date)"] and c["new"] is None for c in d.claims)
    assert cli.main(["diff", str(paths.ROOT / "data"), str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert f"  ~ {EDITED}: date '1935-05-21' -> '1935-05-22'" in out and "The data differs." in out


def test_a_dropped_row_changes_the_row_counts_and_fails_the_version_check(data_copy, capsys):
    rows = read_rows(data_copy / "events.csv")
    dropped = rows[-1][0]
    write_rows(data_copy / "events.csv", rows[:-1])
    d = diff.compare(str(paths.ROOT / "data"), str(data_copy))
    events = next(t for t in d.tables if t.name == "events")
    assert (events.before, events.after, events.removed, events.changed) == (298, 297, [dropped], {})
    assert [t.name for t in d.tables if not t.same] == ["events"]
    assert cli.main(["diff", str(paths.ROOT / "data"), str(data_copy)]) == 1
    assert "events                    298    297      0       1       0" in capsys.readouterr().out
    # and the version check fails: the version and the changelog did not change
    assert versions.status(data_copy)[0].startswith("The data changed (events: 298 rows, now 297) but its version "
                                                    "is still 0.5.0")


def test_the_same_data_exits_0_and_a_composite_key_is_joined_as_claims_join_it(data_copy, capsys, tmp_path):
    assert cli.main(["diff", str(paths.ROOT / "data"), str(data_copy), "--html", str(tmp_path / "d.html")]) == 0
    assert "The same data." in capsys.readouterr().out and "<h1>" in (tmp_path / "d.html").read_text()
    rows = read_rows(data_copy / "roles.csv")
    write_rows(data_copy / "roles.csv", rows[:1] + rows[2:])
    roles = next(t for t in diff.compare(str(paths.ROOT / "data"), str(data_copy)).tables if t.name == "roles")
    assert roles.removed == [" | ".join(rows[1][:3])]  # event_id | person_id | role


def test_two_git_revisions_list_the_rows_and_the_claims_resting_on_them(tmp_path):
    """75ce04f took Lenin's role in Savinkov's death out and added Sudoplatov's escape, a journey of two
    places (Rotterdam, then on): report 04 counts it among the journeys. Its parent has no claims yet
    (they came with 07e4cbb), so the claims are the newer side's that rest on a row that moved."""
    d = diff.compare("75ce04f~1", "HEAD", tmp_path)
    roles = next(t for t in d.tables if t.name == "roles")
    assert "boris-savinkov-assassination | vladimir-lenin | ordered_by" in roles.removed
    assert "pavel-sudoplatov-escape | pavel-sudoplatov | subject" in roles.added
    assert [(t.before, t.after) for t in d.tables if t.name == "events"] == [(297, 298)]
    assert d.old.claims is None and d.new.claims
    journeys = next(c for c in d.claims if c["id"] == "04-operations-abroad/journeys")
    assert "events pavel-sudoplatov-escape (added)" in journeys["rows"] and journeys["old"] is None


def _release_folder(root, data, value):
    (root / "data").mkdir(parents=True)
    for path in data.iterdir():
        (root / "data" / path.name).write_bytes(path.read_bytes())
    claim = {"id": "02-leadership-turnover/tenure", "value": value, "text": f"{value} days",
             "rows": [{"table": "attestations", "id": EDITED}, {"table": "people", "id": "artur-artuzov"}]}
    other = {"id": "00-data-overview/sources", "value": 3, "text": "3", "rows": [{"table": "sources", "id": "curators"}]}
    (root / "claims.json").write_text(json.dumps([claim, other]), encoding="utf-8")
    return root


def test_two_release_folders_give_each_claim_that_moved_with_old_and_new_value(data_copy, tmp_path):
    old = _release_folder(tmp_path / "blackwork-0.2.0", paths.ROOT / "data", 400)
    set_cell(data_copy, "attestations.csv", 8, "date", "1935-05-22")
    new = _release_folder(tmp_path / "blackwork-0.2.1", data_copy, 401)
    d = diff.compare(str(old), str(new), tmp_path / "work")
    assert d.claims == [{"id": "02-leadership-turnover/tenure", "old": "400 days", "new": "401 days",
                         "rows": [f"attestations {EDITED} (changed: date)"]}]
    assert "  02-leadership-turnover/tenure: 400 days -> 401 days" in diff.text(d)


def test_html_escapes_the_data(data_copy, tmp_path):
    set_cell(data_copy, "attestations.csv", 8, "note", "<script>alert(1)</script>\n```{include} /etc/shadow```")
    page = diff.page(diff.compare(str(paths.ROOT / "data"), str(data_copy)))
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "`" not in page and "&#96;&#96;&#96;{include} /etc/shadow" in page


def test_something_that_is_no_version_is_refused_in_one_sentence(capsys, tmp_path):
    assert cli.main(["diff", str(tmp_path), "no-such-revision"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"blackwork diff: '{tmp_path}' is neither a folder holding datapackage.json")
    assert "Traceback" not in err and err.count("\n") == 1

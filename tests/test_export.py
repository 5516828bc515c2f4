"""`blackwork export`: each file read back by a reader that is not ours, with hand-counted figures."""
from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import networkx as nx
import pytest

from conftest import problems_in, set_cell
from helpers import cli, paths


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    assert cli.main(["export", "--to", str(folder)]) == 0
    return folder


def test_the_sqlite_database_holds_every_table_with_its_rows_and_keys(exported):
    db = sqlite3.connect(exported / "blackwork.sqlite")
    descriptor = json.loads((paths.ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        with open(paths.ROOT / "data" / resource["path"], encoding="utf-8", newline="") as f:
            rows = sum(1 for _ in csv.reader(f)) - 1
        assert db.execute(f'SELECT count(*) FROM "{resource["name"]}"').fetchone()[0] == rows, resource["name"]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    keys = {row[2] for row in db.execute("PRAGMA foreign_key_list(event_places)")}
    assert keys == {"events", "places", "sources"}
    # an empty cell is NULL, a filled one its text exactly
    assert db.execute("SELECT date, place FROM events WHERE event_id = 'kirov-murder-order'").fetchone()[1] is None
    assert db.execute("SELECT date FROM events WHERE event_id = 'nikolai-yezhov-execution'").fetchone() == ("1940-02-04",)


def test_numbers_and_dates_are_typed_so_questions_get_true_answers(exported):
    db = sqlite3.connect(exported / "blackwork.sqlite")
    # tallies.csv: the largest figure is the Great Purge's 1,548,366 arrested (reference-facts §5), not
    # the 936,750 a text comparison picks; ordering by figure puts it first, not a '9...'
    assert db.execute("SELECT max(best) FROM tallies").fetchone() == (1548366,)
    assert db.execute("SELECT best FROM tallies WHERE best IS NOT NULL ORDER BY best DESC LIMIT 1").fetchone() == (1548366,)
    # convictions_by_year (mvd): 790,665 convicted in 1937 is the most (reference-facts §3), not 1943's 'largest' text
    assert db.execute("SELECT year FROM convictions_by_year WHERE count = 'mvd' ORDER BY convicted DESC LIMIT 1"
                      ).fetchone() == (1937,)
    assert db.execute("SELECT typeof(year), typeof(convicted), typeof(partial_year) FROM convictions_by_year LIMIT 1"
                      ).fetchone() == ("integer", "integer", "integer")
    assert db.execute("SELECT typeof(latitude) FROM places LIMIT 1").fetchone() == ("real",)
    # every date carries its first and last day: Agranov's Saratov post began in April 1937
    assert db.execute("SELECT start, start_start, start_end FROM positions WHERE position_id = "
                      "'yakov-agranov--saratov-nkvd-head'").fetchone() == ("1937-04", "1937-04-01", "1937-04-30")
    # events in 1937 by comparison: the Yezhov fall's executions are there, a 1937/1938 span is not
    in_1937 = {r[0] for r in db.execute("SELECT event_id FROM events WHERE date_start >= '1937-01-01' "
                                        "AND date_end <= '1937-12-31'")}
    assert {"artur-artuzov-execution", "mikhail-tukhachevsky-execution"} <= in_1937
    assert "nikolai-skoblin-death" not in in_1937
    # the derived fates and the view of events with their people
    assert db.execute("SELECT fate, by_state FROM fates WHERE person_id = 'walter-krivitsky'").fetchone() == (
        "contested", "no")
    assert ("ramon-mercader", "perpetrator") in db.execute(
        "SELECT person_id, role FROM event_people WHERE event_id = 'leon-trotsky-assassination'").fetchall()
    assert {r[0] for r in db.execute("SELECT name FROM about")} >= {"events", "fates", "event_people"}


def test_the_geojson_has_every_place_and_millers_route_in_order(exported):
    collection = json.loads((exported / "places.geojson").read_text(encoding="utf-8"))
    places = [f for f in collection["features"] if f["properties"]["layer"] == "place"]
    with open(paths.ROOT / "data" / "places.csv", encoding="utf-8", newline="") as f:
        rows = {r["place_id"]: r for r in csv.DictReader(f)}
    assert len(places) == len(rows)
    assert all(-180 <= f["geometry"]["coordinates"][0] <= 180 and -90 <= f["geometry"]["coordinates"][1] <= 90
               for f in places)
    miller = next(f for f in collection["features"] if f["properties"].get("event_id") == "yevgeny-miller-kidnapping")
    # case file, Miller ¶5 (and the reference for Paris): Paris -> Le Havre -> the ship -> Barcelona -> Moscow
    assert miller["properties"]["places"] == ["paris", "le-havre", "soviet-ship-le-havre", "barcelona", "moscow"]
    assert miller["geometry"]["type"] == "LineString" and len(miller["geometry"]["coordinates"]) == 5
    assert miller["geometry"]["coordinates"][0] == [float(rows["paris"]["longitude"]), float(rows["paris"]["latitude"])]
    swiss = {f["properties"]["event_id"] for f in collection["features"] if f["properties"]["layer"] == "event"
             and any(rows[p]["country"] == "CH" for p in f["properties"]["places"])}
    assert len(swiss) == 6  # the six events abroad in Switzerland, counted by hand in test_places


def test_the_network_reads_back_with_typed_ties_and_acts(exported):
    graph = nx.read_gexf(exported / "network.gexf")
    ties = {(u, v, d["relation"]) for u, v, d in graph.edges(data=True) if d["kind"] == "tie"}
    assert {("sergei-spiegelglas", "nikolai-skoblin", "recruited"), ("pavel-sudoplatov", "mark-zborowski", "handler_of"),
            ("mark-zborowski", "lev-sedov", "spied_on")} <= ties
    with open(paths.ROOT / "data" / "relationships.csv", encoding="utf-8", newline="") as f:
        assert len(ties) == sum(1 for _ in csv.DictReader(f))
    assert graph.nodes["nikolai-yezhov"]["label"] == "Nikolai Yezhov"
    acts = {(u, v) for u, v, d in graph.edges(data=True) if d["kind"] == "act"}
    assert ("vasily-blokhin", "nikolai-yezhov") in acts  # Blokhin shot Yezhov (case file, The Fall of Yezhov)


def test_a_broken_package_writes_nothing(data_copy, tmp_path, monkeypatch, capsys):
    set_cell(data_copy, "event_places.csv", 2, "place_id", "atlantis")
    assert problems_in(data_copy)
    monkeypatch.setenv("BLACKWORK_DATA", str(data_copy))
    assert cli.main(["export", "--to", str(tmp_path / "out")]) == 1
    assert "event_places.csv:2:place_id: atlantis is not a place_id in places.csv" in capsys.readouterr().err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_the_example_queries_of_the_readme_give_the_true_answers(exported):
    from helpers.build import sqlite as database

    db = sqlite3.connect(exported / "blackwork.sqlite")
    readme = (exported / "README.md").read_text(encoding="utf-8")
    answers = [db.execute(query).fetchall() for _, query in database.QUERIES]
    assert all(query + ";" in readme for _, query in database.QUERIES)
    # reference-facts §5: 1,548,366 arrested in the Great Purge (1937-1938), the largest figure of tallies.csv
    assert answers[0][0][0] == 1548366
    # reference-facts §3 (MVD): 790,665 convicted in 1937
    assert answers[1] == [(1937, 790665)]
    # 31 events of events.csv dated within 1937 (their whole span in the year), background included
    assert answers[2] == [(31,)]
    # The Assassination of Leon Trotsky (21 August 1940) ¶6: Mercader struck
    assert ("Ramón Mercader", "perpetrator", "stated") in answers[3]
    # 70 deaths: 40 plainly by the state, 7 disputed, 23 not (tests/test_fates.py counts the 68 of report 03,
    # and Lenin and Wrangel, who died of illness and with no cause given)
    assert answers[4] == [("disputed", 7), ("no", 23), ("yes", 40)]


def _files(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


class TestExportRefuses:
    """`export --to` never destroys: not a folder of the user's, not the data, and one sentence for a
    place it cannot write."""

    def test_a_folder_holding_files_it_did_not_write_and_with_force_only_its_own_names(self, tmp_path, capsys):
        folder = tmp_path / "mine"
        folder.mkdir()
        (folder / "blackwork.sqlite").write_bytes(b"my own database")
        (folder / "notes.txt").write_text("my notes", encoding="utf-8")
        before = _files(folder)
        assert cli.main(["export", "--to", str(folder)]) == 1
        err = capsys.readouterr().err
        assert len(err.splitlines()) == 1 and "blackwork.sqlite, notes.txt" in err and "--force" in err, err
        assert _files(folder) == before
        assert cli.main(["export", "--to", str(folder), "--force"]) == 0
        assert (folder / "notes.txt").read_text(encoding="utf-8") == "my notes"  # never a name of its own
        assert sqlite3.connect(folder / "blackwork.sqlite").execute("SELECT count(*) FROM events").fetchone()[0] > 0

    def test_a_folder_it_wrote_is_written_again(self, exported, capsys):
        assert cli.main(["export", "--to", str(exported)]) == 0
        assert "Traceback" not in capsys.readouterr().err

    @pytest.mark.parametrize("inside", ["", "exports", "exports/2026"])
    def test_the_data_folder_and_any_folder_inside_it(self, data_copy, monkeypatch, capsys, inside):
        monkeypatch.setenv("BLACKWORK_DATA", str(data_copy))
        before = _files(data_copy)
        assert cli.main(["export", "--to", str(data_copy / inside)]) == 1
        err = capsys.readouterr().err
        assert len(err.splitlines()) == 1 and "data folder" in err and "Traceback" not in err, err
        assert _files(data_copy) == before and sorted(p.name for p in data_copy.iterdir()) == sorted(before)

    @pytest.mark.parametrize("below", ["", "sub"])
    def test_a_file_path(self, tmp_path, capsys, below):
        path = tmp_path / "a-file.txt"
        path.write_text("a file", encoding="utf-8")
        assert cli.main(["export", "--to", str(path / below)]) == 1
        err = capsys.readouterr().err
        assert len(err.splitlines()) == 1 and "is a file" in err and "Traceback" not in err, err
        assert path.read_text(encoding="utf-8") == "a file"

    def test_a_place_that_cannot_be_written(self, capsys):
        if not Path("/sys/kernel").is_dir():
            pytest.skip("no sysfs here")
        assert cli.main(["export", "--to", "/sys/blackwork-exports"]) == 1  # no folder can be made there
        err = capsys.readouterr().err
        assert len(err.splitlines()) == 1 and "cannot be written" in err and "Traceback" not in err, err


def test_the_data_zip_holds_exactly_the_descriptor_and_its_resources(data_copy, tmp_path):
    """A dotfile, a draft and a README in data/ stay out of the published zip: it packs what
    datapackage.json names, and nothing of the folder besides."""
    import zipfile

    import helpers
    from helpers.build import export

    (data_copy / ".env").write_text("TOKEN=secret")
    (data_copy / "draft.csv").write_text("a,b\n1,2\n")
    descriptor = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    expected = {"blackwork-data/datapackage.json"} | {f"blackwork-data/{r['path']}" for r in descriptor["resources"]}
    assert len(expected) == 1 + len(descriptor["resources"]) > 10
    out = tmp_path / "out"
    out.mkdir()
    export.write(cli.inputs(), helpers.load(data_copy), data_copy, out, with_zip=True)
    with zipfile.ZipFile(out / "blackwork-data.zip") as archive:
        assert set(archive.namelist()) == expected
        assert archive.read("blackwork-data/people.csv") == (data_copy / "people.csv").read_bytes()

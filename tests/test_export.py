"""`blackwork export`: each file read back by a reader that is not ours, with hand-counted figures."""
from __future__ import annotations

import csv
import json
import sqlite3

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

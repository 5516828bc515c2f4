"""Exports for the tools people already use: `blackwork export [--to DIR]`.

- `blackwork.sqlite`: every table of the data package, typed, with its keys, the first and last day of
  every date, the derived fates and a view of events with their people (`build.sqlite`; for
  Datasette, DB Browser, R, SQL; every claim's query runs on it).
- `places.geojson`: the gazetteer as points, and every event abroad as a point, or as a line through
  its places in order when it is a journey (for QGIS, kepler.gl, Palladio).
- `network.gexf`: people and their ties and acts (the caller's `Inputs.network`, e.g.
  `helpers.networks.graph`), edges typed and dated (for Gephi, Cytoscape).

The data is validated first (`helpers.load`); the files are written into a temporary folder and moved
into place only when all three are written, so a failed export leaves nothing behind.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import networkx as nx
import pandas as pd

from ..core import paths
from ..data.dataset import Dataset
from . import sqlite
from .inputs import Inputs

FILES = ("blackwork.sqlite", "places.geojson", "network.gexf", "README.md")
#: What each download is, for the reports' index (the zip of the data package comes first).
DOWNLOADS = {
    "blackwork-data.zip": "the data package: every CSV and datapackage.json (Frictionless)",
    "blackwork.sqlite": "every table typed, with its keys and each date's first and last day, for Datasette, DB Browser, R or SQL",
    "places.geojson": "the places, and the events abroad as points or journeys, for QGIS, kepler.gl or Palladio",
    "network.gexf": "ties and acts between people, typed and dated, for Gephi or Cytoscape",
    "README.md": "what the exports hold, and example questions as SQL queries",
}


def _point(place) -> dict:
    return {"type": "Point", "coordinates": [float(place.longitude), float(place.latitude)]}


def to_geojson(ds: Dataset) -> dict:
    """A FeatureCollection: each place as a point (`layer` 'place'), each event abroad as a point or,
    for a journey, a line through its places in order (`layer` 'event')."""
    places = ds.places.set_index("place_id")
    features = [{"type": "Feature", "geometry": _point(p),
                 "properties": {"layer": "place", "place_id": pid, "name": p["name"], "kind": p.kind,
                                "country": p.country, "precision": p.precision}}
                for pid, p in places.iterrows()]
    abroad = ds.events[ds.events.scope == "abroad"].set_index("event_id")
    legs = ds.event_places[ds.event_places.event_id.isin(abroad.index)].sort_values(["event_id", "seq"])
    for event_id, own in legs.groupby("event_id", sort=True):
        ev = abroad.loc[event_id]
        points = [_point(places.loc[pid])["coordinates"] for pid in own.place_id]
        geometry = ({"type": "Point", "coordinates": points[0]} if len(points) == 1
                    else {"type": "LineString", "coordinates": points})
        features.append({"type": "Feature", "geometry": geometry, "properties": {
            "layer": "event", "event_id": event_id, "title": ev.title, "type": ev.type, "date": ev.date,
            "start": ev.start.date().isoformat(), "end": ev.end.date().isoformat(), "certainty": ev.certainty,
            "operation_id": ev.operation_id if pd.notna(ev.operation_id) else "", "places": list(own.place_id)}})
    return {"type": "FeatureCollection", "features": features}


def write(inputs: Inputs, ds: Dataset, root: Path, folder: Path, with_zip: bool = False) -> list[Path]:
    """Write the three files (and, with_zip, the package as a zip) of the package in `root` into
    `folder`, an empty folder of the caller's; the network is `inputs.network(ds)`."""
    sqlite.write(ds, folder / FILES[0])
    (folder / FILES[1]).write_text(json.dumps(to_geojson(ds), ensure_ascii=False, indent=1), encoding="utf-8")
    nx.write_gexf(inputs.network(ds), folder / FILES[2])
    (folder / FILES[3]).write_text(sqlite.readme(), encoding="utf-8")
    written = [folder / name for name in FILES]
    if with_zip:
        with zipfile.ZipFile(folder / "blackwork-data.zip", "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(Path(root).glob("*")):
                if path.is_file():
                    archive.write(path, f"blackwork-data/{path.name}")
        written.insert(0, folder / "blackwork-data.zip")
    return written


def export(inputs: Inputs, to: Path | None = None) -> list[Path]:
    """Validate the data, then write the three files into `to` (default: exports/); return their paths.
    inputs: what the files show and the build does not compute (the network)."""
    from ..evidence import load

    ds = load()
    to = Path(to) if to else paths.ROOT / "exports"
    to.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=to) as tmp:
        tmp = Path(tmp)
        write(inputs, ds, paths.data_dir(), tmp)
        for name in FILES:
            shutil.move(tmp / name, to / name)
    return [to / name for name in FILES]

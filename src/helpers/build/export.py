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

An export never destroys (`folder_for`): it refuses the data folder and any folder inside it (its files
would become part of the package), a file, a place it cannot write, and a folder holding files it did
not write, naming them; `--force` lets it overwrite its own file names there, and nothing else. What it
wrote it records beside them (`.blackwork-export.json`, each file's SHA-256), so it may write there again.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import networkx as nx
import pandas as pd

from ..core import paths
from ..core.errors import ParameterError
from ..data.dataset import Dataset
from . import sqlite
from .inputs import Inputs
from .store import alive, atomic_write, sha256_of

FILES = ("blackwork.sqlite", "places.geojson", "network.gexf", "README.md")
#: Beside the files of an export: the SHA-256 of each, so that the next export knows them for its own.
OWN = ".blackwork-export.json"
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
            for name in package_files(Path(root)):
                archive.write(Path(root) / name, f"blackwork-data/{name}")
        written.insert(0, folder / "blackwork-data.zip")
    return written


def package_files(root: Path) -> list[str]:
    """What the data zip holds: exactly the descriptor and the resources it names (sorted), so no
    dotfile, draft or stray file of the folder is published. The package was validated before (every
    resource a regular file inside the folder), so the names are safe here."""
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    return ["datapackage.json", *sorted(r["path"] for r in descriptor["resources"])]


class ExportRefused(ParameterError):
    """A --to folder an export does not write into; the message says why, in one sentence."""


def _own(folder: Path) -> dict[str, list[str]]:
    """What the exports into `folder` wrote: file name -> the SHA-256s it may have (`OWN`)."""
    try:
        files = json.loads((folder / OWN).read_text(encoding="utf-8"))["files"]
        return {name: [d for d in digests if isinstance(d, str)] for name, digests in files.items()
                if name in FILES and isinstance(digests, list)}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _foreign(folder: Path, default: bool) -> list[str]:
    """The names in `folder` that no export wrote: all but its record, its files as it left them (in the
    default exports/, its own file names also when an older export left no record) and the temporary
    folder of an export still running (one whose export died is removed)."""
    own, foreign = _own(folder), []
    for path in sorted(folder.iterdir()):
        running = re.fullmatch(r"\.blackwork-export-(\d+)-.*", path.name)
        if running and path.is_dir():
            if not alive(int(running[1])):
                shutil.rmtree(path, ignore_errors=True)
            continue
        ours = path.name == OWN or path.is_file() and (sha256_of(path) in own.get(path.name, [])
                                                       or default and not own and path.name in FILES)
        if not ours:
            foreign.append(path.name)
    return foreign


def _refuse_place(to: Path) -> None:
    """ExportRefused for the data folder or a folder inside it, a file, or a place that cannot be written."""
    where = to.resolve()
    for data in sorted({paths.data_dir().resolve(), (paths.ROOT / "data").resolve()}):
        if where == data or data in where.parents:
            raise ExportRefused(f"--to {to} is {'the data folder' if where == data else 'inside the data folder'} "
                                f"({data}); there the exports would become part of the data package (its checksum "
                                "and zip take every file in it): choose a folder outside it.")
    file = next((p for p in [where, *where.parents] if p.exists() and not p.is_dir()), None)
    if file is not None:
        what = f"--to {to} is a file" if file == where else f"--to {to} is inside {file}, which is a file"
        raise ExportRefused(f"{what}, not a folder; give a folder (it is made if missing).")
    try:
        to.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=to):
            pass
    except OSError as err:
        raise ExportRefused(f"--to {to} cannot be written ({err.strerror}); choose a folder you can write "
                            "to.") from None


def folder_for(to: Path | None, force: bool = False) -> Path:
    """The folder an export writes into (default: exports/), made if missing. ExportRefused, in one
    sentence, for the data folder or a folder inside it, a file, a place it cannot write, or a folder
    holding files no export wrote (named), unless `force`: then it overwrites its own file names there
    (`FILES`), and nothing else."""
    default = to is None
    to = Path(to) if to else paths.ROOT / "exports"
    _refuse_place(to)
    foreign = _foreign(to, default)
    if foreign and not force:
        names = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
        raise ExportRefused(f"--to {to} holds files this command did not write ({names}); choose an empty or new "
                            f"folder, or add --force to overwrite only its own file names there ({', '.join(FILES)}).")
    blocked = [name for name in FILES if (to / name).exists() and not (to / name).is_file()]
    if blocked:
        raise ExportRefused(f"--to {to} holds a folder named {blocked[0]}, a file this command writes; choose "
                            "another folder.")
    return to


def export(inputs: Inputs, to: Path | None = None, force: bool = False) -> list[Path]:
    """Validate the data, then write the three files into `to` (default: exports/; see `folder_for`
    for what it refuses); return their paths. inputs: what the files show and the build does not
    compute (the network)."""
    from ..evidence import load

    to = folder_for(to, force)
    ds = load()
    with tempfile.TemporaryDirectory(dir=to, prefix=f".blackwork-export-{os.getpid()}-") as tmp:
        tmp = Path(tmp)
        write(inputs, ds, paths.data_dir(), tmp)
        made = {name: sha256_of(tmp / name) for name in FILES}
        before = _own(to)  # while the files move, the record knows both: a kill leaves none unknown
        atomic_write(to / OWN, json.dumps({"files": {n: sorted({*before.get(n, []), made[n]}) for n in FILES}}))
        for name in FILES:
            os.replace(tmp / name, to / name)
        atomic_write(to / OWN, json.dumps({"files": {n: [made[n]] for n in FILES}}, indent=1))
    return [to / name for name in FILES]

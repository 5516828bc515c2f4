"""The explorer's figures fitted to JupyterLab's output area (`helpers.notebook.explorer`): `fit` sets a
figure's resolution so that it is at most the area's width, `narrowed` shows an inline PNG narrower without
drawing it again, and `plain_png` draws plain PNGs while the explorer draws (a 'retina' PNG paints four
times the pixels; the reports keep theirs)."""
from __future__ import annotations

import base64
import contextlib

from ..figures import style

#: The width of JupyterLab's output area beside a notebook (px): the explorer's figures fit in it.
OUTPUT_PX = 940


def fit(fig, px: int = OUTPUT_PX) -> float:
    """Set `fig` to a resolution that makes it, legends beside it included, at most `px` pixels wide
    (its text shrinks with it, as a report's does in its column); returns the resolution. The layout
    is measured without rasterising (`draw_without_rendering`): only the final drawing paints."""
    dpi = style.DPI
    for _ in range(2):  # text does not shrink quite in step with the resolution: measure again once
        fig.set_dpi(dpi)
        fig.draw_without_rendering()
        tight = fig.get_tightbbox(fig.canvas.get_renderer()).width + 0.2  # the 0.1 in pad of a saved tight box
        dpi = min(dpi, px / max(fig.get_figwidth(), tight))
    fig.set_dpi(dpi)
    return dpi


def titles(fig) -> list[str]:
    """A figure's title and its axes' titles, in order (what the explorer reports it drew)."""
    found = [fig._suptitle.get_text()] if getattr(fig, "_suptitle", None) is not None else []
    return [t for t in found + [ax.get_title() for ax in fig.axes] if t]


def fitted_show(show, drawn: list | None = None, before: frozenset = frozenset(), fitting: bool = True):
    """`plt.show` that first fits every figure opened since `before` (figure numbers) to the output
    area (`fit`; not if `fitting` is false), and adds the figures to `drawn`."""
    import matplotlib.pyplot as plt

    def fitted(*args, **kwargs):
        for number in plt.get_fignums():
            if number not in before:
                fig = plt.figure(number)
                if fitting:
                    fit(fig)
                if drawn is not None and fig not in drawn:
                    drawn.append(fig)
        return show(*args, **kwargs)
    return fitted


def _png_size(data) -> dict:
    """A plain PNG's width and height in pixels, from its header (`data` as bytes or base64 text); {} if
    it is no PNG."""
    raw = data if isinstance(data, bytes) else base64.b64decode(str(data)[:64] + "=" * (-len(str(data)[:64]) % 4))
    if raw[:8] != b"\x89PNG\r\n\x1a\n" or len(raw) < 24:
        return {}
    return {"width": int.from_bytes(raw[16:20], "big"), "height": int.from_bytes(raw[20:24], "big")}


@contextlib.contextmanager
def plain_png():
    """Inline figures as plain PNGs while the explorer draws: a redraw is for looking, and a 'retina' PNG
    paints four times the pixels (the reports keep theirs: `style.use`)."""
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:  # pragma: no cover - comes with every notebook kernel
        yield
        return
    set_matplotlib_formats("png")
    try:
        yield
    finally:
        set_matplotlib_formats("retina")


def narrowed(output: dict, px: int = OUTPUT_PX) -> dict:
    """An inline figure's output shown at most `px` pixels wide: its width and height scaled down
    together, as `fit` would draw it, without drawing it again. The explorer's plain PNGs (`plain_png`)
    carry no size: it is read from the PNG's header and written into the metadata."""
    if "image/png" not in output.get("data", {}):
        return output
    size = output.get("metadata", {}).get("image/png", {})
    if not size:  # a plain PNG: its size from its header, said in the metadata as a retina PNG's is
        size = _png_size(output["data"]["image/png"])
        output = {**output, "metadata": {**output.get("metadata", {}), "image/png": size}} if size else output
    if not size.get("width") or size["width"] <= px:
        return output
    scale = px / size["width"]
    shown = {**size, "width": px, **({"height": int(size["height"] * scale)} if size.get("height") else {})}
    return {**output, "metadata": {**output["metadata"], "image/png": shown}}

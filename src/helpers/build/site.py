"""The report site: executed notebooks, a landing page and a people register, made into one site by
Sphinx with MyST-NB (it renders notebooks as they were executed, never runs them again) and
sphinx-book-theme (sidebar, contents, local search, dark mode, print styles). Nothing on a page
comes from another host.

The site's sources live in a folder kept between builds (`Site.src`). A source is written only when
its bytes change, so Sphinx reads again only the pages that changed; when no source changed at all,
Sphinx is not started. Sphinx runs in a child process (`python -m helpers.build.site`): its warnings go
to `Site.log`, and a build that warns fails with them, so a broken page is never published quietly.

Every person's canonical name (and a surname no one else has) in a page's text links to that
person's dossier (`link_names`, run on each page's body as Sphinx writes it).
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..core import paths
from .pages import surname
from .store import atomic_write

ASSETS = paths.TEMPLATES / "site"
#: Elements whose text never becomes a link: links themselves, code, scripts, headings and labels.
NO_LINKS = ("a", "script", "style", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "title", "button",
            "label", "textarea", "select", "option", "figcaption", "svg")
#: Sphinx settings (no conf.py: the site is configured here). Search, sidebar and dark mode are the
#: book theme's own; MathJax points at a local name, as no page has mathematics and the default is a CDN.
CONF = {
    "project": "blackwork",
    "author": "the blackwork project",
    "html_title": "blackwork",
    "extensions": ["myst_nb", "helpers.build.site"],
    "html_theme": "sphinx_book_theme",
    "nb_execution_mode": "off",
    "nb_remove_code_source": True,
    "nb_merge_streams": True,
    "myst_enable_extensions": [],
    "html_copy_source": False,
    "html_show_sourcelink": False,
    "html_static_path": [str(ASSETS)],
    "html_css_files": ["blackwork.css"],
    "html_js_files": ["register.js"],
    "html_theme_options": {"show_toc_level": 2, "use_download_button": False, "use_fullscreen_button": False,
                           "home_page_in_toc": True},
    "html_context": {"default_mode": "auto"},  # the theme's own default, said: else it logs an error on a first visit
    "html_last_updated_fmt": None,
    "mathjax_path": "no-mathjax.js",  # a local name: nothing ever loads MathJax from a CDN
    "suppress_warnings": ["mystnb.unknown_mime_type"],
}


@dataclass
class Page:
    """One page of the site: an executed notebook (`docname` such as '01-purge-cadence' or
    'dossiers/nikolai-yezhov') with the title its sidebar entry and <title> show."""

    docname: str
    title: str
    notebook: dict  # nbformat 4, as read


@dataclass
class Site:
    """The folders of a site kept between builds: sources, Sphinx's doctrees, the HTML, the log."""

    root: Path

    @property
    def src(self) -> Path:
        return self.root / "src"

    @property
    def html(self) -> Path:
        return self.root / "html"

    @property
    def doctrees(self) -> Path:
        return self.root / "doctrees"

    @property
    def log(self) -> Path:
        return self.root / "sphinx.log"

    @property
    def stamp(self) -> Path:
        """The digest of the sources the HTML was last built from."""
        return self.root / "built-from"


# ---- names become links -----------------------------------------------------------------------

def link_targets(people: list[tuple[str, str]]) -> dict[str, str]:
    """Text -> docname for each person (docname, name): the full name, and the surname when it is the
    surname of no one else here and at least four letters long (so 'Yezhov' links, 'Li' never does)."""
    targets = {name: doc for doc, name in people if name.strip()}
    counts: dict[str, int] = {}
    for _, name in people:
        counts[surname(name)] = counts.get(surname(name), 0) + 1
    for doc, name in people:
        last = surname(name)
        if counts[last] == 1 and len(last) >= 4 and last != name and last not in targets:
            targets[last] = doc
    return targets


_TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)


def link_names(body: str, targets: dict[str, str], href, own: str = "") -> str:
    """`body` (HTML) with each text occurrence of a key of `targets` made a link to `href(docname)`.

    Only text is touched, never a tag or an attribute, and never text inside NO_LINKS elements; the
    page's own person (`own`, a docname) is not linked to itself. Longer names win over shorter ones
    ('Lev Sedov' before 'Sedov'); a name must stand as a whole word."""
    wanted = {text: doc for text, doc in targets.items() if doc != own}
    if not wanted:
        return body
    escaped = sorted((html.escape(t, quote=False) for t in wanted), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, escaped)) + r")(?![\w-])")
    by_escaped = {html.escape(t, quote=False): doc for t, doc in wanted.items()}
    out: list[str] = []
    stack: list[str] = []  # the NO_LINKS elements the text is inside
    for part in _TOKEN.split(body):
        if not part:
            continue
        if part.startswith("<"):
            m = re.match(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)", part)
            if m and m.group(2).lower() in NO_LINKS and not part.endswith("/>"):
                if m.group(1):
                    if stack and stack[-1] == m.group(2).lower():
                        stack.pop()
                else:
                    stack.append(m.group(2).lower())
            out.append(part)
        elif stack:
            out.append(part)
        else:
            out.append(pattern.sub(lambda m: f'<a class="person" href="{href(by_escaped[m.group(1)])}">{m.group(1)}</a>',
                                   part))
    return "".join(out)


# ---- the sources ------------------------------------------------------------------------------

def _write(path: Path, text: str) -> bool:
    """Write `text` to `path` (whole or not at all) unless it already holds exactly that; True if it was written."""
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    atomic_write(path, data)
    return True


def _md(text: str) -> str:
    """Text from a notebook or the data, safe in MyST markdown: no raw HTML, no line breaks."""
    return " ".join(str(text).replace("<", "&lt;").split())


def _md_literal(text: str) -> str:
    """Text from the data (a name) shown as written in MyST markdown: markup characters escaped."""
    return re.sub(r"([\\`*_\[\]{}#|!])", r"\\\1", _md(text).replace("&", "&amp;").replace("&amp;lt;", "&lt;"))


def retitle(nb: dict, title: str) -> dict:
    """A copy of the notebook with `title` as its first heading (the first markdown cell's; one is
    added when it has none): the page's title, its sidebar entry and its <title>. A dossier's
    notebook says '# Dossier' there; its page says the person's name."""
    nb = json.loads(json.dumps(nb))
    heading = f"# {_md_literal(title)}"
    first = next((c for c in nb["cells"] if c["cell_type"] == "markdown"), None)
    if first is None:
        nb["cells"].insert(0, {"cell_type": "markdown", "id": "title", "metadata": {}, "source": heading})
    else:
        source = "".join(first["source"]) if isinstance(first["source"], list) else first["source"]
        if re.match(r"\s*# ", source):
            first["source"] = re.sub(r"\A\s*# [^\n]*", lambda _: heading, source, count=1)
        else:
            first["source"] = heading + "\n\n" + source
    return nb


def _titled(nb: dict, title: str) -> str:
    """The notebook as text (nbformat 4's layout), retitled."""
    return json.dumps(retitle(nb, title), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def write_sources(site: Site, pages: list[Page], texts: dict[str, str]) -> bool:
    """Write the site's sources: each page as a notebook, each of `texts` (docname -> MyST markdown)
    as a page. Removes sources of pages no longer in the site. True if any source changed."""
    wanted: dict[Path, str] = {}
    for page in pages:
        wanted[site.src / f"{page.docname}.ipynb"] = _titled(page.notebook, page.title)
    for docname, text in texts.items():
        wanted[site.src / f"{docname}.md"] = text
    changed = False
    for path, text in wanted.items():
        changed |= _write(path, text)
    if site.src.is_dir():
        for path in list(site.src.rglob("*")):
            if path.is_file() and path not in wanted:
                path.unlink()
                changed = True
    return changed


def digest(folder: Path) -> str:
    """A digest of every file under `folder` and of the site's own assets: what the HTML was built from."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    h.update(assets_digest().encode())
    return h.hexdigest()


def assets_digest() -> str:
    """A digest of the site's stylesheet and script (templates/site/): a change to them alone rebuilds
    the site, and runs no report again."""
    h = hashlib.sha256()
    for path in sorted(ASSETS.iterdir()):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


class SiteError(RuntimeError):
    """Sphinx failed or warned; the message names the log with its warnings."""


def alt_texts(nb: dict) -> dict[str, str]:
    """Each figure's alt text (`execute.describe_figures` puts it in the output's metadata) by the
    SHA-256 of its PNG, the name MyST-NB gives the image file: MyST-NB reads no alt from outputs."""
    out = {}
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            alt = output.get("metadata", {}).get("image/png", {}).get("alt")
            if png and alt:
                out[hashlib.sha256(base64.b64decode("".join(png))).hexdigest()] = alt
    return out


def start(site: Site) -> subprocess.Popen:
    """Start the Sphinx child ahead of `build`: it imports Sphinx, MyST-NB and the theme (a second
    or two) while the reports run, then waits for `build` to say go (or for its stdin to close). It ends
    when this process is gone, even one killed with SIGKILL (`kernels.die_with`)."""
    from .kernels import started

    return subprocess.Popen([sys.executable, "-m", "helpers.build.site", str(site.root), str(os.getpid()),
                             str(started(os.getpid()))], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def build(site: Site, people: dict[str, str], alts: dict[str, str] | None = None, with_code: bool = False,
          jobs: int = 1, child: subprocess.Popen | None = None) -> bool:
    """Build the HTML from the sources when they or the settings changed since the last build; True
    if Sphinx ran. `people`: text -> docname of every name that links to a dossier; `alts`: alt text
    by image (`alt_texts`); `with_code` shows the code cells; `child`: a Sphinx child from `start`
    (else one is started here)."""
    site.root.mkdir(parents=True, exist_ok=True)
    settings = {"people": people, "alts": alts or {}, "with_code": with_code}
    atomic_write(site.root / "settings.json", json.dumps(settings, ensure_ascii=False, sort_keys=True))
    current = digest(site.src) + hashlib.sha256((site.root / "settings.json").read_bytes()).hexdigest()
    if site.html.joinpath("index.html").exists() and site.stamp.exists() and site.stamp.read_text() == current:
        if child is not None:
            child.communicate("")  # nothing to build: it ends
        return False
    child = child or start(site)
    out, err = child.communicate(f"build {jobs}\n")
    atomic_write(site.log, out + err)
    warned = [line for line in (out + err).splitlines() if line.strip()]
    if child.returncode or warned:
        first = warned[0] if warned else f"exit code {child.returncode}"
        raise SiteError(f"the site did not build cleanly ({len(warned)} warning lines, the first: {first[:300]}); "
                        f"see {site.log}")
    atomic_write(site.stamp, current)
    return True


# ---- Sphinx: the extension and the child process ----------------------------------------------

def _finish_page(app, pagename, templatename, context, doctree) -> None:
    """Escape the print heading (sphinx-book-theme puts the title's raw text there: a name from the
    data could become markup), link the names in the body and frame its tables (`framed`)."""
    if "pagetitle" in context:
        context["pagetitle"] = html.escape(context["pagetitle"])
    if "body" not in context:
        return
    targets = app.config.blackwork_people
    context["body"] = framed(link_names(context["body"], targets,
                                        lambda doc: app.builder.get_relative_uri(pagename, doc), own=pagename))


_TABLE = re.compile(r'<table\b[^>]*\bclass="dataframe"[^>]*>.*?</table>', re.S)


def framed(body: str) -> str:
    """Each report table in a frame that scrolls sideways inside the column, shadowed at an edge that
    hides columns (blackwork.css), rather than running past the column or the screen."""
    return _TABLE.sub(lambda m: f'<div class="table-frame">{m.group(0)}</div>', body)


def _describe_images(app, doctree, docname) -> None:
    from docutils import nodes

    for image in doctree.findall(nodes.image):
        alt = app.config.blackwork_alts.get(Path(image["uri"]).stem)
        if alt:
            image["alt"] = alt


#: The longest text of one page that the search's excerpts are taken from (characters).
SEARCH_TEXT_LIMIT = 60_000
_TAG, _SPACE = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S), re.compile(r"\s+")
#: A claim's card (`cards.card`, a popover: no div inside it): its rows, ids and SQL are no excerpt.
_CARD = re.compile(r"<div\b[^>]*\bpopover\b[^>]*>.*?</div>", re.S)


def section_texts(doctree, limit: int = SEARCH_TEXT_LIMIT) -> list[list[str]]:
    """A page's text for the search's excerpts: [section id, its own text] per section, in order,
    the HTML of notebook outputs reduced to its text without the claims' cards (their row ids and SQL are
    for the card, not an excerpt), at most `limit` characters in all."""
    from docutils import nodes

    out, size = [], 0
    for section in doctree.findall(nodes.section):
        parts = []
        for node in section.children:
            if isinstance(node, nodes.section):
                continue
            for leaf in node.findall(nodes.Text):
                parent = leaf.parent
                raw = isinstance(parent, nodes.raw) and parent.get("format") == "html"
                parts.append(html.unescape(_TAG.sub(" ", _CARD.sub(" ", str(leaf)))) if raw else str(leaf))
        text = _SPACE.sub(" ", " ".join(parts)).strip()[:max(0, limit - size)]
        size += len(text)
        if section["ids"]:
            out.append([section["ids"][0], text])
    return out


def _search_texts(app, exception) -> None:
    """Write _static/search-texts.js: each page's text by section, which search-offline.js gives the
    search in place of the pages it cannot fetch when the site is opened from the disk (file://)."""
    if exception is not None or app.builder.name != "html":
        return
    texts = {doc: section_texts(app.env.get_doctree(doc)) for doc in sorted(app.env.found_docs)}
    static = Path(app.outdir) / "_static"
    static.mkdir(exist_ok=True)
    _write(static / "search-texts.js", "window.BLACKWORK_TEXTS = " + json.dumps(texts, ensure_ascii=False) + ";\n")


def _search_page(app, pagename, templatename, context, doctree) -> None:
    """The search page (only) loads the pages' texts and the script that serves them as excerpts."""
    if pagename == "search":
        app.add_js_file("search-texts.js")
        app.add_js_file("search-offline.js")


def setup(app):
    """The Sphinx extension (named in CONF): each figure gets its alt text, names in page bodies
    become links to dossiers, and the search shows excerpts when the site is opened from the disk."""
    app.add_config_value("blackwork_people", {}, "html")
    app.add_config_value("blackwork_alts", {}, "html")
    app.connect("doctree-resolved", _describe_images)
    app.connect("html-page-context", _finish_page, priority=900)  # after the theme's own handler
    app.connect("html-page-context", _search_page)
    app.connect("build-finished", _search_texts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def _sphinx(root: Path) -> int:
    """The child: import what the build needs, wait for 'build JOBS' on stdin, build. It ends as soon as
    its build is gone (the pid and start time on its command line)."""
    from .kernels import die_with

    if len(sys.argv) > 3:
        die_with(int(sys.argv[2]), None if sys.argv[3] == "None" else sys.argv[3])
    import myst_nb.sphinx_ext  # noqa: F401  (imported now, while the parent's reports run)
    import sphinx_book_theme  # noqa: F401
    from sphinx.application import Sphinx

    order = sys.stdin.readline().split()
    if not order:
        return 0  # the parent needs no build
    jobs = int(order[1])
    site = Site(root)
    settings = json.loads((root / "settings.json").read_text(encoding="utf-8"))
    conf = {**CONF, "blackwork_people": settings["people"], "blackwork_alts": settings["alts"],
            "nb_remove_code_source": not settings["with_code"]}
    app = Sphinx(str(site.src), None, str(site.html), str(site.doctrees), "html", confoverrides=conf,
                 status=None, warning=sys.stderr,
                 freshenv=False, parallel=jobs)
    app.build()
    return app.statuscode


if __name__ == "__main__":
    sys.exit(_sphinx(Path(sys.argv[1])))

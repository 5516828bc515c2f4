"""The shape of the code: the layers of `helpers` as an import contract (pyproject.toml, checked by
import-linter), no cycle among its modules, no colour outside `style`, small modules and functions,
and thin notebooks (docs/layout.md, docs/layers.md)."""
from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import networkx as nx
import nbformat
import pytest

from helpers import params, paths

SRC = paths.ROOT / "src" / "helpers"
LINT = Path(sys.executable).parent / "lint-imports"
HEX = re.compile(r"""["'][^"'\n]*#[0-9a-fA-F]{6}\b""")
MAX_MODULE, MAX_FUNCTION, MAX_CELL = 600, 60, 12


def _lint(root: Path, pythonpath: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    return subprocess.run([str(LINT), "--no-cache", "--no-logo", str(root / "pyproject.toml")], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_layers_contract_holds():
    done = _lint(paths.ROOT, paths.ROOT / "src")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 kept, 0 broken" in done.stdout


def test_a_wrong_way_import_breaks_it_and_names_the_line(tmp_path):
    shutil.copytree(SRC, tmp_path / "src" / "helpers", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(paths.ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    dates = tmp_path / "src" / "helpers" / "core" / "dates.py"
    lines = dates.read_text(encoding="utf-8").splitlines()
    lines.append("from ..figures import style  # the wrong way: core may import nothing of the project")
    dates.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = _lint(tmp_path, tmp_path / "src")
    assert done.returncode == 1
    assert f"helpers.core.dates -> helpers.figures.style (l.{len(lines)})" in done.stdout
    assert "BROKEN" in done.stdout


def test_no_cycle_among_the_modules_counting_imports_inside_functions():
    graph = grimp.build_graph("helpers", exclude_type_checking_imports=True)
    g = nx.DiGraph()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if imported.startswith("helpers") and not module.startswith(imported + "."):  # a package's own parts
                g.add_edge(module, imported)
    cycles = list(nx.simple_cycles(g))
    assert not cycles, f"modules that import each other: {cycles[:3]}"


def _python_files():
    return sorted(p for p in SRC.rglob("*.py") if "__pycache__" not in p.parts)


def test_no_colour_is_written_outside_style():
    found = [f"{p.relative_to(paths.ROOT)}:{i}" for p in _python_files() if p.name != "style.py" or p.parent.name != "figures"
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if HEX.search(line)]
    for name in params.catalogue():
        nb = nbformat.read(paths.NOTEBOOKS / f"{name}.ipynb", as_version=4)
        found += [f"notebooks/{name}.ipynb cell {i}" for i, c in enumerate(nb.cells)
                  if c.cell_type == "code" and HEX.search(c.source)]
    assert not found, f"hex colours outside figures/style.py: {found}"


def test_a_wrong_colour_would_be_found():
    assert HEX.search('ax.plot(x, color="#b23a48")') and HEX.search("bbox={'fc': '#fff', 'ec': '#333333'}")
    assert not HEX.search("# a comment about cell #12") and not HEX.search('"see ¶3"')


def _exceptions(tree: ast.Module) -> str:
    doc = ast.get_docstring(tree) or ""
    return doc if re.search(rf"longer than {MAX_FUNCTION} lines", doc, re.I) else ""


def test_modules_and_functions_are_small():
    too_long = []
    for p in _python_files():
        text = p.read_text(encoding="utf-8")
        if len(text.splitlines()) > MAX_MODULE:
            too_long.append(f"{p.relative_to(SRC)}: {len(text.splitlines())} lines")
        tree = ast.parse(text)
        allowed = _exceptions(tree)
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                size = node.end_lineno - node.lineno + 1
                if size > MAX_FUNCTION and f"`{node.name}`" not in allowed:
                    too_long.append(f"{p.relative_to(SRC)}:{node.lineno} {node.name}: {size} lines")
    assert not too_long, too_long


@pytest.mark.parametrize("name", params.catalogue())
def test_notebooks_are_thin(name):
    nb = nbformat.read(paths.NOTEBOOKS / f"{name}.ipynb", as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        source = cell.source
        assert len(source.splitlines()) <= MAX_CELL, f"cell {i} has {len(source.splitlines())} lines"
        assert "Markdown(" not in source, f"cell {i} writes its own Markdown: its sentences belong in helpers.captions"
        sentences = [s for s in re.findall(r'f"([^"]*)"', source) if re.search(r"\.\s|\.$", s)]
        assert not sentences, f"cell {i} builds a sentence: {sentences[0]!r}"

"""The corpus of broken data packages: each gives its exact list of problems, never a traceback.

Every case breaks a copy of the mini package (tests/fixtures/mini with the real descriptor) in one
way and lists, by hand, every problem `helpers.load` must report: the whole list, so that a broken
column or file that also sets off a false problem (or a crash) elsewhere fails the test.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import helpers
from conftest import problems_of, read_rows, write_rows

BLACKWORK = str(Path(sys.executable).with_name("blackwork"))

#: The 14 tables of the package and their files, in the descriptor's order.
TABLES = ("sources", "sections", "organisations", "people", "aliases", "positions", "operations", "events",
          "roles", "org_roles", "accounts", "tallies", "attestations", "convictions_by_year")


def drop_column(root: Path, file: str, column: str) -> None:
    rows = read_rows(root / file)
    i = rows[0].index(column)
    write_rows(root / file, [row[:i] + row[i + 1:] for row in rows])


def edit_descriptor(root: Path, change) -> None:
    """Apply `change` to the descriptor (a dict, and a resource by name) and save it."""
    path = root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))

    def resource(name):
        return next(r for r in descriptor["resources"] if r["name"] == name)

    def fld(table, name):
        return next(f for f in resource(table)["schema"]["fields"] if f["name"] == name)

    change(descriptor, resource, fld)
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False), encoding="utf-8")


# ---- a missing column: the one problem, whatever rule reads that column -------------------------------

#: Every column a rule or a typed view reads (ids, keys, dates, flags, counts), and a plain one per table.
MISSING = [
    ("sources.csv", "source_id"), ("sources.csv", "title"),
    ("sections.csv", "source_id"), ("sections.csv", "section"), ("sections.csv", "paragraphs"),
    ("organisations.csv", "org_id"), ("organisations.csv", "founded"), ("organisations.csv", "calendar"),
    ("people.csv", "person_id"), ("people.csv", "name"), ("people.csv", "born"), ("people.csv", "born_source_id"),
    ("people.csv", "born_locator"), ("people.csv", "calendar"),
    ("aliases.csv", "person_id"), ("aliases.csv", "alias"),
    ("positions.csv", "position_id"), ("positions.csv", "post"), ("positions.csv", "start"),
    ("positions.csv", "end"), ("positions.csv", "acting"), ("positions.csv", "source_id"),
    ("operations.csv", "operation_id"), ("operations.csv", "date"),
    ("events.csv", "event_id"), ("events.csv", "date"), ("events.csv", "type"), ("events.csv", "operation_id"),
    ("events.csv", "source_id"), ("events.csv", "locator"), ("events.csv", "deaths_qualifier"),
    ("roles.csv", "event_id"), ("roles.csv", "person_id"), ("roles.csv", "role"),
    ("org_roles.csv", "org_id"),
    ("accounts.csv", "event_id"), ("accounts.csv", "claim"),
    ("tallies.csv", "tally_id"), ("tallies.csv", "best"), ("tallies.csv", "qualifier"), ("tallies.csv", "part_of"),
    ("attestations.csv", "event_id"), ("attestations.csv", "position_id"), ("attestations.csv", "person_id"),
    ("attestations.csv", "field"), ("attestations.csv", "agrees"), ("attestations.csv", "note"),
    ("convictions_by_year.csv", "year"),
]


@pytest.mark.parametrize("file, column", MISSING, ids=[f"{f}-{c}" for f, c in MISSING])
def test_a_missing_column_is_the_one_problem(mini, file, column):
    drop_column(mini, file, column)
    assert problems_of(mini) == [f"{file}:1:{column}: column is missing"]


def test_every_table_with_an_extra_column(mini):
    for table in TABLES:
        rows = read_rows(mini / f"{table}.csv")
        write_rows(mini / f"{table}.csv", [row + (["faction"] if i == 0 else ["x"]) for i, row in enumerate(rows)])
    assert problems_of(mini) == [f"{t}.csv:1:faction: column is not in datapackage.json; remove or rename it"
                                 for t in sorted(TABLES)]


def test_every_table_with_its_columns_in_another_order(mini):
    expected = []
    for table in TABLES:
        rows = read_rows(mini / f"{table}.csv")
        expected.append(f"{table}.csv:1:: columns are out of order; use the order of datapackage.json: "
                        + ",".join(rows[0]))
        write_rows(mini / f"{table}.csv", [[row[1], row[0], *row[2:]] for row in rows])
    assert problems_of(mini) == sorted(expected)


def test_a_column_named_twice(mini):
    rows = read_rows(mini / "roles.csv")   # event_id,person_id,role,certainty,note
    write_rows(mini / "roles.csv", [row + [row[0]] for row in rows])
    assert problems_of(mini) == ["roles.csv:1:event_id: a column name appears twice"]


def test_a_column_with_a_blank_name(mini):
    rows = read_rows(mini / "events.csv")
    write_rows(mini / "events.csv", [row + [""] for row in rows])
    assert problems_of(mini) == ["events.csv:1:(blank): column is not in datapackage.json; remove or rename it"]


# ---- a table that cannot be read -------------------------------------------------------------------

def test_a_csv_that_is_a_folder(mini):
    (mini / "events.csv").unlink()
    (mini / "events.csv").mkdir()
    assert problems_of(mini) == ["events.csv::: is a folder, not a CSV file"]


def test_a_csv_that_cannot_be_read(mini, monkeypatch):
    """A read that fails (EIO; root reads even a chmod 000 file) is one problem naming the file."""
    import errno
    import pathlib

    real = pathlib.Path.read_bytes

    def failing(path):
        if path.name == "roles.csv":
            raise OSError(errno.EIO, "Input/output error")
        return real(path)

    monkeypatch.setattr(pathlib.Path, "read_bytes", failing)
    assert problems_of(mini) == ["roles.csv::: cannot be read (Input/output error)"]


@pytest.mark.parametrize("target", ["/etc/passwd", "/proc/self/environ", "/proc/self/mem", "../outside.csv"])
def test_a_csv_that_is_a_link_is_never_opened(mini, target, capsys):
    """The package is a closed box: a table that is a link (to a secret of the machine, or out of the
    folder) is refused unopened, so nothing of it reaches the output (the environment in a CI log)."""
    (mini / "roles.csv").unlink()
    (mini / "roles.csv").symlink_to(target)
    problems = problems_of(mini)
    assert problems == ["roles.csv::: is a link; a table must be a regular file inside the package's folder "
                        "(copy the file there)"]
    assert "root:" not in " ".join(problems) and "PATH=" not in " ".join(problems)


def test_a_csv_that_is_a_pipe(mini):
    """A pipe would block a reader until something writes to it: it is refused unopened. Checked on
    `read_package` itself, since the load cache (helpers.data.cache.key) reads the files first."""
    import os

    from helpers.data import package

    (mini / "tallies.csv").unlink()
    os.mkfifo(mini / "tallies.csv")
    assert [str(p) for p in package.read_package(mini).problems] == [
        "tallies.csv::: is not a regular file (a pipe or a device?); save the table as a CSV file"]


def test_a_csv_without_permission(mini, monkeypatch):
    """Permission denied, simulated: the tests may run as root, whom file modes do not stop."""
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "people.csv":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert problems_of(mini) == ["people.csv::: cannot be read (Permission denied)"]


def test_a_csv_that_links_to_nothing(mini):
    (mini / "aliases.csv").unlink()
    (mini / "aliases.csv").symlink_to(mini / "nowhere.csv")
    assert problems_of(mini) == ["aliases.csv::: is a link; a table must be a regular file inside the package's folder "
                                 "(copy the file there)"]


def test_a_header_with_no_rows_sets_off_nothing_else(mini):
    """events.csv with no rows: the ids other tables cite are gone, but the empty table is the one fix."""
    write_rows(mini / "events.csv", read_rows(mini / "events.csv")[:1])
    assert problems_of(mini) == ["events.csv::: has a header but no rows"]


# ---- a descriptor that is not JSON, or not a package ---------------------------------------------

def test_a_descriptor_that_is_not_json(mini):
    path = mini / "datapackage.json"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[1] == '  "name": "blackwork",'
    lines[1] = '  "name": "blackwork"'                     # the comma before line 3's "title" is gone
    path.write_text("\n".join(lines), encoding="utf-8")
    assert problems_of(mini) == ["datapackage.json:3:: is not valid JSON: Expecting ',' delimiter (line 3, column 3)"]


DESCRIPTORS = [
    ("", "datapackage.json:1:: is not valid JSON: Expecting value (line 1, column 1)"),
    ('{"resources": []} x', "datapackage.json:1:: is not valid JSON: Extra data (line 1, column 19)"),
    ("[]", 'datapackage.json::: is not a JSON object; it must be {"resources": [...], ...}'),
    ('{"name": "blackwork"}', "datapackage.json::resources: is missing or empty; list the package's tables"),
    ('{"resources": {}}', "datapackage.json::resources: is missing or empty; list the package's tables"),
]


@pytest.mark.parametrize("text, message", DESCRIPTORS, ids=["empty", "extra-data", "a-list", "no-resources",
                                                            "resources-not-a-list"])
def test_a_descriptor_that_is_not_a_package(mini, text, message):
    (mini / "datapackage.json").write_text(text, encoding="utf-8")
    assert problems_of(mini) == [message]


def test_a_descriptor_that_is_not_utf8(mini):
    path = mini / "datapackage.json"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.replace("Blackwork", "Bl\xe4ckwork").encode("latin-1"))   # "title" is on line 3
    assert problems_of(mini) == ["datapackage.json:3:: is not UTF-8 text (byte 0xe4); save the file as UTF-8"]


def test_a_descriptor_that_is_a_folder(mini):
    (mini / "datapackage.json").unlink()
    (mini / "datapackage.json").mkdir()
    assert problems_of(mini) == ["datapackage.json::: is a folder, not a file; it must be the package's JSON descriptor"]


def test_no_descriptor_at_all(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"no data package here \(datapackage.json is missing\)$"):
        helpers.load(tmp_path)


# ---- a descriptor whose resources or schemas are malformed ----------------------------------------

def _drop_resource(name):
    return lambda d, res, fld: d["resources"].remove(res(name))


def _set(table, key, value):
    return lambda d, res, fld: res(table).__setitem__(key, value)


def _del(table, key):
    return lambda d, res, fld: res(table).pop(key)


def _del_schema_key(table, key):
    return lambda d, res, fld: res(table)["schema"].pop(key)


def _field_set(table, name, key, value):
    return lambda d, res, fld: fld(table, name).__setitem__(key, value)


def _field_del(table, name, key):
    return lambda d, res, fld: fld(table, name).pop(key)


def _nine_groups(d, res, fld):
    """Every type in a group, but nine groups: one per each of the first eight types, one for the rest."""
    types = fld("events", "type")["constraints"]["enum"]
    fld("events", "type")["groups"] = {**{t: [t] for t in types[:8]}, "the rest": types[8:]}


def _constraint(table, name, key, value):
    return lambda d, res, fld: fld(table, name)["constraints"].__setitem__(key, value)


def _duplicate(table):
    return lambda d, res, fld: d["resources"].append(dict(res(table)))


SCHEMAS = {
    "events-resource-missing": (_drop_resource("events"), [
        "datapackage.json::events: resource is missing; the package needs a table events (events.csv)"]),
    "sources-resource-missing": (_drop_resource("sources"), [
        "datapackage.json::sources: resource is missing; the package needs a table sources (sources.csv)"]),
    "a-file-that-is-not-there": (_set("roles", "path", "role.csv"), ["role.csv::: file is missing"]),
    "a-path-outside-the-folder": (_set("roles", "path", "../roles.csv"), [
        "datapackage.json::roles: path '../roles.csv' must name a file inside the package's folder"]),
    "an-absolute-path": (_set("roles", "path", "/etc/passwd"), [
        "datapackage.json::roles: path '/etc/passwd' must name a file inside the package's folder"]),
    "no-path": (_del("roles", "path"), ["datapackage.json::roles: resource has no path; give the name of its CSV file"]),
    "no-name": (_del("roles", "name"), [
        "datapackage.json::resources[8]: resource has no name",
        "datapackage.json::roles: resource is missing; the package needs a table roles (roles.csv)"]),
    "two-resources-named-alike": (_duplicate("aliases"), [   # said of each, listed once
        "datapackage.json::aliases: two resources have this name"]),
    "no-schema": (_del("events", "schema"), [
        "datapackage.json::events: resource has no schema; give one with its fields"]),
    "no-fields": (_del_schema_key("events", "fields"), [
        "datapackage.json::events: schema has no fields; list each column with its name and type"]),
    "empty-fields": (lambda d, res, fld: res("tallies")["schema"].__setitem__("fields", []), [
        "datapackage.json::tallies: schema has no fields; list each column with its name and type"]),
    "a-field-without-a-name": (_field_del("aliases", "kind", "name"), [
        "datapackage.json::aliases.fields[2]: field has no name"]),
    "a-field-without-a-type": (_field_del("events", "title", "type"), [
        "datapackage.json::events.title: has no type; give one of string, integer, number, boolean"]),
    "an-unknown-type": (_field_set("events", "date", "type", "date"), [
        "datapackage.json::events.date: type 'date' is not one this package reads (string, integer, number, boolean)"]),
    "a-field-named-twice": (lambda d, res, fld: res("roles")["schema"]["fields"].append(dict(fld("roles", "note"))), [
        "datapackage.json::roles.note: field is named twice in the schema"]),
    "a-pattern-that-is-not-a-regex": (_constraint("sources", "source_id", "pattern", "^[a-z"), [
        "datapackage.json::sources.source_id: constraints.pattern '^[a-z' is not a regular expression "
        "(unterminated character set at position 1)"]),
    "an-enum-that-is-not-a-list": (_constraint("roles", "role", "enum", "subject"), [
        "datapackage.json::roles.role: constraints.enum must be a list of texts"]),
    "a-maxlength-that-is-not-a-number": (_constraint("events", "summary", "maxLength", "1000"), [
        "datapackage.json::events.summary: constraints.maxLength must be a whole number, not '1000'"]),
    "constraints-not-an-object": (_field_set("events", "title", "constraints", ["required"]), [
        "datapackage.json::events.title: constraints must be a JSON object"]),
    "a-primary-key-naming-no-field": (lambda d, res, fld: res("roles")["schema"].__setitem__("primaryKey", ["event"]), [
        "datapackage.json::roles.primaryKey: names 'event', which is not a field of roles"]),
    "a-foreign-key-without-a-reference": (
        lambda d, res, fld: res("roles")["schema"]["foreignKeys"][0].pop("reference"), [
            "datapackage.json::roles.foreignKeys: each must give fields and a reference with a resource and as many fields"]),
    "a-foreign-key-to-no-resource": (
        lambda d, res, fld: res("roles")["schema"]["foreignKeys"][0]["reference"].__setitem__("resource", "event"), [
            "datapackage.json::roles.foreignKeys: refers to resource 'event', which is not in the package"]),
    "no-violent-list": (_field_del("events", "method", "violent"), [
        "datapackage.json::events.method: needs violent, a list of texts: the reports read it from here"]),
    "no-event-groups": (_field_del("events", "type", "groups"), [
        "datapackage.json::events.type: needs groups, an object of group names each with a list of event types: the "
        "figures colour by it"]),
    "nine-event-groups": (_nine_groups, [
        "datapackage.json::events.type: has 9 groups; at most 8, the colours a reader can tell apart"]),
    "a-group-with-an-unknown-type": (lambda d, res, fld: fld("events", "type")["groups"]["posts"].append("promotion"), [
        "datapackage.json::events.type: groups name 'promotion', not in the type vocabulary"]),
    "a-type-in-two-groups": (lambda d, res, fld: fld("events", "type")["groups"]["context"].append("arrest"), [
        "datapackage.json::events.type: groups list 'arrest' more than once; each type belongs to one group"]),
    "a-type-in-no-group": (lambda d, res, fld: fld("events", "type")["groups"]["posts"].remove("demotion"), [
        "datapackage.json::events.type: groups leave out 'demotion'; put every type in a group"]),
    "no-vocabulary-of-types": (lambda d, res, fld: fld("events", "type")["constraints"].pop("enum"), [
        "datapackage.json::events.type: needs constraints.enum, a list of texts: the reports read it from here"]),
}


@pytest.mark.parametrize("case", sorted(SCHEMAS))
def test_a_malformed_descriptor(mini, case):
    change, expected = SCHEMAS[case]
    edit_descriptor(mini, change)
    assert problems_of(mini) == expected


# ---- from the command line: one sentence per problem, exit 1, no traceback ------------------------
# One broken descriptor and one broken table (each ~2 s: a fresh interpreter); the rest run in-process.

def _no_comma(root):
    path = root / "datapackage.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"blackwork",', '"blackwork"', 1), encoding="utf-8")


def _no_type_column(root):
    drop_column(root, "events.csv", "type")


CLI = [
    (_no_comma, "datapackage.json:3:: is not valid JSON: Expecting ',' delimiter (line 3, column 3)"),
    (_no_type_column, "events.csv:1:type: column is missing"),
]


@pytest.mark.parametrize("breaks, sentence", CLI, ids=["not-json", "missing-column"])
def test_blackwork_validate_gives_the_sentence_and_exit_1(data_copy, breaks, sentence):
    breaks(data_copy)
    out = subprocess.run([BLACKWORK, "validate", str(data_copy)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 1
    assert out.stderr == f"blackwork validate: the data package has 1 problem:\n  {sentence}\n"
    assert "Traceback" not in out.stdout + out.stderr

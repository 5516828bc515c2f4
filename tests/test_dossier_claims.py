"""Every number of a dossier's sentences is a claim (`helpers.dossier.page_claims`, on the page
`dossiers/<person_id>`), and a fate says how it is known (`captions.dossier.fate`); the numbers of
start-here are claims too (`helpers.analyses.start_here`).

Expected values are counted by hand from the CSV rows (named in the comments) or read from the
sources, never from the code under test.
"""
from __future__ import annotations

import re
import sqlite3

import pandas as pd
import pytest

from helpers import captions, cadence, dossier, overview, turnover, vocabulary
from helpers.analyses import start_here
from helpers.captions.claimed import END, START
from helpers.evidence import claims

SAMPLE = ["nikolai-yezhov", "walter-krivitsky", "vyacheslav-menzhinsky", "lev-sedov", "willi-munzenberg",
          "boris-savinkov", "grigory-mairanovsky", "mark-zborowski", "karl-marx", "adolf-hitler", "richard-sorge"]
#: What may stand in prose without a claim (tests/test_claims_in_reports.py says the same): dates,
#: years, paragraphs, the case file's number.
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December|" \
         "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
ALLOWED = re.compile(rf"`[^`]*`|\b\d{{1,2}} (?:{MONTHS})\b(?: \d{{4}})?|\b(?:{MONTHS}) \d{{4}}\b"
                     r"|\b(?:1[89]|20)\d{2}s?\b|¶\s?\d+|#0121")


@pytest.fixture(scope="module")
def export(tmp_path_factory, ds):
    from helpers.build import sqlite

    path = tmp_path_factory.mktemp("dossier-claims") / "blackwork.sqlite"
    sqlite.write(ds, path)
    return sqlite3.connect(path)


def _gives_back(db, claim) -> bool:
    got = db.execute(claim.sql).fetchall()
    if isinstance(claim.value, claims.Interval):
        return len(got) == 1 and tuple(got[0]) == (claim.value.low, claim.value.high)
    return len(got) == 1 and got[0][0] == claim.value


def _captions(ds, pid):
    said, who = dossier.page_claims(ds, pid), dossier.profile(ds, pid)
    return [captions.dossier.timeline(dossier.timeline(ds, pid), said, who["name"], dossier.undated_posts(ds, pid)),
            captions.dossier.posts(said), captions.dossier.events(said),
            captions.dossier.fate(dossier.fate(ds, pid), dossier.official(ds, pid), said),
            captions.dossier.accounts(dossier.accounts(ds, pid), said), captions.dossier.disagreements(said)]


def _fate(ds, pid) -> str:
    return captions.dossier.fate(dossier.fate(ds, pid), dossier.official(ds, pid), dossier.page_claims(ds, pid)).text


# --- the counts, by hand ------------------------------------------------------------------------

def test_yezhovs_numbers_are_claims_with_the_counts_of_the_csv_rows(ds):
    said = dossier.page_claims(ds, "nikolai-yezhov")
    values = {name: c.value for name, c in said.items()}
    # positions.csv: nikolai-yezhov--secret-police-head and --water-transport-commissar, both dated.
    assert (values["posts"], values["dated_posts"], values["undated_posts"]) == (2, 2, 0)
    # roles.csv: 25 rows of nikolai-yezhov in 25 different events: 8 other, 7 subject, 6 ordered_by,
    # 3 organiser, 1 perpetrator.
    assert values["events"] == 25 and said["events"].ids("events") and len(said["events"].ids("roles")) == 25
    assert {k: v for k, v in values.items() if k.startswith("as_")} == {
        "as_subject": 7, "as_perpetrator": 1, "as_ordered_by": 6, "as_organiser": 3, "as_other": 8}
    # aliases.csv: Yehov, Yezkov (case file), Николай Ежов (curators).
    assert values["other_names"] == 3 and said["other_names"].sources == {"case-file-0121", "curators"}
    # accounts.csv: nikolai-yezhov-dismissal--official and --forced (his removal is an event he is the subject of).
    assert values["accounts"] == 2
    # attestations.csv, agrees=false: the NKVD tenure's end 1938-11-24 and its starts 1936-09-25, -27 and 10-01;
    # and the posts of others that events he ordered opened or closed: Agranov's first-deputy post ended
    # May 1937 (he ordered the demotion of Apr 1937), Zakovsky's began 19 Jan 1938 (he ordered the 1937
    # appointment), and Agranov's Saratov post began about May 1937 in the reference, April in the case file (the
    # same demotion; attestation yakov-agranov--saratov-nkvd-head--start--ref, data 0.3.0). The events of his 25
    # roles carry no differing date: 4 + 3 = 7.
    assert values["other_dates"] == 7
    assert sorted(said["other_dates"].ids("attestations")) == [
        "leonid-zakovsky--secret-police-first-deputy--start--ref",
        "nikolai-yezhov--secret-police-head--end--ref-2", "nikolai-yezhov--secret-police-head--start--ref-2",
        "nikolai-yezhov--secret-police-head--start--ref-3", "nikolai-yezhov--secret-police-head--start--ref-4",
        "yakov-agranov--saratov-nkvd-head--start--ref", "yakov-agranov--secret-police-first-deputy--end--ref"]
    # people.csv born 1895-05-01; events.csv nikolai-yezhov-execution 1940-02-04: 44 full years.
    assert values["age"] == claims.Interval(44, 44) and said["age"].text == "44"
    assert {c.page for c in said.values()} == {"dossiers/nikolai-yezhov"}
    assert all(c.id == f"dossiers/nikolai-yezhov/{name}" for name, c in said.items())


def test_a_person_with_two_parts_in_one_event_counts_it_once_and_each_part(ds):
    # roles.csv: mark-zborowski is perpetrator and accomplice of lev-sedov-death (lines 229-230): 8 roles
    # in 7 events (4 subject, 2 perpetrator, 1 organiser, 1 accomplice).
    said = dossier.page_claims(ds, "mark-zborowski")
    assert said["events"].value == 7
    assert (said["as_subject"].value, said["as_perpetrator"].value, said["as_organiser"].value,
            said["as_accomplice"].value) == (4, 2, 1, 1)
    text = captions.dossier.events(said).text
    assert text.startswith("7 events recorded in ") and "each part is counted" in text


def test_the_age_at_the_end_is_an_interval_from_the_birth_and_the_end(ds, export):
    # people.csv: Mairanovsky born 1899 (the year only); events.csv: his death in 1964. Born on
    # 31 Dec 1899 and dead on 1 Jan 1964 he was 64; born on 1 Jan 1899 and dead on 31 Dec 1964, 65.
    age = dossier.page_claims(ds, "grigory-mairanovsky")["age"]
    assert age.value == claims.Interval(64, 65) and age.text == "64 or 65"
    assert export.execute(age.sql).fetchone() == (64, 65)
    assert age.ids("people") == ["grigory-mairanovsky"] and age.ids("events") == ["grigory-mairanovsky-death"]
    life = captions.dossier.life(dossier.life(ds, "grigory-mairanovsky"))
    assert life.text.endswith("died 1964, aged 64 or 65 (stated).") and list(life.claims) == ["age"]
    # Nobody without a birth date has an age: Lev Sedov (people.csv: born empty).
    assert "age" not in dossier.page_claims(ds, "lev-sedov")


@pytest.mark.parametrize("pid", SAMPLE)
def test_every_claim_of_a_dossier_gives_its_value_back_on_the_export(ds, export, pid):
    for name, claim in dossier.page_claims(ds, pid).items():
        assert _gives_back(export, claim), (pid, name, claim.sql)
    for caption in _captions(ds, pid):
        for claim in caption.claims.values():
            if claim.scope:
                assert claim.scope == claims.scope(claim.sources), (pid, claim.id)


@pytest.mark.parametrize("pid", SAMPLE)
def test_no_number_in_a_dossier_sentence_stands_outside_a_claim(ds, pid):
    for caption in _captions(ds, pid):
        prose = re.sub(f"{START}[^{END}]*{END}", " ", caption.marked)
        assert not re.findall(r"\d[\d,.]*", ALLOWED.sub(" ", prose)), (pid, prose)


# --- the fate says how it is known -----------------------------------------------------------------

def test_a_contested_end_says_so_names_its_versions_and_the_official_account(ds):
    # reference-facts §7: Krivitsky found dead in his Washington hotel on 10 Feb 1941; police and
    # coroner ruled suicide; murder widely alleged, no killer named (accounts.csv walter-krivitsky-death--murder).
    text = _fate(ds, "walter-krivitsky")
    assert text.startswith("**Died; how is contested**: 10 Feb 1941 in the reference, in the event *Death of Walter "
                           "Krivitsky* (the strongest claims besides the official account are only alleged).")
    assert "The versions: a killing (alleged); a suicide (stated, official)." in text
    assert "The official account (the Washington police and the coroner): He shot himself." in text
    assert "**no** (no claim in the data names a Soviet hand; the killing claimed names no killer)" in text
    # Case file, The Death of Willi Münzenberg ¶4: the official cause was suicide; the main theory an NKVD
    # agent, others the Gestapo or suicide. Reference: last seen June 1940, body found in October. The death is
    # dated between the escape of June 1940 and the finding of the body on 17 Oct 1940 (¶3; data 0.3.0, it read
    # "Jun 1940", the section heading's month).
    text = _fate(ds, "willi-munzenberg")
    assert text.startswith("**Died; how is contested**: between Jun 1940 and 17 Oct 1940 in the case file (also "
                           "given: between Jun 1940 and Oct 1940 in the reference)")
    assert "**disputed**" in text and "The official account (the official finding on his death)" in text
    # Case file, The Capture of Boris Savinkov ¶2: reported as a suicide, later said to have been thrown.
    text = _fate(ds, "boris-savinkov")
    assert text.startswith("**Died; how is contested**: 7 May 1925 in the case file and the reference")
    assert "a suicide (stated, official)" in text and "The official account (" in text


def test_an_official_account_only_where_a_source_calls_one_official(ds):
    # accounts.csv on vyacheslav-menzhinsky-death: an allegation (Yagoda's confession) and two rival
    # accounts of illness, none official. Both sources give natural causes on 10 May 1934.
    text = _fate(ds, "vyacheslav-menzhinsky")
    assert text.startswith("**Natural death**: 10 May 1934 in the case file and the reference")
    assert "official" not in text and "**disputed**" in text
    assert "Every claim about the manner: a killing (alleged); a natural death (stated)." in text


def test_died_says_whether_the_manner_is_unknown_or_not_given_and_every_date(ds):
    # Case file (Trotsky ¶5): Sedov died on 8 Feb 1938, Zborowski possibly involved; reference-facts: died
    # 16 Feb 1938 in a Paris clinic after an operation, NKVD involvement suspected, not proven.
    text = _fate(ds, "lev-sedov")
    assert text.startswith("**Died; how is not known**: 8 Feb 1938 in the case file (also given: 16 Feb 1938 in "
                           "the reference)")
    assert "**disputed**" in text
    # reference-facts: Mairanovsky died in 1964 (a German Wikipedia copy: 1971); no cause given.
    text = _fate(ds, "grigory-mairanovsky")
    assert text.startswith("**Died; the sources do not say how**: 1964 in the reference (also given: 1971 in the "
                           "reference)")
    assert "official" not in text and "The versions" not in text


def test_an_execution_by_another_state_is_said_so(ds):
    # reference-facts: Sorge hanged in Tokyo on 7 Nov 1944 by Japan.
    assert "**no** (the execution was another state's)" in _fate(ds, "richard-sorge")


def test_the_fate_claims_rest_on_the_fate_the_event_its_accounts_and_its_doers(ds, export):
    said = dossier.page_claims(ds, "lev-sedov")
    fate = said["fate"]
    assert (fate.value, said["by_state"].value) == ("died", "disputed")
    # accounts.csv: lev-sedov-death--zborowski, --clinic, --nkvd-suspected; roles.csv line 230 (Zborowski,
    # perpetrator); org_roles.csv line 50 (the NKVD, perpetrator). The accomplice role is no doer's.
    assert fate.ids("fates") == ["lev-sedov"] and fate.ids("events") == ["lev-sedov-death"]
    assert sorted(fate.ids("accounts")) == ["lev-sedov-death--clinic", "lev-sedov-death--nkvd-suspected",
                                            "lev-sedov-death--zborowski"]
    assert fate.ids("roles") == ["lev-sedov-death | mark-zborowski | perpetrator"]
    assert fate.ids("org_roles") == ["lev-sedov-death | nkvd | perpetrator"]
    # attestations.csv lev-sedov-death--date--ref: 1938-02-16, the reference's.
    assert said["fate_date_2"].value == "1938-02-16" and said["fate_date_2"].sources == {"reference-facts"}
    assert all(_gives_back(export, c) for c in said.values())


# --- start-here -------------------------------------------------------------------------------

def test_start_heres_numbers_give_their_values_back(ds, export):
    kills = cadence.killings(cadence.select(ds.events, ds.roles), vocabulary.violent_methods(ds.descriptor))
    per_year = cadence.counts(kills, freq="year", by="type", first=pd.Timestamp("1917-01-01"),
                              last=pd.Timestamp("1941-12-31"))[0].sum(axis=1)
    said = {**start_here.tables(ds, overview.row_counts(ds)), **start_here.killings(ds, kills, per_year),
            **start_here.heads(ds, turnover.tenures(ds, ["secret-police-head"]))}
    assert [c.id for c in said.values() if not _gives_back(export, c)] == []
    assert all(c.page == "start-here" for c in said.values())
    # positions.csv: six rows of post secret-police-head (Peters, Dzerzhinsky, Menzhinsky, Yagoda, Yezhov,
    # Beria), six people.
    assert (said["tenures"].value, said["people"].value) == (6, 6)
    text = captions.start_here.cadence(said).text
    assert re.match(r"\*\*Cadence\*\* \(`cadence`\): \d+ killings in the case file and the reference; the year with "
                    r"most is \*\*\d{4}\*\* \(\d+\)\.$", text)

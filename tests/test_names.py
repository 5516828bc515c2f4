import json
import re

import pytest

import helpers
from conftest import add_row, problems_in
from helpers import paths
from helpers.core.names import in_prose, normalise

SLUTSKY2 = "The Assassination of Abram Slutsky (17 February 1938) ¶2"


def test_normalise_folds_case_diacritics_and_quotes():
    assert normalise("Willi  Münzenberg") == "willi munzenberg"
    assert normalise('"the Turk"') == "the turk"
    assert normalise("nikolai-yezhov") == "nikolai yezhov"


@pytest.mark.parametrize("name, person_id", [
    ("Willi Münzenberg", "willi-munzenberg"),
    ("Willi Munzenberg", "willi-munzenberg"),
    ("willi munzenberg", "willi-munzenberg"),
    ("Münzenberg", "willi-munzenberg"),          # a surname borne by one person
    ("Yezkov", "nikolai-yezhov"),                # a spelling in aliases.csv
    ("LOBOKA", "nestor-lakoba"),
    ("Ramon Mercador", "ramon-mercader"),
    ("nikolai-yezhov", "nikolai-yezhov"),        # the id itself
])
def test_any_spelling_resolves(mini, name, person_id):
    assert helpers.load(mini).find_person(name) == person_id


def test_unknown_name_suggests_the_closest(mini):
    with pytest.raises(helpers.ParameterError) as err:
        helpers.load(mini).find_person("Yezhof")
    assert str(err.value) == "No person is called 'Yezhof'; did you mean Nikolai Yezhov?"


def test_unknown_name_with_nothing_close(mini):
    with pytest.raises(helpers.ParameterError, match="no similar name is known"):
        helpers.load(mini).find_person("Qwxyz")


def test_find_person_uses_the_project_data():
    assert helpers.find_person("Genrikh Yagoda") == "genrikh-yagoda"


# ---- romanisations and Cyrillic, on the real data ------------------------------------------------

@pytest.mark.parametrize("name, person_id", [
    # English variants: e/ye, -iy/-y/-ii endings, ya/ia, a patronymic
    ("Ezhov", "nikolai-yezhov"),
    ("Nikolay Ezhov", "nikolai-yezhov"),
    ("Dzerzhinskiy", "felix-dzerzhinsky"),
    ("Feliks Dzerzhinskii", "felix-dzerzhinsky"),
    ("Lavrenti Beriya", "lavrenty-beria"),
    ("Lavrentiy Pavlovich Beria", "lavrenty-beria"),
    ("Menzhinskiy", "vyacheslav-menzhinsky"),
    ("Tukhachevskiy", "mikhail-tukhachevsky"),
    ("Trotskiy", "leon-trotsky"),
    ("Zinovyev", "grigori-zinoviev"),
    ("Sergey Esenin", "sergei-yesenin"),
    ("Ignatiy Kazakov", "ignatii-kazakov"),
    ("Khrushchyov", "nikita-khrushchev"),
    # German: j = й, sch = ш/ж, ch = х, tsch = ч, z = ц, w = в, -ow, -off
    ("Jeschow", "nikolai-yezhov"),
    ("Jeschoff", "nikolai-yezhov"),
    ("Nikolai Iwanowitsch Jeschow", "nikolai-yezhov"),
    ("Dserschinski", "felix-dzerzhinsky"),
    ("Felix Dserschinski", "felix-dzerzhinsky"),
    ("Jagoda", "genrikh-yagoda"),
    ("Genrich Jagoda", "genrikh-yagoda"),
    ("Berija", "lavrenty-beria"),
    ("Lawrenti Berija", "lavrenty-beria"),
    ("Menschinski", "vyacheslav-menzhinsky"),
    ("Tuchatschewski", "mikhail-tukhachevsky"),
    ("Chruschtschow", "nikita-khrushchev"),
    ("Kaganowitsch", "lazar-kaganovich"),
    ("Trotzki", "leon-trotsky"),
    ("Sinowjew", "grigori-zinoviev"),
    ("Wyschinski", "andrei-vyshinsky"),
    ("Jessenin", "sergei-yesenin"),
    ("Iwan Saporoschez", "vania-zaporozhets"),
    # French: j = ж, ch = ш, tch = ч, ou = у, i for й
    ("Iejov", "nikolai-yezhov"),
    ("Nikolaï Iejov", "nikolai-yezhov"),
    ("Dzerjinski", "felix-dzerzhinsky"),
    ("Félix Dzerjinski", "felix-dzerzhinsky"),
    ("Iagoda", "genrikh-yagoda"),
    ("Guenrikh Iagoda", "genrikh-yagoda"),
    ("Lavrenti Béria", "lavrenty-beria"),
    ("Menjinski", "vyacheslav-menzhinsky"),
    ("Toukhatchevski", "mikhail-tukhachevsky"),
    ("Khrouchtchev", "nikita-khrushchev"),
    ("Kaganovitch", "lazar-kaganovich"),
    ("Vychinski", "andrei-vyshinsky"),
    ("Soudoplatov", "pavel-sudoplatov"),
    # scholarly transliteration
    ("Ežov", "nikolai-yezhov"),
    ("Nikolaj Ežov", "nikolai-yezhov"),
    ("Dzeržinskij", "felix-dzerzhinsky"),
    ("Lavrentij Berija", "lavrenty-beria"),
    ("Menžinskij", "vyacheslav-menzhinsky"),
    ("Vyšinskij", "andrei-vyshinsky"),
    ("Kaganovič", "lazar-kaganovich"),
    ("Chruščëv", "nikita-khrushchev"),
    ("Trockij", "leon-trotsky"),
    ("Tuchačevskij", "mikhail-tukhachevsky"),
    # Cyrillic: surnames, full names, names with a patronymic, without ё, in capitals
    ("Ежов", "nikolai-yezhov"),
    ("Дзержинский", "felix-dzerzhinsky"),
    ("ЯГОДА", "genrikh-yagoda"),
    ("Лаврентий Берия", "lavrenty-beria"),
    ("Хрущев", "nikita-khrushchev"),
    ("Николай Иванович Ежов", "nikolai-yezhov"),
    ("Феликс Эдмундович Дзержинский", "felix-dzerzhinsky"),
    ("Генрих Григорьевич Ягода", "genrikh-yagoda"),
    ("Вячеслав Рудольфович Менжинский", "vyacheslav-menzhinsky"),
    ("Лаврентий Павлович Берия", "lavrenty-beria"),
])
def test_usual_romanisations_and_cyrillic_resolve(ds, name, person_id):
    assert ds.find_person(name) == person_id


def test_suggestions_rank_by_the_surname_first(ds):
    with pytest.raises(helpers.ParameterError) as err:
        ds.find_person("Yagodaa Genrikhovich")
    assert str(err.value).startswith("No person is called 'Yagodaa Genrikhovich'; did you mean Genrikh Yagoda")


def test_a_skeleton_two_people_share_names_neither(mini):
    # Jagoda (German) and Iagoda (French) both write Ягода: with a Pyotr Jagoda beside Genrikh Yagoda,
    # 'Iagoda' (no alias of either) could be either.
    add_row(mini, "people.csv", person_id="pyotr-jagoda", name="Pyotr Jagoda", side="apparatus",
            source_id="case-file-0121", locator=SLUTSKY2)
    with pytest.raises(helpers.ParameterError) as err:
        helpers.load(mini).find_person("Iagoda")
    assert str(err.value) == ("No person is called 'Iagoda', which could be any of: Genrikh Yagoda, Pyotr Jagoda; "
                              "give a fuller name.")


def test_a_nonsense_name_on_the_real_data_has_no_suggestion(ds):
    with pytest.raises(helpers.ParameterError) as err:
        ds.find_person("Qwxyz")
    assert str(err.value) == "No person is called 'Qwxyz'; no similar name is known."


# ---- the Cyrillic aliases -------------------------------------------------------------------------

CYRILLIC_NAME = re.compile(r"^[А-ЯЁ][А-ЯЁа-яё' -]*$")


def test_every_person_has_one_name_in_cyrillic(ds):
    native = ds.aliases[ds.aliases.kind == "native"]
    assert sorted(native.person_id) == sorted(ds.people.person_id)
    assert [a for a in native.alias if not CYRILLIC_NAME.match(a)] == []


def test_a_cyrillic_name_no_source_writes_is_the_curators(ds):
    native = ds.aliases[ds.aliases.kind == "native"]
    curated = native[native.source_id == "curators"]
    assert set(native.source_id) == {"curators", "reference-facts"}
    assert set(curated.note) == {"curator's rendering"} and set(curated.locator) == {"none"}
    assert ds.sources.set_index("source_id").loc["curators", "kind"] == "curation"


def test_a_cyrillic_name_from_the_reference_is_on_a_page_it_cites(ds):
    # the pages reference-facts.md cites (tests/fixtures/source_prints.json, made by tools/source_prints.py)
    prints = json.loads((paths.ROOT / "tests" / "fixtures" / "source_prints.json").read_text(encoding="utf-8"))
    text = " ".join(prints["reference_pages"])
    cited = ds.aliases[(ds.aliases.kind == "native") & (ds.aliases.source_id == "reference-facts")]
    assert len(cited) > 0
    for a in cited.itertuples():
        address = a.locator.split("://", 1)[1]
        assert address in text and a.alias.split()[-1] in address


def test_a_curators_row_has_the_locator_none(mini):
    good = add_row(mini, "aliases.csv", person_id="genrikh-yagoda", alias="Генрих Ягода", kind="native",
                   source_id="curators", locator="none", note="curator's rendering")
    bad = add_row(mini, "aliases.csv", person_id="nikolai-yezhov", alias="Николай Ежов", kind="native",
                  source_id="curators", locator=SLUTSKY2, note="curator's rendering")
    problems = problems_in(mini)
    assert problems == [f"aliases.csv:{bad}:locator: '{SLUTSKY2}' should be 'none': curators cites no page or paragraph"]
    assert not any(p.startswith(f"aliases.csv:{good}:") for p in problems)


def test_items_in_prose_at_every_length():
    # none, one, two (no comma), three (commas, then 'and' before the last); items kept in their order
    assert in_prose([]) == ""
    assert in_prose(["France"]) == "France"
    assert in_prose(["Spain", "France"]) == "Spain and France"
    assert in_prose(iter(["A", "B", "C"])) == "A, B and C"
    assert in_prose([1937, 1938]) == "1937 and 1938"

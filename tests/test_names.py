import pytest

import helpers
from helpers.names import normalise


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

"""What each source covers (helpers.evidence.coverage.years, silent_runs), counted by hand from the case
file's section headings (sections.csv) and the national series (reference-facts §3)."""
import pandas as pd
import pytest

from helpers import ParameterError
from helpers.evidence import coverage


def test_the_years_the_case_file_gives_an_account_of(ds):
    # the dated headings: 1924, Nov 1925, Nov 1929, Jan and Dec 1930, Dec 1934, Dec 1936, 1937 (3), 1938 (4), 1939, 1940 (3)
    assert coverage.section_years(ds.sections) == [1924, 1925, 1929, 1930, 1934, 1936, 1937, 1938, 1939, 1940]


def test_each_year_is_told_mentioned_or_silent(ds):
    t = coverage.years(ds, 1917, 1941)
    assert list(t.index) == list(range(1917, 1942))
    assert set(t.index[t.case_file == coverage.TOLD]) == {1924, 1925, 1929, 1930, 1934, 1936, 1937, 1938, 1939, 1940}
    assert t.at[1917, "case_file"] == coverage.SILENT and t.at[1941, "case_file"] == coverage.SILENT
    assert t.at[1926, "case_file"] == coverage.MENTIONED  # Dzerzhinsky's death, in passing
    assert (t.own_events[t.case_file == coverage.SILENT] == 0).all()
    assert (t.own_events[t.case_file == coverage.MENTIONED] > 0).all()


def test_the_national_series_and_its_partial_year(ds):
    t = coverage.years(ds, 1920, 1953)
    assert pd.isna(t.at[1920, "death_sentences"]) and t.at[1921, "death_sentences"] == 9701
    assert t.at[1937, "death_sentences"] == 353074 and t.at[1938, "death_sentences"] == 328618
    assert t.partial.sum() == 1 and t.at[1953, "partial"]  # the first half of 1953 only
    assert not t.at[1923, "mass_killing"] and t.at[1921, "mass_killing"]  # 414 < 1,000 <= 9,701
    assert t.at[1928, "mass_killing"] == False and t.at[1927, "mass_killing"] == True  # noqa: E712 (869, 2,363)


def test_the_runs_the_case_file_is_silent_on(ds):
    runs = coverage.silent_runs(coverage.years(ds, 1917, 1941))
    got = {(r.first, r.last): r for r in runs.itertuples()}
    assert set(got) == {(1917, 1923), (1926, 1928), (1931, 1933), (1935, 1935), (1941, 1941)}
    assert got[(1926, 1928)].death_sentences == 990 + 2363 + 869          # 4,222
    assert got[(1931, 1933)].death_sentences == 10651 + 2728 + 2154       # 15,533
    assert pd.isna(got[(1917, 1923)].death_sentences)                     # no national figure before 1921
    assert got[(1941, 1941)].mentioned == 0 and got[(1926, 1928)].mentioned == 3


def test_a_window_of_one_year_and_a_reversed_one(ds):
    one = coverage.years(ds, 1937, 1937)
    assert len(one) == 1 and one.at[1937, "case_file"] == coverage.TOLD
    assert coverage.silent_runs(one).empty
    with pytest.raises(ParameterError, match="Parameter `last` got 1936"):
        coverage.years(ds, 1937, 1936)



def test_runs_of_one_level_and_what_a_stretch_may_be_called():
    t = pd.DataFrame({"case_file": [coverage.SILENT, coverage.MENTIONED, coverage.MENTIONED, coverage.TOLD,
                                    coverage.MENTIONED, coverage.TOLD],
                      "death_sentences": pd.array([pd.NA, 500, 2000, 3000, 800, 900], dtype="Int64"),
                      "partial": [False, False, False, False, False, True],
                      "mass_killing": [False, False, True, True, False, False]},
                     index=pd.RangeIndex(1920, 1926, name="year"))
    runs = coverage.level_runs(t)
    # 1920 silent; 1921-1922 mentioned; 1923 told (not shaded); 1924 mentioned; 1925 told. No background
    # column: a silent run is plain "silent"; with a background event in 1920 it is silent but for it.
    assert coverage.level_words(runs.iloc[0]) == "silent"
    with_setting = coverage.level_runs(t.assign(background=[1, 0, 0, 0, 0, 0]))
    assert with_setting.background.tolist() == [True, False, False]
    assert coverage.level_words(with_setting.iloc[0]) == "silent but for background events"
    # No own_events column: the mentioned run says only that it has no section (two years: "their own").
    assert coverage.level_words(with_setting.iloc[1]) == "no section of their own"
    assert coverage.level_words(with_setting.iloc[2]) == "no section of its own"  # 1924 alone
    counted = coverage.level_runs(t.assign(own_events=[0, 3, 2, 9, 1, 4]))
    assert counted.events.tolist() == [0, 5, 1]  # 1921-1922: 3 + 2 events the source dates; 1924: 1
    assert runs[["first", "last", "years", "level", "figure_years"]].values.tolist() == [
        [1920, 1920, 1, "silent", ""], [1921, 1922, 2, "mentioned", "1921–1922"], [1924, 1924, 1, "mentioned", "1924"]]
    # 1923 alone is told but shows mass killing (3,000): not quiet; 1925 is told with 900 (partial): quiet.
    assert not coverage.stretch(t, 1923, 1923)["quiet"] and coverage.stretch(t, 1925, 1925)["quiet"]
    # 1921-1924: silent on 1921, 1922 and 1924 (not told); 500 + 2,000 + 3,000 + 800 = 6,300 death sentences.
    s = coverage.stretch(t, 1921, 1924)
    assert (s["silent"], s["death_sentences"], s["quiet"]) == ([1921, 1922, 1924], 6300, False)
    assert coverage.label([1941, 1942, 1943, 1945, 1950, 1951]) == "1941–1943, 1945, 1950–1951"

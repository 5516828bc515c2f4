"""The site in a real browser: headless Chromium (the system's, which .ci/run installs) driven by
Playwright. The site is built by the real build from executions stored as an earlier build leaves
them (report 02 and Yezhov's dossier, from the committed notebooks), so no kernel runs."""
import re
import shutil

import pytest

from helpers import cli, report

from conftest import seed_site

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def site(tmp_path):
    target = tmp_path / "reports"
    seed_site(target, {"02-leadership-turnover": "02-leadership-turnover"},
              {"nikolai-yezhov": "Nikolai Yezhov", "genrikh-yagoda": "Genrikh Yagoda", "lavrenty-beria": "Lavrenty Beria"})
    reports, dossiers = report.build(cli.inputs(), target=target, only=["02"], dossiers=False, jobs=1)
    assert [b.cached for b in reports] == [True]  # taken as stored: no kernel ran
    return target


@pytest.fixture
def browser():
    assert CHROMIUM, "no chromium on PATH: `.ci/run` installs it (apt-get install -y chromium)"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


def test_the_site_in_chromium_searches_links_names_describes_figures_and_stays_on_the_machine(site, browser):
    """One browser session (a site build and a browser start are the slow part): the search finds
    Yezhov; his name in report 02 leads to his dossier; a figure has its alt text; the register sorts
    and filters; and no request leaves the machine (each one that would is refused and recorded)."""
    context = browser.new_context()
    outside: list[str] = []

    def refuse(route):
        outside.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^(https?|wss?|ftp)://"), refuse)
    page = context.new_page()
    page.set_content('<img src="http://192.0.2.1/probe.png">')  # the recorder itself works: it sees this one
    page.wait_for_timeout(200)
    assert outside == ["http://192.0.2.1/probe.png"]
    outside.clear()

    page.goto((site / "search.html").as_uri() + "?q=Yezhov")
    hit = page.locator('#search-results a[href*="nikolai-yezhov"]').first
    hit.wait_for(timeout=15000)
    assert "Nikolai Yezhov" in hit.inner_text()

    page.goto((site / "02-leadership-turnover.html").as_uri())
    assert page.title() == "Leadership turnover — blackwork"
    alt = page.locator("main img").first.get_attribute("alt")
    assert alt and not alt.startswith("_images") and "What to see" in alt
    page.locator("main a.person", has_text="Yezhov").first.click()
    page.wait_for_url(re.compile(r"dossiers/nikolai-yezhov\.html$"))
    assert page.title() == "Nikolai Yezhov — blackwork"
    assert page.locator("main h1").first.inner_text().startswith("Nikolai Yezhov")

    page.goto((site / "people.html").as_uri())
    names = page.locator("#register tbody tr td:first-child")
    assert names.all_inner_texts() == ["Lavrenty Beria", "Genrikh Yagoda", "Nikolai Yezhov"]  # by surname
    page.click("#register th:has-text('Name')")
    page.click("#register th:has-text('Name')")  # the second click sorts the other way
    assert names.all_inner_texts() == ["Nikolai Yezhov", "Genrikh Yagoda", "Lavrenty Beria"]
    page.fill("#register-filter", "yezhov")
    assert page.locator("#register tbody tr:visible").count() == 1
    assert page.inner_text("#register-count") == "1 of 3"
    page.fill("#register-filter", "nobody of that name")
    assert page.locator("#register tbody tr:visible").count() == 0

    assert outside == []
    context.close()

"""The site in a real browser: headless Chromium (the system's, which .ci/run installs) driven by
Playwright. The site is built by the real build from executions stored as an earlier build leaves
them (report 02 and Yezhov's dossier, from the committed notebooks), so no kernel runs."""
import json
import re
import shutil

import pytest

from helpers import cli, report

from conftest import seed_site

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    target = tmp_path_factory.mktemp("site") / "reports"
    seed_site(target, {"02-leadership-turnover": "02-leadership-turnover"},
              {"nikolai-yezhov": "Nikolai Yezhov", "genrikh-yagoda": "Genrikh Yagoda", "lavrenty-beria": "Lavrenty Beria"})
    reports, dossiers = report.build(cli.inputs(), target=target, only=["02"], dossiers=False, jobs=1)
    assert [b.cached for b in reports] == [True]  # taken as stored: no kernel ran
    return target


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM, "no chromium on PATH: `make test` installs it when run as root (apt-get install -y chromium)"
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
    page.locator("main a.person:visible", has_text="Yezhov").first.click()
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


def _recording(browser, **options):
    """A browser context that refuses and records every request leaving the machine."""
    context = browser.new_context(**options)
    outside: list[str] = []

    def refuse(route):
        outside.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^(https?|wss?|ftp)://"), refuse)
    return context, outside


def test_a_number_opens_its_card_with_the_rows_and_a_locator_leads_to_the_source(site, browser):
    """Report 02's first finding: its number is a button; the card it opens gives the value, the rule,
    the readings and the rows with their sources; a case-file locator leads to its paragraph on the
    sources page, which lists the rows citing it. The card is the one claims.json holds."""
    claims = {c["id"]: c for c in json.loads((site / "claims.json").read_text(encoding="utf-8"))}
    context, outside = _recording(browser)
    page = context.new_page()
    page.goto((site / "02-leadership-turnover.html").as_uri())
    # the first number of the report's first finding cell (tagged `finding`) that carries readings
    buttons = page.locator("main .tag_finding button.claim")
    targets = [buttons.nth(i).get_attribute("popovertarget") for i in range(buttons.count())]
    anchors = {"claim-" + re.sub(r"[^A-Za-z0-9]+", "-", c["id"]).strip("-"): c for c in claims.values()}
    target = next(t for t in targets if anchors[t]["readings"])
    claim, button, card = anchors[target], page.locator(f"main button[popovertarget='{target}']").first, page.locator(f"#{target}")
    assert claim["page"] == "02-leadership-turnover"
    assert not card.is_visible()
    button.click()
    card.wait_for(state="visible", timeout=5000)
    text = card.inner_text()
    assert button.inner_text() == claim["text"] and claim["rule"][:40] in text
    assert "Under other readings" in text and "case file only" in text
    rows = card.locator("table.claim-rows tbody tr")
    assert rows.count() == min(len(claim["rows"]), 40) and rows.count() > 0
    # the rows fit the card: no column is cut off to the right (the card scrolls down, never sideways)
    assert card.evaluate("c => c.scrollWidth <= c.clientWidth + 1"), "the card's table is wider than the card"
    assert claim["rows"][0]["id"] in rows.first.inner_text()
    link = card.locator('a[href*="sources.html#"]').first
    href = link.get_attribute("href")
    paragraph = link.inner_text()
    link.click()
    page.wait_for_url(re.compile(r"sources\.html#"))
    anchor = href.split("#", 1)[1]
    heading = page.locator(f"[id='{anchor}']")
    assert heading.inner_text() == "¶" + paragraph.rsplit("¶", 1)[1]
    cited = page.locator(f"[id='{anchor}'] + ul").inner_text()
    assert any(r["id"] in cited for r in claim["rows"] if r["locator"].startswith(paragraph)), "the paragraph lists its rows"

    page.goto((site / "dossiers" / "nikolai-yezhov.html").as_uri())
    age = page.locator("main button.claim", has_text="44").first
    age.click()
    card = page.locator(f"#{age.get_attribute('popovertarget')}")
    card.wait_for(state="visible", timeout=5000)
    assert "Reference facts" in card.inner_text(), "the age rests on a birth the reference gives"
    assert outside == []
    context.close()


def test_cards_open_with_scripts_off(site, browser):
    """A card is an HTML popover: it opens with no script at all (a reader's browser may block them)."""
    context, outside = _recording(browser, java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "02-leadership-turnover.html").as_uri())
    button = page.locator("main button.claim").first
    card = page.locator(f"#{button.get_attribute('popovertarget')}")
    button.click()
    card.wait_for(state="visible", timeout=5000)
    assert card.locator("table.claim-rows tbody tr").count() > 0
    page.keyboard.press("Escape")
    card.wait_for(state="hidden", timeout=5000)
    assert outside == []
    context.close()


#: For each table of a page's main column: its width, its column's, and whether it sits in a frame that
#: scrolls sideways with a shadow at the hidden edge (.table-frame: overflow-x auto, radial gradients).
_TABLES = """() => Array.from(document.querySelectorAll('main table')).filter(t => !t.closest('.claim-card'))
  .map(t => { const frame = t.closest('.table-frame'), style = frame && getComputedStyle(frame);
    const column = document.querySelector('main .bd-article') || document.querySelector('main');
    return {name: (t.caption ? t.caption.innerText : t.className).slice(0, 50), width: t.getBoundingClientRect().width,
            column: column.clientWidth, cue: !!frame && style.overflowX === 'auto' && style.backgroundImage.includes('radial-gradient')}; })"""


@pytest.mark.parametrize("width", [1400, 390])
def test_tables_fit_the_column_or_scroll_in_a_shadowed_frame_and_no_page_scrolls_sideways(site, browser, width):
    """At a desktop's 1400 px and a phone's 390 px: no page is wider than the screen, and a table wider
    than the column scrolls inside a frame with a visible shadow (the stored executions' tables, as the
    committed notebooks hold them)."""
    context, outside = _recording(browser, viewport={"width": width, "height": 900})
    page = context.new_page()
    cut = []
    for doc in ("index.html", "02-leadership-turnover.html", "people.html", "dossiers/nikolai-yezhov.html"):
        page.goto((site / doc).as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (doc, "the page scrolls sideways")
        tables = page.evaluate(_TABLES)
        cut += [(doc, t["name"]) for t in tables if t["width"] > t["column"] + 1 and not t["cue"]]
    assert cut == []
    assert outside == []
    context.close()


def test_on_a_phone_a_wide_table_keeps_its_rows_short(site, browser):
    """At 390 px the tenure table of report 02 scrolls in its frame at its full width rather than squeezing
    each column to its longest word: its longest cell (a length under two readings, about 95 characters)
    wraps at 16rem into 3 or 4 lines, so no row is taller than 100 px (a squeezed table had rows of
    250 px, a third of the screen for one tenure)."""
    context, outside = _recording(browser, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto((site / "02-leadership-turnover.html").as_uri())
    rows = page.evaluate("""() => [...document.querySelectorAll('table.dataframe')]
      .filter(t => t.caption && t.caption.innerText.startsWith('Length of each tenure'))
      .flatMap(t => [...t.querySelectorAll('tbody tr')].map(r => r.getBoundingClientRect().height))""")
    assert len(rows) > 20
    assert max(rows) <= 100, max(rows)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert outside == []
    context.close()


def test_search_from_the_disk_shows_excerpts_and_the_register_finds_cyrillic_names(site, browser):
    """Opened as file://, the search cannot fetch its results' pages: their texts come with the site, so
    each result has its excerpt and the console stays free of errors; the register's filter finds a
    person by an alias in Cyrillic ('Ежов', aliases.csv)."""
    context, outside = _recording(browser)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((site / "search.html").as_uri() + "?q=Beria")
    results = page.locator("#search-results li")
    results.first.wait_for(timeout=15000)
    # Sphinx adds the results one by one on timers: count only once it says the search is finished.
    page.wait_for_function("document.body.innerText.includes('Search finished')", timeout=15000)
    page.wait_for_function("document.querySelectorAll('#search-results li').length === "
                           "document.querySelectorAll('#search-results li p.context').length", timeout=15000)
    excerpts = page.locator("#search-results li p.context").all_inner_texts()
    assert len(excerpts) == results.count() >= 3
    assert all("beria" in e.lower() for e in excerpts), excerpts
    assert errors == []

    page.goto((site / "people.html").as_uri())
    page.fill("#register-filter", "Ежов")
    assert page.locator("#register tbody tr:visible td:first-child").all_inner_texts() == ["Nikolai Yezhov"]
    page.fill("#register-filter", "LAVRENTIY")  # a spelling of the reference's, in any case
    assert page.locator("#register tbody tr:visible td:first-child").all_inner_texts() == ["Lavrenty Beria"]
    assert errors == [] and outside == []
    context.close()

"""Fact tests for the operations, tallies, rival accounts and organisations' roles.

Expected values are read off the sources by hand (case-file-0121 and reference-facts §2, §5, §7a)."""
from conftest import event_row as _event

K = "The Katyn Massacre (April and May 1940)"


def _tally(ds, tally_id):
    return ds.tallies.set_index("tally_id").loc[tally_id]


def _accounts(ds, event_id):
    return ds.accounts[ds.accounts.event_id == event_id]


def _org_roles(ds, event_id, role):
    return set(ds.org_roles.org_id[(ds.org_roles.event_id == event_id) & (ds.org_roles.role == role)])


def _events_of(ds, operation_id):
    return set(ds.events.event_id[ds.events.operation_id == operation_id])


# --- Katyn -------------------------------------------------------------------------------------

def test_katyn_camp_parts_add_up_to_the_reference_total(ds):
    # reference-facts §5: 4,421 + 3,820 + 6,311 + 7,305 = 21,857
    total = _tally(ds, "katyn-1940-shot-reference")
    assert total.best == 21857 and total.qualifier == "exactly" and total.counted == "shot"
    parts = ds.tallies[ds.tallies.part_of == "katyn-1940-shot-reference"]
    assert sorted(parts.best.tolist()) == [3820, 4421, 6311, 7305]
    assert parts.best.sum() == 21857


def test_no_tally_is_an_event(ds):
    removed = {"katyn-executions-1940-total", "great-purge-arrests", "great-purge-executions", "great-purge-toll"}
    assert not removed & set(ds.events.event_id)
    assert not set(ds.tallies.tally_id) & set(ds.events.event_id)


def test_both_katyn_massacre_rows_share_the_operation(ds):
    # The Katyn Massacre (April and May 1940) ¶3, ¶5
    assert _event(ds, "katyn-massacre").operation_id == "katyn-1940"
    assert _event(ds, "kalinin-prison-shootings").operation_id == "katyn-1940"
    assert {"katyn-politburo-order", "katyn-selections", "polish-prisoners-transfer"} <= _events_of(ds, "katyn-1940")


def test_katyn_operation_spans_transfer_to_may_1940(ds):
    op = ds.operations.set_index("operation_id").loc["katyn-1940"]
    assert op.date == "1939-10/1940-05"
    assert op.scope == "domestic"


def test_kalinin_toll_is_at_least_7000(ds):
    # ¶5: upwards of 7,000
    ev = _event(ds, "kalinin-prison-shootings")
    assert ev.deaths_qualifier == "at_least"
    assert ev.deaths_low == 7000
    assert ev.deaths_best is None or str(ev.deaths_best) == "<NA>"


def test_katyn_12000_is_a_round_figure(ds):
    ev = _event(ds, "katyn-massacre")
    assert (ev.deaths_best, ev.deaths_qualifier) == (12000, "about")
    t = _tally(ds, "katyn-1940-shot-case-file")
    assert (t.best, t.qualifier, t.event_id) == (12000, "about", "katyn-massacre")


def test_blokhins_7000_lie_within_the_12000(ds):
    t = _tally(ds, "katyn-1940-shot-kalinin-case-file")
    assert (t.low, t.qualifier, t.part_of) == (7000, "at_least", "katyn-1940-shot-case-file")


def test_politburo_ordered_25700_shot(ds):
    # ¶3
    t = _tally(ds, "katyn-1940-ordered-shot-case-file")
    assert (t.counted, t.best, t.qualifier, t.event_id) == ("targeted_for_shooting", 25700, "exactly", "katyn-politburo-order")


def test_about_25000_transferred_to_camps(ds):
    # ¶2
    t = _tally(ds, "polish-prisoners-transferred-case-file")
    assert (t.counted, t.best, t.qualifier) == ("transferred", 25000, "about")
    assert t.period == "1939-10/1940-02"


def test_prisoner_exchange_with_germany(ds):
    # ¶2: 43,000 handed over, 13,000 received
    assert _tally(ds, "polish-prisoners-to-germany-case-file").best == 43000
    assert _tally(ds, "polish-prisoners-from-germany-case-file").best == 13000


def test_kommandatura_perpetrator_and_politburo_orderer_at_katyn(ds):
    assert "kommandatura" in _org_roles(ds, "katyn-massacre", "perpetrator")
    assert "politburo" in _org_roles(ds, "katyn-massacre", "ordered_by")
    assert "nkvd-pow-department" in _org_roles(ds, "katyn-selections", "organiser")


# --- Great Purge ------------------------------------------------------------------------------

def test_great_purge_reference_totals(ds):
    # reference-facts §5
    assert _tally(ds, "great-purge-arrested-reference").best == 1548366
    assert _tally(ds, "great-purge-shot-reference").best == 681692


def test_birstein_yearly_shootings_make_the_reference_total(ds):
    parts = ds.tallies[ds.tallies.part_of == "great-purge-shot-reference"]
    assert sorted(parts.best.tolist()) == [328618, 353074]


def test_case_file_purge_toll_is_approximate(ds):
    # The Assassination of Abram Slutsky ¶6: almost 1.3 million arrested, 680,000 shot
    arrested = _tally(ds, "great-purge-arrested-case-file")
    shot = _tally(ds, "great-purge-shot-case-file")
    assert (arrested.best, arrested.qualifier) == (1300000, "about")
    assert "almost" in arrested.note
    assert (shot.best, shot.qualifier) == (680000, "about")


def test_order_00447_limits(ds):
    assert _tally(ds, "order-00447-arrest-limit").best == 270000
    assert _tally(ds, "order-00447-shooting-limit").best == 76000


def test_over_100000_released_after_yezhov(ds):
    # The Fall of Yezhov ¶2
    t = _tally(ds, "gulag-released-case-file")
    assert (t.counted, t.low, t.qualifier, t.event_id) == ("released", 100000, "at_least", "gulag-release-1938")


def test_great_purge_operation_leaves_out_named_executions(ds):
    events = _events_of(ds, "great-purge")
    assert {"nkvd-order-00447", "gulag-release-1938"} <= events
    assert "genrikh-yagoda-execution" not in events
    op = ds.operations.set_index("operation_id").loc["great-purge"]
    assert op.date == "1936-09/1938-11"


# --- trials -------------------------------------------------------------------------------------

def test_seventeen_death_sentences_are_a_tally_not_deaths(ds):
    # The Assassination of Abram Slutsky ¶5
    ev = _event(ds, "third-moscow-trial")
    assert str(ev.deaths_best) == "<NA>" and ev.deaths_qualifier is None
    t = _tally(ds, "third-moscow-trial-sentenced-to-death-case-file")
    assert (t.counted, t.best, t.qualifier, t.event_id) == ("sentenced_to_death", 17, "exactly", "third-moscow-trial")


def test_first_trial_sixteen_sentenced_to_death(ds):
    # The Assassination of Sergey Kirov ¶8
    t = _tally(ds, "first-moscow-trial-sentenced-to-death-case-file")
    assert (t.best, t.event_id) == (16, "first-moscow-trial")


# --- other operations ---------------------------------------------------------------------------

def test_trust_lured_savinkov_and_reilly(ds):
    events = _events_of(ds, "operation-trust")
    assert {"boris-savinkov-arrest", "sidney-reilly-arrest", "operation-trust-shutdown"} <= events


def test_trotsky_operation_has_raid_and_killing(ds):
    events = _events_of(ds, "trotsky-1938-1940")
    assert {"leon-trotsky-attempt", "leon-trotsky-assassination", "trotsky-assassination-order"} <= events
    assert "nkvd" in _org_roles(ds, "leon-trotsky-attempt", "perpetrator")


def test_abroad_operations(ds):
    ops = ds.operations.set_index("operation_id")
    for op in ("miller-1937", "reiss-1937", "kutepov-1930", "konovalets-1938", "klement-1938"):
        assert ops.at[op, "scope"] == "abroad"
    assert _event(ds, "yevgeny-miller-kidnapping").operation_id == "miller-1937"
    assert _event(ds, "ignace-reiss-assassination").operation_id == "reiss-1937"


# --- accounts -----------------------------------------------------------------------------------

def test_munzenberg_three_rival_theories(ds):
    # The Death of Willi Münzenberg ¶4
    acc = _accounts(ds, "willi-munzenberg-death")
    rival = acc[acc.kind == "rival"]
    nkvd = rival[rival.perpetrator_org_id == "nkvd"]
    gestapo = rival[rival.perpetrator_org_id == "gestapo"]
    suicide = rival[rival.claim == "suicide"]
    assert len(rival) == 3
    assert nkvd.certainty.tolist() == ["alleged"] and nkvd.claim.tolist() == ["killing"]
    assert gestapo.certainty.tolist() == ["disputed"] and gestapo.claim.tolist() == ["killing"]
    assert suicide.certainty.tolist() == ["disputed"]
    official = acc[acc.kind == "official"]
    assert official.claim.tolist() == ["suicide"]


def test_every_official_account_has_claim_and_claimant(ds):
    official = ds.accounts[ds.accounts.kind == "official"]
    assert len(official) >= 12
    assert official.claim.notna().all() and official.claimed_by.notna().all()


def test_sedov_alleged_zborowski(ds):
    # The Assassination of Leon Trotsky ¶5; The Murder of Rudolf Klement ¶1 (no poison named)
    acc = _accounts(ds, "lev-sedov-death").set_index("account_id")
    z = acc.loc["lev-sedov-death--zborowski"]
    assert (z.perpetrator_id, z.perpetrator_org_id, z.certainty) == ("mark-zborowski", "nkvd", "alleged")
    assert z.method == "unknown"


def test_lyushkov_killer_disputed(ds):
    # reference-facts §2: killed by the Japanese (EN-wiki) vs an NKVD operative (grokipedia)
    acc = _accounts(ds, "genrikh-lyushkov-death")
    assert set(acc.perpetrator_org_id) == {"japan", "nkvd"}
    assert set(acc.certainty) == {"disputed"}


def test_savinkov_pushed_or_jumped(ds):
    # The Capture of Boris Savinkov ¶2
    acc = _accounts(ds, "boris-savinkov-assassination").set_index("kind")
    assert acc.at["official", "claim"] == "suicide"
    assert acc.at["allegation", "claim"] == "killing"
    assert acc.at["allegation", "certainty"] == "alleged"


def test_menzhinsky_poisoned_or_natural(ds):
    acc = _accounts(ds, "vyacheslav-menzhinsky-death")
    assert "natural_death" in set(acc.claim)
    poison = acc[acc.method == "poison"]
    assert poison.perpetrator_id.tolist() == ["genrikh-yagoda"]


def test_slutsky_and_lakoba_official_heart_attacks(ds):
    for event_id in ("abram-slutsky-assassination", "nestor-lakoba-assassination"):
        acc = _accounts(ds, event_id)
        assert acc[acc.kind == "official"].claim.tolist() == ["natural_death"]
        assert "killing" in set(acc[acc.kind == "allegation"].claim)


def test_reich_nkvd_allegation_hedged(ds):
    # The Murder of Zinaida Reich ¶3: it was believed
    acc = _accounts(ds, "zinaida-reich-assassination")
    alleg = acc[acc.kind == "allegation"]
    assert alleg.perpetrator_org_id.tolist() == ["nkvd"]
    assert alleg.certainty.tolist() == ["alleged"]


# --- slips --------------------------------------------------------------------------------------

def test_kirov_murder_order_has_no_place(ds):
    assert _event(ds, "kirov-murder-order").place is None


def test_gugb_reorganisation_by_end_of_1937(ds):
    ev = _event(ds, "gugb-reorganisation-1937")
    assert ev.date == "1936-09/1937-12"


def test_katyn_massacre_cites_three_paragraphs(ds):
    assert _event(ds, "katyn-massacre").locator == f"{K} ¶3 ; {K} ¶4 ; {K} ¶5"

"""What users read about why an expert is named, and words that only look alike."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.domain.routing.directory_import import parse_directory
from bot.domain.routing.expansion import AffixIndex
from bot.domain.routing.index import ExpertRouter, RouterSettings
from bot.domain.routing.models import Reason
from bot.domain.routing.why import Why, why_ranked, why_stored
from bot.i18n import de
from cards.why import why_text

UTC_ZONE = ZoneInfo("UTC")
DEMO_EXPERTS = Path(__file__).resolve().parents[3] / "devkit" / "demo" / "experts.json"
LABELS = {
    "de": {"topics": "Themen", "title": "Funktion", "department": "Abteilung",
           "about": "Beschreibung", "location": "Standort"},
    "en": {"topics": "topics", "title": "job title", "department": "department",
           "about": "description", "location": "location"},
}  # fmt: skip


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_profile_field_of_the_index_has_a_label(lang: str) -> None:
    prefix = {"de": "laut Profil: ", "en": "profile: "}[lang]
    for name, _weight in RouterSettings().field_weights:
        text = why_text(why_ranked(Reason("profile", field=name), UTC_ZONE), lang)
        assert text == prefix + LABELS[lang][name]
    assert why_text(Why("profile", field="x_internal"), lang) == prefix.rstrip(": ")


def test_the_answer_day_is_taken_in_the_configured_time_zone_and_written_per_language() -> None:
    # 23:30 UTC on 11 March is already 12 March in Berlin, still 11 March in New York.
    answered = Reason("history", asked_at=datetime(2026, 3, 11, 23, 30, tzinfo=UTC))
    berlin = why_ranked(answered, ZoneInfo("Europe/Berlin"))
    assert berlin == Why("history", day="2026-03-12")
    assert why_text(berlin, "de") == "hat eine ähnliche Frage am 12.3. beantwortet"
    assert why_text(berlin, "en") == "answered a similar question on 12 Mar"
    new_york = why_ranked(answered, ZoneInfo("America/New_York"))
    assert why_text(new_york, "en") == "answered a similar question on 11 Mar"


def test_a_reason_stored_as_a_sentence_is_shown_as_it_was() -> None:
    assert why_text(why_stored("Thema: Reisekosten"), "en") == "Thema: Reisekosten"
    stored = why_stored({"kind": "deputy", "topic": "", "field": "", "day": "", "name": "Jana",
                         "text": ""})  # fmt: skip
    assert why_text(stored, "de") == "Vertretung für Jana"
    assert why_text(stored, "en") == "deputy for Jana"


def test_a_stem_that_only_starts_another_known_word_is_no_compound_modifier() -> None:
    # "Personen" stems to "person"; "Personalthemen" is "Personal" + "Themen", not "person" + …
    affixes = AffixIndex({"personal", "personalthemen", "reise", "reisekostenabrechnung"})
    assert affixes.with_modifier("person") == []
    assert affixes.with_modifier("personal") == ["personalthem"]
    # A real modifier, also through its stem ("Reisen" -> "reis"), still reaches its compounds.
    assert affixes.with_modifier("reise") == ["reisekostenabrechn"]
    assert affixes.with_modifier("reis") == ["reisekostenabrechn"]


def _router() -> tuple[ExpertRouter, dict[str, str]]:
    records = parse_directory(json.loads(DEMO_EXPERTS.read_text("utf-8")))
    names = {r.user_key: r.name for r in records}
    return ExpertRouter([r.to_profile() for r in records], []), names


def test_a_head_count_in_persons_does_not_reach_the_hr_expert() -> None:
    router, names = _router()
    ranked = [names[c.expert_id] for c in router.rank("Catering für 40 Personen", k=6).candidates]
    assert ranked == ["Kerstin Vogel"]
    hr = router.rank("Wo finde ich Infos zu Personal?", k=6).candidates
    assert [names[c.expert_id] for c in hr] == ["Jana Becker"]
    assert hr[0].reason.field == "title"


def test_routing_texts_address_nobody_by_gender() -> None:
    # "nicht ihr/sein Thema" read as a slip; routing speaks of roles ("nicht zuständig").
    slashed = re.compile(
        r"\b(ihr|sein|seine|ihre|er|sie)/(ihr|sein|seine|ihre|er|sie)\b|\w/(r|in|innen)\b"
    )
    routing = {k: v for k, v in de.MESSAGES.items() if k.startswith(("routing.", "reach."))}
    assert routing and not {k: v for k, v in routing.items() if slashed.search(v)}

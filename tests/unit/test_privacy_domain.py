"""Privacy rules without a database: finding and replacing a person, retention cutoffs."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.domain.privacy.identity import ERASED_NAME, Identity, Traces, is_pseudonym, new_pseudonym
from bot.domain.privacy.retention import Retention

ANNA = Identity("AAAA-1111").with_values(
    ids=["29:anna", "Anna.Auerbach@firma.de", ""], names=["Anna Auerbach", "Al", " "]
)


def test_identifiers_and_names_are_replaced_deeply_and_in_any_case() -> None:
    traces = Traces(ANNA)
    value = {
        "aaaa-1111": {"id": "29:ANNA", "name": "anna auerbach", "mail": "anna.auerbach@FIRMA.de"},
        "text": "Frag Anna Auerbach (anna.auerbach@firma.de), nicht Annalena.",
        "list": ["AAAA-1111", 3, None],
    }
    scrubbed = traces.scrub(value, "geloescht-x")
    assert scrubbed == {
        "geloescht-x": {"id": "geloescht-x", "name": ERASED_NAME, "mail": "geloescht-x"},
        "text": f"Frag {ERASED_NAME} (geloescht-x), nicht Annalena.",
        "list": ["geloescht-x", 3, None],
    }
    assert traces.mentioned_in(value) and not traces.mentioned_in(scrubbed)


def test_short_names_and_partial_words_are_left_alone() -> None:
    traces = Traces(ANNA)
    assert traces.scrub("Also Alfred und Anna Auerbachsen", "p") == (
        "Also Alfred und Anna Auerbachsen"
    )
    assert traces.scrub("Anna Auerbachs Frage", "p") == f"{ERASED_NAME} Frage"


def test_pseudonyms_are_random_and_recognisable() -> None:
    first, second = new_pseudonym(), new_pseudonym()
    assert first != second and is_pseudonym(first) and not is_pseudonym("AAAA-1111")


def test_cutoffs_per_kind() -> None:
    now = datetime(2026, 6, 15, 10, 0, tzinfo=UTC)
    cutoffs = Retention(questions_days=365, votes_days=90).cutoffs(now)
    assert cutoffs.questions == datetime(2025, 6, 15, 10, 0, tzinfo=UTC)
    # 90 days before is 17 March: February ended more than 90 days ago, March did not.
    assert cutoffs.votes == date(2026, 3, 1)
    assert Retention(votes_days=1).cutoffs(datetime(2026, 7, 1, tzinfo=UTC)).votes == date(
        2026, 6, 1
    )
    assert Retention(members_days=30).cutoffs(now).members == datetime(
        2026, 5, 16, 10, 0, tzinfo=UTC
    )


def test_retention_needs_at_least_a_day() -> None:
    with pytest.raises(ValueError, match="votes_days"):
        Retention(votes_days=0)
    with pytest.raises(ValueError, match="members_days"):
        Retention(members_days=0)

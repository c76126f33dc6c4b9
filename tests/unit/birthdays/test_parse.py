"""Reading a typed birthday: day.month everywhere, slash dates in the locale's order, ISO,
and written German or English months; anything else is unreadable (not "does not exist")."""

from __future__ import annotations

import pytest

from bot.domain.birthdays.parse import month_first, read_day_month


@pytest.mark.parametrize("locale", ["de-DE", "en-US", "en-GB", "fr-FR"])
def test_a_dotted_date_is_day_month_in_every_locale(locale: str) -> None:
    for text in ("14.03.", "14.3.", "14.03", " 14. 03. ", "14.03.1985", "ist am 14.03."):
        assert read_day_month(text, locale) == (14, 3), text
    assert read_day_month("31.02.", locale) == (31, 2)  # read; the domain says it is impossible


def test_a_slash_date_is_month_day_in_en_us_and_day_month_elsewhere() -> None:
    assert read_day_month("03/14", "en-US") == (14, 3)
    assert read_day_month("03/14/1985", "en-us") == (14, 3)
    assert read_day_month("03/04", "en-US") == (4, 3)  # 4 March, not 3 April
    assert read_day_month("14/03", "en-US") == (3, 14)  # month 14: impossible, nothing stored
    for locale in ("en-GB", "de-DE", "fr-FR", "en-CA"):
        assert read_day_month("14/03", locale) == (14, 3)
        assert read_day_month("03/04", locale) == (3, 4)
    assert month_first("en_US") and not month_first("en-GB") and not month_first("de-DE")


# The order of a day and month as the locale writes them (CLDR through Babel), not a list
# of month-first locales kept here.
@pytest.mark.parametrize(
    ("locale", "first"),
    [("en-US", True), ("en-PH", True), ("fil-PH", True), ("ja-JP", True), ("en", True),
     ("en-GB", False), ("en-CA", False), ("de-DE", False), ("en-AU", False), ("de", False),
     ("xx-YY", False), ("", False)],
)  # fmt: skip
def test_the_slash_order_follows_the_locale(locale: str, first: bool) -> None:
    assert month_first(locale) is first
    assert read_day_month("03/14", locale) == ((14, 3) if first else (3, 14))


def test_an_iso_date() -> None:
    assert read_day_month("1985-03-14", "en-US") == (14, 3)


@pytest.mark.parametrize(
    "text",
    ["5. Mai", "am 5. Mai", "5 Mai", "5. mai 1985", "5 May", "May 5", "May 5th", "on May 5th",
     "5th of May", "the 5th of May", "May 5, 1985", "Mai 5.", "5. Mai!"],
)  # fmt: skip
def test_a_written_month_in_german_or_english(text: str) -> None:
    assert read_day_month(text, "de-DE") == (5, 5)
    assert read_day_month(text, "en-US") == (5, 5)


def test_more_month_names() -> None:
    assert read_day_month("14. März", "de-DE") == (14, 3)
    assert read_day_month("14. Maerz", "de-DE") == (14, 3)
    assert read_day_month("March 14", "en-US") == (14, 3)
    assert read_day_month("1. Dez.", "de-DE") == (1, 12)
    assert read_day_month("31 February", "en-GB") == (31, 2)


@pytest.mark.parametrize(
    "text", ["morgen", "tomorrow", "5. Maiglöckchen", "14", "loeschen", "14-03", "3/4/5/6", ""]
)
def test_text_that_is_no_date_is_unreadable(text: str) -> None:
    assert read_day_month(text, "de-DE") is None

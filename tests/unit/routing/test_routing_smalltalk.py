"""Small talk stays small talk even when it names a department; real requests still route."""

from __future__ import annotations

import pytest

from bot.domain.routing.smalltalk import is_request, is_smalltalk


def smalltalk(text: str) -> bool:
    return is_smalltalk(text, is_request(text))


@pytest.mark.parametrize(
    "message",
    [
        "Danke an die Buchhaltung für die schnelle Hilfe bei der Reisekostenabrechnung!",
        "Wir gratulieren dem Vertrieb Nord zum erfolgreichen Messeauftritt 🎉",
        "Big thanks to the IT service desk for sorting out the printers so quickly!",
        "Hat jemand Lust, nachher mit in die Kantine zu kommen?",
        "Wer hat meinen Schlüssel im Besprechungsraum gesehen? Ach, hat sich erledigt 😅",
        "Herzlich willkommen an unsere neue Kollegin im Einkauf!",
        "Frohe Weihnachten an alle aus dem Controlling!",
        "Happy birthday to our colleague from Finance!",
        "Best wishes from the HR team!",
    ],
)
def test_social_notes_naming_a_department_are_smalltalk(message: str) -> None:
    assert smalltalk(message)


@pytest.mark.parametrize(
    "message",
    [
        "Danke vorab! Wer kann mir bei der Reisekostenabrechnung helfen?",
        "Danke für den Tipp – wo finde ich das Formular für die Elternzeit?",
        "Thanks! Who can reset my VPN password?",
        "Ich habe den Mietvertrag für das Lager nicht gefunden",
        "Gefunden habe ich nur das alte Formular, wo ist das neue?",
        "Der Drucker im 2. OG ist kaputt, danke schon mal",
        "Frohes neues Jahr! Wer bucht die Räume für das Kick-off?",
        "Ich wünsche mir eine Excel-Schulung für unser Team",
    ],
)
def test_requests_with_thanks_or_finding_words_are_not_smalltalk(message: str) -> None:
    assert not smalltalk(message)


@pytest.mark.parametrize(
    "message",
    [
        "Cheers to the print shop for rescuing our brochures!",
        "Kudos to the reception desk, they were super friendly today",
        "The soup in the staff restaurant was delicious today",
        "The renovated meeting rooms on level two look fantastic",
        "The lunch at the summer fair was great",
        "Der neue Wasserspender in der Lobby ist genial",
        "Das Frühstück beim Teamtag war wirklich lecker",
    ],
)
def test_praise_and_cheers_that_ask_nothing_are_smalltalk(message: str) -> None:
    assert smalltalk(message)


@pytest.mark.parametrize(
    "message",
    [
        "The new scanner is great, but how do I send scans to my mailbox?",
        "Was muss ich beim Antrag für den Dienstwagen beachten",
        "Die neue Kaffeemaschine ist genial – wer bestellt die Bohnen nach?",
    ],
)
def test_praise_with_a_request_still_routes(message: str) -> None:
    assert not smalltalk(message)


def test_english_was_is_not_a_question_word() -> None:
    assert not is_request("The parking garage was closed all morning")
    assert is_request("Was kostet ein Parkplatz in der Tiefgarage")

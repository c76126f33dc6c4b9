"""Birthdays and jubilees through the real endpoint, database (SQLite and PostgreSQL) and
Graph simulator, with two bot instances on one database and a ManualClock: opt-ins, follows,
the daily job's reminders before and on the day (once), "Gratulieren" in the channel, the
jubilee only after its opt-in, and the erasure."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.adapters.clock import ManualClock
from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator import running_simulator
from tests.conftest import RunningBot, local_settings
from tests.support import activities
from tests.support.card_nodes import elements
from tests.support.connector_sink import ConnectorSink
from tests.support.queue import drained, eventually

SABINE = ("c009aadc-479f-503c-b41a-60b0bbea7223", "Sabine Krüger")
JANA = ("3fdf9ae0-df13-5c6e-9f1b-6fd8c4dd7e85", "Jana Becker")
MELANIE = ("2b86549a-01f9-5f68-8b62-6230b0f81209", "Melanie Schäfer")
KERSTIN = ("f38180ae-1428-558d-b7ec-fb33fc42d9f1", "Kerstin Vogel")  # never writes to the bot
TEAM = "19:team@thread.tacv2"
Person = tuple[str, str]


def dms(sink: ConnectorSink, who: Person, marker: str = "") -> list[str]:
    """Every card sent to the person's 1:1 chat (as JSON text) containing ``marker``."""
    found = [
        json.dumps(a.get("attachments"), ensure_ascii=False)
        for a in sink.sent
        if a["_conversation"] == f"a:personal-{who[0]}" and a.get("attachments")
    ]
    return [card for card in found if marker in card]


def channel_posts(sink: ConnectorSink) -> list[str]:
    return [
        json.dumps(a.get("attachments"), ensure_ascii=False)
        for a in sink.sent
        if a["_conversation"] == TEAM and a.get("attachments")
    ]


class Chat:
    """Writes and clicks as one person in their personal chat."""

    def __init__(self, bot: RunningBot, sink: ConnectorSink) -> None:
        self.bot, self.sink = bot, sink

    async def say(self, who: Person, text: str, locale: str = "de-DE") -> str:
        activity = activities.as_user(activities.message(self.sink.url, text, locale=locale), *who)
        before = len(self.sink.sent)
        assert (await self.bot.post(activity)).status in (200, 201)
        sent = self.sink.sent[before:]
        return " ".join((a.get("text") or "") + json.dumps(a.get("attachments") or [],
                        ensure_ascii=False) for a in sent)  # fmt: skip

    async def click(
        self, who: Person, verb: str, data: dict[str, Any], locale: str = "de-DE"
    ) -> str:
        click = activities.as_user(activities.card_invoke(self.sink.url, verb, data), *who)
        click["locale"] = locale
        response = await self.bot.post(click)
        return json.dumps(await response.json(), ensure_ascii=False)


async def _stack(
    bot_factory: Callable[..., Awaitable[RunningBot]],
    sink: ConnectorSink,
    database_url: str,
    clock: ManualClock,
    graph_url: str,
    crowd: int = 0,
) -> tuple[RunningBot, RunningBot]:
    """Two replicas; the team's roster is the four people, and ``crowd`` test persons more
    ("Testperson 1" …, in no directory, who never write to the bot)."""
    sink.members = [activities.user(aad=aad, name=name) for aad, name in
                    (SABINE, JANA, MELANIE, KERSTIN)]  # fmt: skip
    sink.members += [activities.user(n) for n in range(1, crowd + 1)]
    settings = local_settings(database_url, graph_base_url=graph_url)
    first = await bot_factory(settings, clock)
    second = await bot_factory(settings, clock)  # a second replica on the same database
    assert (await first.post(activities.bot_added_to_team(sink.url))).status in (200, 201)
    await drained(database_url, clock.now())  # the roster is read
    return first, second


async def test_birthday_reminders_before_and_on_the_day_and_congratulations(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    clock = ManualClock(datetime(2027, 3, 12, 6, 0, tzinfo=UTC))  # 07:00 in Berlin
    async with running_simulator(load_demo_organisation(), clock=clock) as graph_url:
        first, _second = await _stack(bot_factory, sink, database_url, clock, graph_url)
        chat = Chat(first, sink)
        assert "Dieses Datum gibt es nicht" in await chat.say(JANA, "mein geburtstag 31.02.")
        assert "nichts gespeichert" in await chat.say(JANA, "mein geburtstag 31.02.")
        saved = await chat.say(JANA, "mein geburtstag 14.03.")
        assert "14. März" in saved and "nur Kolleginnen und Kollegen" in saved
        assert "das Netzwerk" in await chat.say(JANA, "geburtstag sichtbar für netzwerk")
        assert "Sie folgen jetzt Jana Becker" in await chat.say(MELANIE, "folge jana")
        assert "Netzwerk" in await chat.say(SABINE, "erinnere mich an geburtstage im netzwerk")
        # A colleague who never wrote to the bot can be followed (the roster knows her), but
        # nothing about her is ever sent: she opted in to nothing.
        assert "Kerstin Vogel" in await chat.say(MELANIE, "folge Kerstin Vogel")

        clock.advance(timedelta(hours=1, minutes=1))  # 12.03., 08:01: nothing due yet
        await drained(database_url, clock.now())
        assert dms(sink, MELANIE, "Erinnerung") == [] and dms(sink, SABINE, "Erinnerung") == []

        clock.advance(timedelta(days=1))  # 13.03.: the day before
        await drained(database_url, clock.now())
        for who in (MELANIE, SABINE):
            [before] = dms(sink, who, "Erinnerung")
            assert "Jana Becker hat am 14.3. Geburtstag" in before
        assert dms(sink, JANA, "Erinnerung") == []  # nobody is reminded of themselves

        clock.advance(timedelta(days=1))  # 14.03.: the day
        await drained(database_url, clock.now())
        [today] = dms(sink, SABINE, "Heute hat Jana Becker Geburtstag")
        assert '"birthdays.congratulate"' in today
        assert len(dms(sink, MELANIE, "Erinnerung")) == 2  # two replicas, still once a day
        assert not any("Kerstin" in card for card in dms(sink, MELANIE))

        data = {"person_key": JANA[0], "day": "2027-03-14"}
        assert "erscheint gleich im Kanal" in await chat.click(
            SABINE, "birthdays.congratulate", data
        )
        assert "schon gratuliert" in await chat.click(SABINE, "birthdays.congratulate", data)
        await drained(database_url, clock.now())
        [greeting] = channel_posts(sink)
        assert "Sabine Krüger gratuliert Jana Becker zum Geburtstag" in greeting
        # Forged and stale cards: a friendly refusal, nothing posted.
        forged = {"person_key": MELANIE[0], "day": "2027-03-14"}
        assert "nicht im Netzwerk geteilt" in await chat.click(
            SABINE, "birthdays.congratulate", forged
        )
        stale = {"person_key": JANA[0], "day": "2026-03-14"}
        assert "nicht mehr aktuell" in await chat.click(MELANIE, "birthdays.congratulate", stale)
        assert "ungültig" in await chat.click(SABINE, "birthdays.congratulate", {"day": "x"})
        await drained(database_url, clock.now())
        assert len(channel_posts(sink)) == 1

        # "meine daten" shows it; "meine daten löschen" removes it and the follows both ways.
        shown = await chat.say(JANA, "meine daten")
        assert "Geburtstag und Jubiläen" in shown
        confirm = await chat.say(JANA, "meine daten löschen")
        token = json.loads(confirm[confirm.index("[") :])[0]["content"]
        click = _find_verb(token, "privacy.erase_confirm")
        assert "gelöscht" in await chat.click(JANA, "privacy.erase_confirm", click)
        assert "Sie folgen niemandem" in await chat.say(MELANIE, "entfolgen Jana")
        clock.advance(timedelta(days=365))
        await drained(database_url, clock.now())
        assert len(dms(sink, SABINE, "Erinnerung")) == 2  # no reminder a year later


def _find_verb(card: Any, verb: str) -> dict[str, Any]:
    if isinstance(card, dict):
        if card.get("verb") == verb:
            return dict(card.get("data") or {})
        for value in card.values():
            if (found := _find_verb(value, verb)) is not None:
                return found
    if isinstance(card, list):
        for value in card:
            if (found := _find_verb(value, verb)) is not None:
                return found
    return None  # type: ignore[return-value]


async def test_dates_in_the_locales_order_month_names_aliases_and_forms_of_address(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """The exploratory test's findings: "03/14" in en-US is 14 March (and "03/04" 4 March,
    shown with the month's name), "5. Mai" is understood, "loeschen" deletes, and "Frau"
    is no part of the name to follow."""
    async with _morning_chat(bot_factory, sink, database_url) as chat:
        assert "is 14 March" in await chat.say(JANA, "my birthday 03/14", "en-US")
        assert "is 4 March" in await chat.say(JANA, "my birthday 03/04", "en-US")
        assert "is 3 April" in await chat.say(JANA, "my birthday 03/04", "en-GB")
        assert "ist der 5. Mai" in await chat.say(JANA, "mein geburtstag am 5. Mai")
        unread = await chat.say(JANA, "mein geburtstag im Frühling")
        assert "verstehe ich nicht" in unread and "gibt es nicht" not in unread
        assert "Sie folgen jetzt Jana Becker" in await chat.say(MELANIE, "folge Frau Becker")
        assert "Sie folgen Jana Becker nicht mehr" in await chat.say(
            MELANIE, "entfolgen Frau Becker"
        )
        assert "Ihr Geburtstag ist gelöscht" in await chat.say(JANA, "mein geburtstag loeschen")
        assert "keinen Geburtstag" in await chat.say(JANA, "mein geburtstag löschen")


async def test_jubilee_from_the_hire_date_only_after_the_opt_in(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """Jana (hired 13.12.2016) and Sabine (13.12.2006) both have a round jubilee on
    13.12.2026; only Jana opted in, so Melanie, who follows both, hears only of Jana's."""
    clock = ManualClock(datetime(2026, 12, 6, 6, 0, tzinfo=UTC))
    async with running_simulator(load_demo_organisation(), clock=clock) as graph_url:
        first, _ = await _stack(bot_factory, sink, database_url, clock, graph_url)
        chat = Chat(first, sink)
        assert "Dienstjubiläen an" in await chat.say(JANA, "dienstjubiläum an")
        assert "Please write" in await chat.say(SABINE, "service jubilee maybe", "en-US")
        for name in ("Jana Becker", "Sabine Krüger"):
            assert "Sie folgen jetzt" in await chat.say(MELANIE, f"folge {name}")
        clock.advance(timedelta(hours=1, minutes=1))
        await drained(database_url, clock.now())
        await eventually(lambda: _true(bool(dms(sink, MELANIE, "Dienstjubiläum"))))
        [jubilee] = dms(sink, MELANIE, "Dienstjubiläum")
        assert "Jana Becker feiert am 13.12. 10-jähriges Dienstjubiläum. Blumen?" in jubilee
        assert "Sabine" not in jubilee and "Chat öffnen" in jubilee  # a chat link
        assert "users=jana.becker%40nordlicht-demo.de" in jubilee


async def _true(value: bool) -> bool:
    return value


@asynccontextmanager
async def _morning_chat(
    bot_factory: Callable[..., Awaitable[RunningBot]],
    sink: ConnectorSink,
    database_url: str,
    crowd: int = 0,
) -> AsyncIterator[Chat]:
    """A chat with the bot on 12 March 2027, 07:00 in Berlin (two replicas, Graph simulator)."""
    clock = ManualClock(datetime(2027, 3, 12, 6, 0, tzinfo=UTC))
    async with running_simulator(load_demo_organisation(), clock=clock) as graph_url:
        first, _ = await _stack(bot_factory, sink, database_url, clock, graph_url, crowd)
        yield Chat(first, sink)


async def _jana_follows_one_and_two_follow_her(chat: Chat) -> None:
    assert "Sie folgen jetzt" in await chat.say(JANA, "folge Melanie Schäfer")
    for follower in (MELANIE, SABINE):
        assert "Sie folgen jetzt" in await chat.say(follower, "folge Jana Becker")


def _facts(reply: str) -> dict[str, str]:
    """The export card's FactSet (title -> value) in a reply of ``Chat.say``."""
    content = json.loads(reply[reply.index("[") :])[0]["content"]
    sets = [b for b in content["body"] if b.get("type") == "FactSet"]
    return {fact["title"]: fact["value"] for fact in sets[0]["facts"]} if sets else {}


async def test_meine_daten_counts_whom_one_follows_apart_from_ones_followers(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """Before, the export card's "Wem Sie folgen" also counted the record that says how many
    follow the person: Jana, who follows one colleague and is followed by two, read "2", and
    Kerstin, who never wrote to the bot and follows nobody, read "Wem Sie folgen: 1"."""
    async with _morning_chat(bot_factory, sink, database_url) as chat:
        await _jana_follows_one_and_two_follow_her(chat)
        assert "Sie folgen jetzt" in await chat.say(MELANIE, "folge Kerstin Vogel")

        jana = _facts(await chat.say(JANA, "meine daten"))
        assert jana["Wem Sie folgen (Erinnerungen an Geburtstage)"] == "1"
        assert jana["Wie viele Ihnen folgen (nur die Zahl, ohne Namen)"] == "2"
        kerstin = _facts(await chat.say(KERSTIN, "my data", "en-US"))
        assert "Whom you follow (birthday reminders)" not in kerstin
        assert kerstin["How many follow you (the number only, no names)"] == "1"


async def test_a_name_typed_with_digraphs_is_followed_and_unfollowed(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """Before, "folge Sabine Krueger" (a keyboard without umlauts, or the spelling of her mail
    address) answered "Im Netzwerk finde ich niemanden namens „Sabine Krueger“", though
    dates ("Maerz") and commands ("loeschen") accept digraphs. Now names fold like everywhere
    else: "Krueger" is "Krüger", "Schaefer" is "Schäfer", both to follow and to unfollow."""
    async with _morning_chat(bot_factory, sink, database_url) as chat:
        assert "Sie folgen jetzt Sabine Krüger" in await chat.say(JANA, "folge Sabine Krueger")
        assert "Sie folgen jetzt Melanie Schäfer" in await chat.say(JANA, "folge schaefer")
        assert "Sie folgen Sabine Krüger nicht mehr" in await chat.say(JANA, "entfolgen KRUEGER")
        assert "You no longer follow Melanie Schäfer" in await chat.say(
            JANA, "unfollow Melanie Schaefer", "en-US"
        )


async def test_a_name_ending_the_sentence_with_punctuation_is_found(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """Before, "folge Sabine Krüger!" answered "Im Netzwerk finde ich niemanden namens „Sabine
    Krüger!“" (and "entfolgen Sabine?" found nobody followed): the "!" was read as part of
    the name. Now the sentence's end is cut; "folge !" still asks for a name."""
    async with _morning_chat(bot_factory, sink, database_url) as chat:
        assert "Sie folgen jetzt Sabine Krüger" in await chat.say(JANA, "folge Sabine Krüger!")
        assert "Sie folgen jetzt Melanie Schäfer" in await chat.say(JANA, "folge Melanie?")
        assert "Sie folgen Sabine Krüger nicht mehr" in await chat.say(JANA, "entfolgen Sabine!")
        assert "Bitte mit Namen" in await chat.say(JANA, "folge !")


async def test_the_erasure_result_does_not_count_followers_as_whom_one_follows(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """Before, after "meine daten löschen" the result card read "Wem Sie folgen (Erinnerungen
    an Geburtstage): 3" for Jana, who followed one colleague: the erasure deletes the follows
    in both directions and the card used the label of the export. Now the line says so."""
    async with _morning_chat(bot_factory, sink, database_url) as chat:
        await _jana_follows_one_and_two_follow_her(chat)
        confirm = await chat.say(JANA, "meine daten löschen")
        token = json.loads(confirm[confirm.index("[") :])[0]["content"]
        erased = json.loads(
            await chat.click(
                JANA, "privacy.erase_confirm", _find_verb(token, "privacy.erase_confirm")
            )
        )["value"]
        [facts] = [b for b in erased["body"] if b.get("type") == "FactSet"]
        shown = {fact["title"]: fact["value"] for fact in facts["facts"]}
        assert "Wem Sie folgen (Erinnerungen an Geburtstage)" not in shown
        assert shown["Geburtstage: wem Sie folgten und wer Ihnen folgte"] == "3"


async def test_following_oneself_is_refused_as_such(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """Before, Jana writing "folge Jana Becker" (or "follow Becker") read "Im Netzwerk finde
    ich niemanden namens „Jana Becker“", which is untrue: she is in the network, only the
    one match was herself. Now she is told that one cannot follow oneself."""
    async with _morning_chat(bot_factory, sink, database_url) as chat:
        own = await chat.say(JANA, "folge Jana Becker")
        assert "Sich selbst kann man nicht folgen" in own and "niemanden" not in own
        assert "cannot follow" in await chat.say(JANA, "follow Becker", "en-US")
        assert "niemanden namens „Zorro“" in await chat.say(JANA, "folge Zorro")


async def test_the_visibility_without_a_birthday_is_not_confirmed(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """Before, "geburtstag sichtbar für netzwerk" before any birthday answered "Ihr Geburtstag
    ist jetzt sichtbar für: das Netzwerk", yet nothing was kept (a profile without opt-ins is
    deleted): the birthday typed next was visible only to followers. Now the bot says that
    a birthday comes first and stores nothing."""
    async with _morning_chat(bot_factory, sink, database_url) as chat:
        early = await chat.say(JANA, "geburtstag sichtbar für netzwerk")
        assert "noch keinen Geburtstag" in early and "jetzt sichtbar" not in early
        assert "not stored a birthday" in await chat.say(
            JANA, "birthday visible to network", "en-US"
        )
        assert "nur Kolleginnen und Kollegen" in await chat.say(JANA, "mein geburtstag 14.03.")
        assert "jetzt sichtbar für: das Netzwerk" in await chat.say(
            JANA, "geburtstag sichtbar für netzwerk"
        )


async def test_unfollow_without_a_name_says_whom_one_follows_and_changes_nothing(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """Before, "entfolgen" (or "unfollow") without a name answered "Sie folgen niemandem mit
    diesem Namen", though no name was given and Jana follows two colleagues. Now she is asked
    whom, with the names she follows and an example; nothing is unfollowed. Kerstin, who never
    wrote to the bot, is told that she follows nobody."""
    async with _morning_chat(bot_factory, sink, database_url) as chat:
        cold = await chat.say(KERSTIN, "entfolgen")
        assert "Sie folgen zurzeit niemandem" in cold and "mit diesem Namen" not in cold
        await _jana_follows_one_and_two_follow_her(chat)
        assert "Sie folgen jetzt" in await chat.say(JANA, "folge Sabine Krüger")

        whom = await chat.say(JANA, "entfolgen")
        assert "Wem möchten Sie nicht mehr folgen?" in whom and "mit diesem Namen" not in whom
        assert "Sie folgen: Melanie Schäfer, Sabine Krüger." in whom
        assert "„entfolgen Melanie Schäfer“" in whom
        assert "You follow: Melanie Schäfer, Sabine Krüger" in await chat.say(
            JANA, "unfollow", "en-US"
        )
        assert "Wem möchten Sie" in await chat.say(JANA, "nicht mehr folgen !")
        assert "Sie folgen: Melanie Schäfer, Sabine Krüger." in await chat.say(JANA, "entfolgen")
        assert "mit diesem Namen" in await chat.say(JANA, "entfolgen Zorro")


def _toggle_of(reply: str, input_id: str) -> str:
    """The value of the form card's toggle ``input_id`` in a reply of ``Chat.say``."""
    content = json.loads(reply[reply.index("[") :])[0]["content"]
    [toggle] = [b for b in content["body"] if b.get("id") == input_id]
    return str(toggle["value"])


async def test_a_jubilee_without_a_hire_date_is_kept_but_not_promised(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """Before, Kerstin (no employeeHireDate in Entra ID; she never wrote to the bot before)
    read after "dienstjubiläum an" that her followers are reminded of round jubilees, which
    can never happen without a hire date. Now her wish is kept and she is told that no hire
    date is known yet and who enters it in the directory; the form's jubilee says the same.
    Jana, whose hire date is known, gets the promise as before."""
    async with _morning_chat(bot_factory, sink, database_url) as chat:
        kept = await chat.say(KERSTIN, "dienstjubiläum an")
        assert "Ihr Wunsch ist gespeichert" in kept and "kein Eintrittsdatum" in kept
        assert "Personalabteilung oder IT" in kept and "Wer Ihnen folgt, wird" not in kept
        assert _toggle_of(await chat.say(KERSTIN, "mein geburtstag"), "jubilee") == "true"
        english = await chat.say(KERSTIN, "service jubilee on", "en-US")
        assert "no hire date for you yet" in english
        assert "Dienstjubiläen aus" in await chat.say(KERSTIN, "dienstjubiläum aus")

        form = {"day": "14", "month": "3", "visibility": "followers", "jubilee": "true"}
        saved = await chat.click(KERSTIN, "birthdays.save", form)
        assert "Ihr Geburtstag ist der 14. März" in saved and "kein Eintrittsdatum" in saved
        assert "kein Eintrittsdatum" not in await chat.click(
            KERSTIN, "birthdays.save", form | {"jubilee": "false"}
        )
        promised = await chat.say(JANA, "dienstjubiläum an")
        assert "Wer Ihnen folgt, wird" in promised and "kein Eintrittsdatum" not in promised


async def test_the_missing_hire_date_is_said_when_the_jubilee_is_switched_on_not_on_every_save(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """Before, every save of the form repeated "Allerdings ist im Verzeichnis noch kein
    Eintrittsdatum …" while Kerstin's jubilee was on, also when she only changed her birthday
    or its visibility. Now it is said when she switches the jubilee on (in the form or by
    command), not on a later save that leaves it on; switched off and on again, it is said."""
    async with _morning_chat(bot_factory, sink, database_url) as chat:
        form = {"day": "14", "month": "3", "visibility": "followers", "jubilee": "true"}
        first = await chat.click(KERSTIN, "birthdays.save", form)
        assert "14. März" in first and "kein Eintrittsdatum" in first
        for change in ({"day": "15"}, {"visibility": "network"}, {"remind_network": "true"}):
            again = await chat.click(KERSTIN, "birthdays.save", form | change)
            assert "Ihr Geburtstag ist der" in again and "kein Eintrittsdatum" not in again
        assert "kein Eintrittsdatum" not in await chat.click(
            KERSTIN, "birthdays.save", form | {"jubilee": "false"}
        )
        assert "kein Eintrittsdatum" in await chat.click(KERSTIN, "birthdays.save", form)
        assert "Dienstjubiläen aus" in await chat.say(KERSTIN, "dienstjubiläum aus")
        assert "kein Eintrittsdatum" in await chat.say(KERSTIN, "dienstjubiläum an")
        english = await chat.click(KERSTIN, "birthdays.save", form | {"day": "2"}, "en-US")
        assert "no hire date" not in english


def _pick_choices(reply: str) -> list[str]:
    """The names offered by the picker card in a reply of ``Chat.say``."""
    content = json.loads(reply[reply.index("[") :])[0]["content"]
    [choices] = [b["choices"] for b in content["body"] if b.get("type") == "Input.ChoiceSet"]
    return [choice["title"] for choice in choices]


async def test_a_picker_cut_at_fifteen_says_that_more_matched(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """Before, "folge Testperson" with 18 colleagues of that name showed a picker of 15 and
    nothing else: the other three were silently missing, and whoever looked for one of them
    could not tell why. Now the card says that 3 more matched and asks for more of the name;
    the unfollow picker does the same."""
    async with _morning_chat(bot_factory, sink, database_url, crowd=18) as chat:
        picker = await chat.say(JANA, "folge Testperson")
        assert len(_pick_choices(picker)) == 15 and "birthdays.follow" in picker
        assert "Es passen noch 3 weitere" in picker and "mehr vom Namen" in picker
        english = await chat.say(JANA, "follow testperson", "en-US")
        assert "3 more match" in english and "write more of the name" in english
        assert "Sie folgen jetzt Testperson 17" in await chat.say(JANA, "folge Testperson 17")
        few = await chat.say(JANA, "folge Testperson 1")  # 1, 10 … 18: ten, all listed
        assert len(_pick_choices(few)) == 10 and "weitere" not in few

        for n in range(1, 18):
            key = activities.user(n)["aadObjectId"]
            assert "Sie folgen jetzt" in await chat.click(
                JANA, "birthdays.follow", {"person_key": key}
            )
        unpick = await chat.say(JANA, "entfolgen Testperson")
        assert len(_pick_choices(unpick)) == 15 and "birthdays.unfollow" in unpick
        assert "Es passen noch 2 weitere" in unpick


async def test_the_form_lists_everyone_one_follows_not_only_fifty(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """Before, the form showed "Sie folgen: …" with the first 50 names only and dropped the
    rest without a word: Jana, who follows 60 colleagues, could not see ten of them. Now the
    form lists all 60 (only a list too long for a Teams message is cut, and then it says
    how many more and how to unfollow)."""
    async with _morning_chat(bot_factory, sink, database_url, crowd=60) as chat:
        for n in range(1, 61):
            key = activities.user(n)["aadObjectId"]
            assert "Sie folgen jetzt" in await chat.click(
                JANA, "birthdays.follow", {"person_key": key}
            )
        reply = await chat.say(JANA, "mein geburtstag")
        form = json.loads(reply[reply.index("[") :])[0]["content"]
        [following] = [
            b["text"] for b in form["body"] if str(b.get("text")).startswith("Sie folgen")
        ]
        listed = following.removeprefix("Sie folgen: ").split(", ")
        assert sorted(listed) == sorted(f"Testperson {n}" for n in range(1, 61))
        assert "weitere" not in following


def _inputs(card: dict[str, Any]) -> dict[str, str]:
    """Every input's preset value on a card, by id (also inside column sets)."""
    return {e["id"]: str(e.get("value", "")) for e in elements(card, "Input.") if "id" in e}


async def test_an_impossible_date_in_the_form_shows_the_form_again_with_the_entries(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """Before, choosing 31 February in the form answered with an error card in place of the
    form: the day, the visibility and both switches chosen were gone and had to be entered
    again. Now the form comes back with exactly what was entered and says that 31 February
    does not exist; nothing stored changes (Jana's 14 March stays, shared with the network).
    Kerstin, who never wrote to the bot, gets her entries back too and nothing is stored."""
    async with _morning_chat(bot_factory, sink, database_url) as chat:
        assert "14. März" in await chat.say(JANA, "mein geburtstag 14.03.")
        assert "das Netzwerk" in await chat.say(JANA, "geburtstag sichtbar für netzwerk")
        entered = {"day": "31", "month": "2", "visibility": "followers", "jubilee": "true",
                   "remind_network": "true"}  # fmt: skip
        again = json.loads(await chat.click(JANA, "birthdays.save", entered))
        assert again["type"] == "application/vnd.microsoft.card.adaptive"
        assert "Den 31. Februar gibt es nicht" in json.dumps(again["value"], ensure_ascii=False)
        assert _inputs(again["value"]) == entered
        assert '"birthdays.save"' in json.dumps(again["value"])  # it can be sent again

        stored = await chat.say(JANA, "mein geburtstag")
        form = json.loads(stored[stored.index("[") :])[0]["content"]
        assert _inputs(form) == {"day": "14", "month": "3", "visibility": "network",
                                 "jubilee": "false", "remind_network": "false"}  # fmt: skip

        english = json.loads(await chat.click(KERSTIN, "birthdays.save", entered, "en-US"))
        assert "There is no 31 February" in json.dumps(english["value"])
        assert _inputs(english["value"]) == entered
        empty = await chat.say(KERSTIN, "mein geburtstag")
        assert _inputs(json.loads(empty[empty.index("[") :])[0]["content"])["day"] == ""


MONIKA = ("03434958-461e-51fa-884f-ecf1439a497c", "Monika Schröder")  # in no team with the bot
TOBIAS = ("e080b594-810e-58b7-b078-b55e771bf867", "Tobias Wagner")  # in no team with the bot


async def _leaves(bot: RunningBot, sink: ConnectorSink, who: Person, database_url: str) -> None:
    """``who`` leaves the team (membersRemoved; the daily roster no longer lists them)."""
    sink.members = [m for m in sink.members if m.get("aadObjectId") != who[0]]
    assert (await bot.post(activities.members_removed(sink.url, who[0]))).status in (200, 201)
    await drained(database_url, bot.clock.now())


async def _rejoins(bot: RunningBot, sink: ConnectorSink, who: Person, database_url: str) -> None:
    """``who`` is added to the team again (membersAdded, and back in the roster)."""
    sink.members.append(activities.user(aad=who[0], name=who[1]))
    joined = activities.bot_added_to_team(sink.url)
    joined["membersAdded"] = [{"id": f"29:{who[0]}"}]
    assert (await bot.post(joined)).status in (200, 201)
    await drained(database_url, bot.clock.now())


async def test_who_left_the_team_is_not_announced_and_is_again_after_rejoining(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """Before, Jana, who had left every team with the bot, was still announced until the
    members retention erased her: her followers and the network's subscribers were reminded
    of her birthday and "Gratulieren" posted in the channel of a team she had left. Now
    nothing is told about her while she is away; her opt-ins and Melanie's follow stay, so
    when she rejoins before the day, the reminders on the day come as usual."""
    async with _morning_chat(bot_factory, sink, database_url) as chat:
        assert "14. März" in await chat.say(JANA, "mein geburtstag 14.03.")
        assert "das Netzwerk" in await chat.say(JANA, "geburtstag sichtbar für netzwerk")
        assert "Sie folgen jetzt Jana Becker" in await chat.say(MELANIE, "folge jana")
        assert "Netzwerk" in await chat.say(SABINE, "erinnere mich an geburtstage im netzwerk")
        await _leaves(chat.bot, sink, JANA, database_url)

        clock = chat.bot.clock
        clock.advance(timedelta(days=1, hours=1, minutes=1))  # 13.03., 08:01: the day before
        await drained(database_url, clock.now())
        assert dms(sink, MELANIE, "Erinnerung") == [] and dms(sink, SABINE, "Erinnerung") == []
        assert "Sie folgen: Jana Becker." in await chat.say(MELANIE, "entfolgen")  # kept

        await _rejoins(chat.bot, sink, JANA, database_url)  # back before her birthday
        clock.advance(timedelta(days=1))  # 14.03., 08:01: the day
        await drained(database_url, clock.now())
        for who in (MELANIE, SABINE):
            assert len(dms(sink, who, "Heute hat Jana Becker Geburtstag")) == 1

        await _leaves(chat.bot, sink, JANA, database_url)  # gone again, on the day
        data = {"person_key": JANA[0], "day": "2027-03-14"}
        refused = await chat.click(SABINE, "birthdays.congratulate", data)
        assert "in keinem Team mehr" in refused and "erscheint gleich" not in refused
        await drained(database_url, clock.now())
        assert channel_posts(sink) == []


async def test_a_jubilee_of_who_left_the_team_is_not_announced(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """Before, Melanie was reminded of Sabine's 20th service jubilee though Sabine had left
    every team with the bot; now only Jana's (still in the team) is announced."""
    clock = ManualClock(datetime(2026, 12, 6, 6, 0, tzinfo=UTC))
    async with running_simulator(load_demo_organisation(), clock=clock) as graph_url:
        first, _ = await _stack(bot_factory, sink, database_url, clock, graph_url)
        chat = Chat(first, sink)
        for who in (JANA, SABINE):
            assert "Dienstjubiläen an" in await chat.say(who, "dienstjubiläum an")
            assert "Sie folgen jetzt" in await chat.say(MELANIE, f"folge {who[1]}")
        await _leaves(first, sink, SABINE, database_url)
        clock.advance(timedelta(hours=1, minutes=1))
        await drained(database_url, clock.now())
        await eventually(lambda: _true(bool(dms(sink, MELANIE, "Dienstjubiläum"))))
        [jubilee] = dms(sink, MELANIE, "Dienstjubiläum")
        assert "Jana Becker feiert am 13.12." in jubilee and "Sabine" not in jubilee


async def test_an_opt_in_without_a_team_is_kept_and_said_to_announce_nothing(
    bot_factory: Callable[..., Awaitable[RunningBot]], sink: ConnectorSink, database_url: str
) -> None:
    """Before, Monika, who writes to the bot only in her personal chat and is in no team with
    it, read "Gespeichert … sichtbar für: das Netzwerk (auch im Kanal)" and that her followers
    would hear of her jubilees, as if it would be announced. Now her wish is kept and she is
    told that nothing is announced until she is in a team with the bot, and nothing is; the
    same for Tobias's first click on the form and for Kerstin once she left the team, and the
    form says so before anything is entered. Jana, in the team, reads the usual confirmation."""
    async with _morning_chat(bot_factory, sink, database_url) as chat:
        assert "Netzwerk" in await chat.say(SABINE, "erinnere mich an geburtstage im netzwerk")
        cold = await chat.say(MONIKA, "mein geburtstag 14.03.")  # her first message
        assert "Gespeichert" in cold and "aus keinem Team" in cold
        shared = await chat.say(MONIKA, "geburtstag sichtbar für netzwerk")
        assert "jetzt sichtbar für: das Netzwerk" in shared and "aus keinem Team" in shared
        jubilee = await chat.say(MONIKA, "dienstjubiläum an")
        assert "Ihr Wunsch ist gespeichert" in jubilee and "aus keinem Team" in jubilee
        assert "Wer Ihnen folgt, wird" not in jubilee
        assert "no team I am installed in" in await chat.say(MONIKA, "service jubilee on", "en-US")
        form = {"day": "14", "month": "3", "visibility": "network", "jubilee": "false"}
        clicked = await chat.click(TOBIAS, "birthdays.save", form)  # never wrote before
        assert "Ihr Geburtstag ist der 14. März" in clicked and "aus keinem Team" in clicked
        assert "aus keinem Team" not in await chat.say(JANA, "mein geburtstag 1.5.")
        assert "aus keinem Team" in await chat.say(MONIKA, "mein geburtstag")  # the form says it
        assert "aus keinem Team" not in await chat.say(JANA, "mein geburtstag")
        await _leaves(chat.bot, sink, KERSTIN, database_url)
        assert "aus keinem Team" in await chat.say(KERSTIN, "mein geburtstag 2.5.")

        chat.bot.clock.advance(timedelta(days=1, hours=1, minutes=1))  # 13.03.: the day before
        await drained(database_url, chat.bot.clock.now())
        assert dms(sink, SABINE, "Erinnerung") == []  # Monika and Tobias are announced nowhere

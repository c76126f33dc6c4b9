"""The birthday dialogs: commands in German and English, the form, the picker, refusals."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from bot.conversation import Actor, ConversationKind, Reply, Turn
from bot.domain.birthdays.model import Visibility
from bot.domain.birthdays.ports import Colleague
from bot.domain.birthdays.service import BirthdayService
from bot.settings import Settings
from cards.birthdays import PICK_LIMIT
from dialogs import birthday_follows, birthdays
from dialogs.birthdays import BirthdayDialogServices
from dialogs.context import DialogContext
from dialogs.dispatch import Dialogs
from dialogs.router import Router
from tests.unit.birthdays.world import JANA, MELANIE, SABINE, build


@pytest.fixture
def world() -> tuple[Dialogs, BirthdayService]:
    service, delivery, _notifier, _jobs, clock = build()
    settings = Settings(_env_file=None, mode="local")  # type: ignore[call-arg, arg-type]
    ctx = DialogContext(settings, clock, BirthdayDialogServices(service, delivery))
    router: Router[BirthdayDialogServices] = Router(BirthdayDialogServices)
    router.include(birthdays.router)
    router.include(birthday_follows.router)  # the feature in its two modules, as in the registry
    return router.bind(ctx), service


def turn(
    text: str = "",
    who: tuple[str, str] = JANA,
    verb: str | None = None,
    data: dict[str, Any] | None = None,
    kind: ConversationKind = ConversationKind.PERSONAL,
    locale: str = "de-DE",
) -> Turn:
    return Turn(
        activity_id="1", conversation_id="c", conversation_kind=kind, tenant_id="t",
        actor=Actor(id=f"29:{who[0]}", aad_object_id=who[0], name=who[1]), locale=locale,
        text=text, card_verb=verb, card_data=data or {}, via_invoke=verb is not None,
    )  # fmt: skip


def said(reply: Reply) -> str:
    return (reply.text or "") + json.dumps(reply.card or {}, ensure_ascii=False)


async def test_storing_changing_and_deleting_a_birthday(world: Any) -> None:
    dialogs, service = world
    assert "gibt es nicht" in said(await dialogs.dispatch(turn("mein geburtstag 31.02.")))
    assert "verstehe ich nicht" in said(await dialogs.dispatch(turn("Mein Geburtstag: morgen")))
    assert await service.repo.get(JANA[0]) is None
    assert "ist der 29. Februar" in said(await dialogs.dispatch(turn("Mein Geburtstag 29.2.")))
    english = await dialogs.dispatch(turn("my birthday 03/14", locale="en-US"))
    assert "is 14 March" in said(english) and "only colleagues who follow you" in said(english)
    reply = await dialogs.dispatch(turn("geburtstag sichtbar für Netzwerk"))
    assert "das Netzwerk" in said(reply)
    assert "Bitte" in said(await dialogs.dispatch(turn("geburtstag sichtbar für alle außer Chef")))
    stored = await service.repo.get(JANA[0])
    assert stored is not None and stored.visibility is Visibility.NETWORK
    assert "gelöscht" in said(await dialogs.dispatch(turn("mein geburtstag löschen")))
    assert await service.repo.get(JANA[0]) is None
    assert "keinen Geburtstag" in said(await dialogs.dispatch(turn("mein geburtstag löschen")))


@pytest.mark.parametrize(
    ("text", "locale", "shown", "stored"),
    [
        ("my birthday 03/04", "en-US", "is 4 March", (4, 3)),
        ("my birthday 03/04", "en-GB", "is 3 April", (3, 4)),
        ("mein geburtstag 03/04", "de-DE", "ist der 3. April", (3, 4)),
        ("my birthday 14.03.", "en-US", "is 14 March", (14, 3)),
        ("mein geburtstag am 5. Mai", "de-DE", "ist der 5. Mai", (5, 5)),
        ("my birthday is May 5th", "en-GB", "is 5 May", (5, 5)),
    ],
)
async def test_a_slash_date_is_read_in_the_locales_order_and_confirmed_with_its_month_name(
    world: Any, text: str, locale: str, shown: str, stored: tuple[int, int]
) -> None:
    dialogs, service = world
    assert shown in said(await dialogs.dispatch(turn(text, locale=locale)))
    profile = await service.repo.get(JANA[0])
    assert profile is not None and profile.birthday is not None
    assert (profile.birthday.day, profile.birthday.month) == stored


async def test_an_unreadable_date_is_not_called_impossible(world: Any) -> None:
    dialogs, service = world
    refused = said(await dialogs.dispatch(turn("my birthday 14/03", locale="en-US")))
    assert "does not exist" in refused and "March 14" in refused  # US order: month 14
    unread = said(await dialogs.dispatch(turn("mein geburtstag am fünften Mai")))
    assert "verstehe ich nicht" in unread and "14. März" in unread
    assert "gibt es nicht" not in unread and await service.repo.get(JANA[0]) is None


async def test_the_delete_command_without_umlauts(world: Any) -> None:
    dialogs, service = world
    await dialogs.dispatch(turn("mein geburtstag 14.03."))
    assert "gelöscht" in said(await dialogs.dispatch(turn("Mein Geburtstag loeschen")))
    assert await service.repo.get(JANA[0]) is None
    assert "Dienstjubiläen an" in said(await dialogs.dispatch(turn("dienstjubilaeum an")))


async def test_the_form_validates_the_day_against_the_month(world: Any) -> None:
    dialogs, service = world
    form = await dialogs.dispatch(turn("mein geburtstag"))
    assert form.card is not None and "birthdays.save" in said(form)
    data = {"day": "31", "month": "2", "visibility": "network", "jubilee": "true"}
    refused = await dialogs.dispatch(turn(verb="birthdays.save", data=data))
    assert "gibt es nicht" in said(refused) and await service.repo.get(JANA[0]) is None
    data |= {"day": "28"}
    assert "ist der 28. Februar" in said(
        await dialogs.dispatch(turn(verb="birthdays.save", data=data))
    )
    stored = await service.repo.get(JANA[0])
    assert stored is not None and stored.jubilee and stored.visibility is Visibility.NETWORK
    bad = await dialogs.dispatch(turn(verb="birthdays.save", data={"day": "x", "month": "2"}))
    assert "ungültig" in said(bad)


async def test_personal_data_only_in_the_personal_chat(world: Any) -> None:
    dialogs, service = world
    for kind in (ConversationKind.CHANNEL, ConversationKind.GROUP_CHAT):
        reply = await dialogs.dispatch(turn("mein geburtstag 14.03.", kind=kind))
        assert "persönlichen Chat" in said(reply)
    assert await service.repo.get(JANA[0]) is None


async def test_following_by_name_with_a_picker_and_forged_picks(world: Any) -> None:
    dialogs, service = world
    picker = await dialogs.dispatch(turn("folge e", who=SABINE))  # Jana and Melanie match
    assert picker.card is not None and "birthdays.follow" in said(picker)
    assert "Sabine" not in said(picker)  # never oneself
    assert "niemanden" in said(await dialogs.dispatch(turn("folge Xaver", who=SABINE)))
    forged = await dialogs.dispatch(turn(who=SABINE, verb="birthdays.follow",
                                         data={"person_key": "not-in-the-network"}))  # fmt: skip
    assert "nicht (mehr)" in said(forged) and await service.following(SABINE[0]) == []
    picked = await dialogs.dispatch(
        turn(who=SABINE, verb="birthdays.follow", data={"person_key": MELANIE[0]})
    )
    assert "Sie folgen jetzt Melanie Schäfer" in said(picked)
    english = await dialogs.dispatch(turn("follow jana", SABINE, locale="en-US"))
    assert "You now follow Jana Becker" in said(english)
    assert [f.followed_key for f in await service.following(SABINE[0])] == [JANA[0], MELANIE[0]]
    several = await dialogs.dispatch(turn("entfolgen e", who=SABINE))
    assert "birthdays.unfollow" in said(several)
    gone = await dialogs.dispatch(
        turn(who=SABINE, verb="birthdays.unfollow", data={"person_key": JANA[0]})
    )
    assert "nicht mehr" in said(gone)
    assert "niemandem" in said(await dialogs.dispatch(turn("entfolgen Jana", who=SABINE)))


async def test_forms_of_address_are_no_part_of_the_name(world: Any) -> None:
    dialogs, service = world
    followed = await dialogs.dispatch(turn("folge Frau Schäfer", who=SABINE))
    assert "Sie folgen jetzt Melanie Schäfer" in said(followed)
    english = await dialogs.dispatch(turn("follow Ms. Becker", SABINE, locale="en-US"))
    assert "You now follow Jana Becker" in said(english)
    assert "„Frau Xaver“" in said(await dialogs.dispatch(turn("folge Frau Xaver", who=SABINE)))
    assert "Bitte mit Namen" in said(await dialogs.dispatch(turn("folge Herrn", who=SABINE)))
    gone = await dialogs.dispatch(turn("entfolgen Frau Dr. Schäfer", who=SABINE))
    assert "Sie folgen Melanie Schäfer nicht mehr" in said(gone)
    assert [f.followed_key for f in await service.following(SABINE[0])] == [JANA[0]]


async def test_switches_for_jubilees_and_network_reminders(world: Any) -> None:
    dialogs, service = world
    assert "Dienstjubiläen an" in said(await dialogs.dispatch(turn("dienstjubiläum an")))
    assert "Bitte" in said(await dialogs.dispatch(turn("dienstjubiläum vielleicht")))
    reply = await dialogs.dispatch(turn("remind me of birthdays in the network", locale="en"))
    assert "remind you" in said(reply)
    stored = await service.repo.get(JANA[0])
    assert stored is not None and stored.jubilee and stored.remind_network
    await dialogs.dispatch(turn("dienstjubiläum aus"))
    await dialogs.dispatch(turn("keine geburtstagserinnerungen"))
    assert await service.repo.get(JANA[0]) is None  # nothing opted in: nothing stored


async def test_congratulating_a_birthday_not_shared_is_refused(world: Any) -> None:
    dialogs, service = world
    await service.set_birthday(*JANA, None, 26, 2)  # followers only
    data = {"person_key": JANA[0], "day": date(2027, 2, 26).isoformat()}
    reply = await dialogs.dispatch(turn(who=SABINE, verb="birthdays.congratulate", data=data))
    assert "nicht im Netzwerk geteilt" in said(reply)


async def test_unfollow_without_a_name_lists_at_most_the_pick_limit(world: Any) -> None:
    dialogs, service = world
    many = [Colleague(f"key-{n:02}", f"Kollegin {n:02}") for n in range(PICK_LIMIT + 2)]
    service.colleagues.people.extend(many)
    for colleague in many:
        await service.follow(SABINE[0], None, colleague.key)
    whom = said(await dialogs.dispatch(turn("entfolgen", who=SABINE)))
    assert f"Kollegin {PICK_LIMIT - 1:02} und 2 weitere." in whom
    assert f"Kollegin {PICK_LIMIT:02}" not in whom and "„entfolgen Kollegin 00“" in whom
    assert len(await service.following(SABINE[0])) == PICK_LIMIT + 2  # nothing unfollowed

"""Cards of birthdays and jubilees: the opt-in form, the name picker, reminders, greetings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.domain.birthdays.model import BirthdayProfile, DayOfYear, Follow, Occasion, Visibility
from bot.domain.birthdays.ports import Colleague
from bot.domain.birthdays.views import Reminder
from bot.i18n import t
from bot.i18n.formats import day_month
from cards.elements import card, execute, text
from cards.onboarding import chat_link

PICK_INPUT = "person_key"
# A name that matches more people than this is too vague: the picker lists the first ones
# and says how many more matched.
PICK_LIMIT = 15
# The form lists the names one follows within this many UTF-8 bytes: the rest of the form is
# below 5 KB, so it stays well below Teams' 28 KB with long names in any script (hundreds
# of them; ordinary names: over a thousand). Beyond, it says how many more.
FOLLOWING_BYTES = 18_000


def audience(visibility: Visibility, lang: str) -> str:
    """Who may learn the birthday, as a phrase."""
    return t(f"birthdays.audience.{visibility.value}", lang)


def stored_day(birthday: DayOfYear, lang: str) -> str:
    """The stored day with its month written out ("14. März" / "14 March"), never a
    number order a reader of another locale could swap."""
    month = t("month.long", lang).split(",")[birthday.month - 1]
    return t("birthdays.stored_day", lang, day=birthday.day, month=month)


def _choices(values: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"title": title, "value": value} for title, value in values]


def _toggle(input_id: str, title: str, on: bool) -> dict[str, Any]:
    value = "true" if on else "false"
    return {"type": "Input.Toggle", "id": input_id, "title": title, "value": value,
            "valueOn": "true", "valueOff": "false"}  # fmt: skip


def form_card(
    profile: BirthdayProfile | None,
    following: Sequence[Follow],
    lang: str,
    *,
    problem: str | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """The person's own choices as a form (nothing is preset but what they stored). With a
    ``problem``, ``profile`` is what they entered and was refused, shown again to correct;
    a ``note`` says what holds whatever is entered (nothing is announced for them yet)."""
    birthday = profile.birthday if profile else None
    visibility = profile.visibility if profile else Visibility.FOLLOWERS
    required = t("birthdays.form.required", lang)
    body: list[dict[str, Any]] = [
        text(t("birthdays.form.title", lang), size="Large", weight="Bolder"),
        text(t("birthdays.form.intro", lang), isSubtle=True),
    ]
    if note:
        body.append(text(note, color="Warning"))
    if problem:
        body.append(text(problem, color="Attention", weight="Bolder"))
    body += [
        {"type": "ColumnSet", "columns": [
            {"type": "Column", "width": "stretch", "items": [{
                "type": "Input.ChoiceSet", "id": "day", "label": t("birthdays.form.day", lang),
                "isRequired": True, "errorMessage": required,
                "value": str(birthday.day) if birthday else "",
                "choices": _choices([(str(d), str(d)) for d in range(1, 32)])}]},
            {"type": "Column", "width": "stretch", "items": [{
                "type": "Input.ChoiceSet", "id": "month",
                "label": t("birthdays.form.month", lang), "isRequired": True,
                "errorMessage": required, "value": str(birthday.month) if birthday else "",
                "choices": _choices([(str(m), str(m)) for m in range(1, 13)])}]},
        ]},
        {"type": "Input.ChoiceSet", "id": "visibility", "style": "expanded",
         "label": t("birthdays.form.visibility", lang), "value": visibility.value,
         "choices": _choices([(audience(v, lang), v.value) for v in Visibility])},
        _toggle("jubilee", t("birthdays.form.jubilee", lang), bool(profile and profile.jubilee)),
        _toggle("remind_network", t("birthdays.form.remind_network", lang),
                bool(profile and profile.remind_network)),
    ]  # fmt: skip
    if following:
        body.append(text(_following(following, lang), isSubtle=True))
    return card(body, [execute(t("birthdays.form.save", lang), "birthdays.save", {})])


def _following(following: Sequence[Follow], lang: str) -> str:
    """Whom the person follows: every name while they fit ``FOLLOWING_BYTES``, else the first
    ones, how many more, and how to stop following one (never a silent cut)."""
    names: list[str] = []
    used = 0
    for follow in following:
        used += len(follow.followed_name.encode("utf-8")) + 2  # and ", "
        if used > FOLLOWING_BYTES:
            break
        names.append(follow.followed_name)
    listed = ", ".join(names)
    if len(names) == len(following):
        return t("birthdays.form.following", lang, names=listed)
    more = len(following) - len(names)
    example = following[0].followed_name
    return t("birthdays.form.following_more", lang, names=listed, more=more, example=example)


def pick_card(name: str, found: Sequence[Colleague], verb: str, lang: str) -> dict[str, Any]:
    """Several colleagues match ``name``: pick one (``verb``: follow or unfollow). Beyond
    ``PICK_LIMIT`` the card says how many more matched and asks for more of the name."""
    choices = _choices([(c.name, c.key) for c in found[:PICK_LIMIT]])
    button = "birthdays.pick.follow" if verb == "birthdays.follow" else "birthdays.pick.unfollow"
    body = [text(t("birthdays.pick.title", lang, name=name), weight="Bolder")]
    if len(found) > PICK_LIMIT:
        body.append(text(t("birthdays.pick.more", lang, shown=PICK_LIMIT,
                           more=len(found) - PICK_LIMIT)))  # fmt: skip
    body.append({"type": "Input.ChoiceSet", "id": PICK_INPUT, "style": "expanded",
                 "value": choices[0]["value"] if choices else "", "choices": choices})  # fmt: skip
    return card(body, [execute(t(button, lang), verb, {})])


def _reminder_text(reminder: Reminder, lang: str) -> str:
    day = day_month(reminder.day, lang)
    if reminder.occasion is Occasion.JUBILEE:
        return t("birthdays.reminder.jubilee", lang, name=reminder.person_name, day=day,
                 years=reminder.years)  # fmt: skip
    if reminder.ahead == 0:
        return t("birthdays.reminder.birthday_today", lang, name=reminder.person_name)
    if reminder.ahead == -1:
        return t("birthdays.reminder.birthday_yesterday", lang, name=reminder.person_name)
    if reminder.ahead < 0:
        weekday = t("weekday.long", lang).split(",")[reminder.day.weekday()]
        return t("birthdays.reminder.birthday_past", lang, name=reminder.person_name,
                 weekday=weekday, day=day)  # fmt: skip
    key = (
        "birthdays.reminder.birthday_tomorrow"
        if reminder.ahead == 1
        else ("birthdays.reminder.birthday_ahead")
    )
    return t(key, lang, name=reminder.person_name, day=day, days=reminder.ahead)


class BirthdayCards:
    """Implements the BirthdayViews port."""

    def reminder_card(self, reminder: Reminder, lang: str) -> dict[str, Any]:
        """The reminder DM: "Gratulieren" posts in the channel (the person shares the birthday
        with the network), else opens a 1:1 chat with them."""
        actions: list[dict[str, Any]] = []
        if reminder.in_channel:
            data = {"person_key": reminder.person_key, "day": reminder.day.isoformat()}
            actions.append(
                execute(t("birthdays.button.congratulate", lang), "birthdays.congratulate", data)
            )
        if reminder.person_mail:
            # "Gratulieren" on the day or after it (a belated note); before, it opens the chat.
            on_the_day = reminder.ahead <= 0 and reminder.occasion is Occasion.BIRTHDAY
            title = (
                "birthdays.button.congratulate"
                if on_the_day and not reminder.in_channel
                else "birthdays.button.chat"
            )
            actions.append({"type": "Action.OpenUrl", "title": t(title, lang),
                            "url": chat_link(reminder.person_mail,
                                             t("birthdays.chat_message", lang))})  # fmt: skip
        body = [
            text(t("birthdays.reminder.title", lang), weight="Bolder", isSubtle=True),
            text(_reminder_text(reminder, lang), size="Medium"),
        ]
        return card(body, actions)

    def greeting_card(self, from_name: str, person_name: str, lang: str) -> dict[str, Any]:
        """The short greeting in the network channel."""
        return card(
            [
                text(t("birthdays.greeting.title", lang), size="Large", weight="Bolder"),
                text(t("birthdays.greeting.text", lang, sender=from_name, name=person_name)),
            ]
        )

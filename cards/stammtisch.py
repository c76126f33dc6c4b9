"""Cards of the Stammtisch poll: the shared and personal poll views and the follow-ups."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.stammtisch.model import Member, Poll, PollState, Rule, Vote
from bot.domain.stammtisch.poll import decide, tally
from bot.i18n import t
from cards.elements import card, execute, text
from cards.stammtisch_dates import date_block
from cards.stammtisch_export import export_card
from cards.stammtisch_format import clock, day_label, moment, month_label, place_of
from cards.stammtisch_rule import rule_card

# Teams refreshes user-specific views automatically for at most 60 listed users.
REFRESH_LIMIT = 60


@dataclass(frozen=True, slots=True)
class StammtischCards:
    """The card builders as the domain's ``PollViews`` port; times shown in ``zone``."""

    zone: ZoneInfo

    def poll_card(
        self,
        poll: Poll,
        votes: Sequence[Vote],
        viewer: Vote | None = None,
        note: str | None = None,
    ) -> dict[str, Any]:
        """The poll; ``viewer`` set: that member's own view (their answers preselected)."""
        lang = poll.language
        names = {v.member_key: v.member_name for v in votes}
        body = [
            text(t("stammtisch.title", lang, month=month_label(poll.month, lang)),
                 weight="Bolder", size="Medium"),
            text(self._subtitle(poll), isSubtle=True, spacing="Small"),
        ]  # fmt: skip
        if note:
            body.insert(0, text(note, weight="Bolder", color="Good"))
        leader = self._leader(poll, votes)
        for count in tally([v.ballot() for v in votes], poll.dates):
            mark = None
            if count.day == leader:
                mark = t("stammtisch.mark.open" if poll.is_open else "stammtisch.mark.won", lang)
            mine = viewer.answers.get(count.day) if viewer else None
            body.append(
                date_block(poll.id, count, voters=len(votes), names=names, mark=mark,
                           mine=mine, open_=poll.is_open, lang=lang)
            )  # fmt: skip
        body += self._places(poll, votes, viewer)
        body += self._footer(poll, votes, viewer)
        recent = sorted(votes, key=lambda v: v.updated_at, reverse=True)[:REFRESH_LIMIT]
        user_ids = [v.teams_id for v in recent if v.teams_id]
        if not user_ids:
            # Nobody has an own view yet (no answers to preselect): the shared card is what
            # everyone should see, and an empty userIds list is no valid refresh target.
            return card(body, self._actions(poll))
        refresh = {
            "action": {
                "type": "Action.Execute",
                "verb": "stammtisch.refresh",
                "data": {"poll_id": poll.id},
            },
            "userIds": user_ids,
        }
        return card(body, self._actions(poll), refresh=refresh)

    def _subtitle(self, poll: Poll) -> str:
        lang = poll.language
        if poll.state is PollState.CANCELLED:
            return t("stammtisch.subtitle.cancelled", lang)
        if poll.state is PollState.CLOSED:
            return t("stammtisch.subtitle.closed", lang)
        return t(
            "stammtisch.subtitle.open",
            lang,
            start=clock(poll.lunch_start),
            end=clock(poll.lunch_end),
            deadline=moment(poll.deadline, self.zone, lang),
        )

    @staticmethod
    def _leader(poll: Poll, votes: Sequence[Vote]) -> Any:
        """The date marked on the card: the winner once closed, the current favourite (by the
        same tie-break) while open; none while nobody said yes or maybe."""
        if poll.state is PollState.CANCELLED:
            return None
        if not poll.is_open:
            return poll.winner_day
        return decide([v.ballot() for v in votes], poll.dates).day

    def _places(self, poll: Poll, votes: Sequence[Vote], viewer: Vote | None) -> list[Any]:
        if not poll.places:
            return []
        lang = poll.language
        wishes = Counter(v.place for v in votes if v.place)
        tally_text = " · ".join(f"{p} {wishes.get(p, 0)}" for p in poll.places)
        items: list[dict[str, Any]] = [text(t("stammtisch.places.tally", lang, tally=tally_text))]
        if poll.is_open:
            field: dict[str, Any] = {
                "type": "Input.ChoiceSet",
                "id": "place",
                "label": t("stammtisch.place.label", lang),
                "style": "compact",
                "choices": [{"title": p, "value": p} for p in poll.places],
            }
            if viewer is not None and viewer.place:
                field["value"] = viewer.place
            save = execute(
                t("stammtisch.button.place", lang), "stammtisch.place", {"poll_id": poll.id}
            )
            items += [field, {"type": "ActionSet", "actions": [save]}]
        return [{"type": "Container", "separator": True, "items": items}]

    def _footer(self, poll: Poll, votes: Sequence[Vote], viewer: Vote | None) -> list[Any]:
        lang = poll.language
        if poll.is_open:
            key = "stammtisch.voters.one" if len(votes) == 1 else "stammtisch.voters"
            lines = [t(key, lang, count=len(votes))]
            if viewer is not None:
                lines.append(t("stammtisch.viewer.voted", lang))
            return [text(" ".join(lines), spacing="Medium", isSubtle=True)]
        if poll.state is PollState.CANCELLED:
            return []
        return [text(self.result_line(poll, votes), spacing="Medium", weight="Bolder")]

    def result_line(self, poll: Poll, votes: Sequence[Vote]) -> str:
        """ "Ergebnis: Di, 12.01., 12:00–13:30 Uhr, Ort: … – 5 Zusagen." (or no date found)."""
        lang = poll.language
        if poll.winner_day is None:
            return t("stammtisch.result.none", lang)
        outcome = decide([v.ballot() for v in votes], poll.dates, poll.places)
        count = len(outcome.yes_voters)
        return t(
            "stammtisch.result.winner.one" if count == 1 else "stammtisch.result.winner",
            lang,
            day=day_label(poll.winner_day, lang),
            start=clock(poll.lunch_start),
            end=clock(poll.lunch_end),
            place=t("stammtisch.result.place", lang, place=place_of(poll)),
            count=count,
        )

    def _actions(self, poll: Poll) -> list[dict[str, Any]]:
        lang, data = poll.language, {"poll_id": poll.id}
        organise: list[dict[str, Any]] = []
        if poll.is_open:
            # Answers are one click per date (stammtisch.answer); "stammtisch.vote" stays
            # routed for cards posted before, which still carry the "Abstimmen" button.
            organise += [
                execute(t("stammtisch.button.close", lang), "stammtisch.close", data),
                execute(t("stammtisch.button.extend", lang), "stammtisch.extend", data),
            ]
        organise.append(execute(t("stammtisch.button.export", lang), "stammtisch.export", data))
        if poll.state is PollState.CLOSED:
            organise.append(
                execute(t("stammtisch.button.cancel", lang), "stammtisch.cancel", data)
            )
        for action in organise:
            action["associatedInputs"] = "none"  # organiser buttons never send the answers
        menu = {
            "type": "Action.ShowCard",
            "title": t("stammtisch.button.organise", lang),
            "card": {"type": "AdaptiveCard", "body": [], "actions": organise},
        }
        return [menu]

    def announcement_card(self, poll: Poll, votes: Sequence[Vote]) -> dict[str, Any]:
        """The result posted to the team at close (or that no date was found)."""
        lang = poll.language
        if poll.winner_day is None:
            title, extra = t("stammtisch.announce.none_title", lang), []
        else:
            title = t("stammtisch.announce.title", lang)
            extra = [text(t("stammtisch.announce.invite", lang))]
        body = [
            text(title, weight="Bolder", size="Medium"),
            text(self.result_line(poll, votes)),
            *extra,
            text(t("stammtisch.tiebreak", lang), isSubtle=True, size="Small"),
        ]
        return card(body)

    def reminder_card(self, poll: Poll, lang: str) -> dict[str, Any]:
        """The DM to a member who has not voted yet, in their language ``lang``."""
        reminder = t(
            "stammtisch.reminder.text",
            lang,
            month=month_label(poll.month, lang),
            deadline=moment(poll.deadline, self.zone, lang),
        )
        return card([text(t("stammtisch.reminder.title", lang), weight="Bolder"), text(reminder)])

    def reminder_mention(self, poll: Poll) -> str:
        """The reminder in the poll's thread for a member the bot cannot DM ({person})."""
        return t(
            "reach.mention.stammtisch",
            poll.language,
            person="{person}",
            month=month_label(poll.month, poll.language),
            deadline=moment(poll.deadline, self.zone, poll.language),
        )

    def day_before_card(self, poll: Poll, lang: str) -> dict[str, Any]:
        """The DM to a yes-voter the day before, in their language ``lang``."""
        line = t(
            "stammtisch.day_before.text",
            lang,
            day=day_label(poll.winner_day, lang) if poll.winner_day else "",
            start=clock(poll.lunch_start),
            end=clock(poll.lunch_end),
            place=t("stammtisch.result.place", lang, place=place_of(poll)),
        )
        return card([text(t("stammtisch.day_before.title", lang), weight="Bolder"), text(line)])

    def invitation_refused_card(
        self, poll: Poll, yes_names: Sequence[str], lang: str
    ) -> dict[str, Any]:
        """The DM to the organiser that Graph refused the invitation for good, naming the
        yes-voters to invite by hand, in their language ``lang``."""
        line = _meeting_line("stammtisch.refused.text", poll, lang)
        body = [text(t("stammtisch.refused.title", lang), weight="Bolder"), text(line)]
        if yes_names:
            who = t("stammtisch.refused.yes", lang, names=", ".join(yes_names))
            body.append(text(who))
        return card(body)

    def uninvite_refused_card(self, poll: Poll, lang: str) -> dict[str, Any]:
        """The DM to the organiser that Graph refused to cancel the invitation for good."""
        line = _meeting_line("stammtisch.uninvite_refused.text", poll, lang)
        title = text(t("stammtisch.uninvite_refused.title", lang), weight="Bolder")
        return card([title, text(line)])

    def cancelled_card(self, poll: Poll) -> dict[str, Any]:
        """The notice that the organiser called the Stammtisch off."""
        lang = poll.language
        line = t("stammtisch.cancelled.text", lang, month=month_label(poll.month, lang))
        return card([text(t("stammtisch.cancelled.title", lang), weight="Bolder"), text(line)])

    def skipped_card(self, rule: Rule, month: date, next_posting: datetime) -> dict[str, Any]:
        """The note that ``month`` has no poll (no possible date) and when the next appears."""
        lang = rule.language
        line = t("stammtisch.skipped.text", lang, month=month_label(month, lang),
                 when=moment(next_posting, self.zone, lang))  # fmt: skip
        return card([text(t("stammtisch.skipped.title", lang), weight="Bolder"), text(line)])

    def invitation(self, poll: Poll) -> tuple[str, str]:
        """Subject and body of the calendar invitation to the yes-voters."""
        lang = poll.language
        place = poll.winner_place or t("stammtisch.place.open", lang)
        return t("stammtisch.invite.subject", lang), t("stammtisch.invite.body", lang, place=place)

    def invitation_cancelled(self, poll: Poll) -> str:
        """The comment sent with the cancellation of the invitation."""
        return t("stammtisch.invite.cancelled", poll.language)

    def export_card(
        self, poll: Poll, votes: Sequence[Vote], non_voters: Sequence[Member], start: int = 0
    ) -> dict[str, Any]:
        """Every member's answers as a table, paged, and who has not voted (organisers only)."""
        return export_card(poll, votes, non_voters, start)

    def rule_card(self, rule: Rule | None, lang: str, note: str | None = None) -> dict[str, Any]:
        """The organiser's form for the monthly rule."""
        return rule_card(rule, lang, note)


def _meeting_line(key: str, poll: Poll, lang: str) -> str:
    """The text ``key`` filled with the chosen day, lunch time and place of ``poll``."""
    return t(
        key, lang,
        day=day_label(poll.winner_day, lang) if poll.winner_day else "",
        start=clock(poll.lunch_start), end=clock(poll.lunch_end),
        place=t("stammtisch.result.place", lang, place=place_of(poll)),
    )  # fmt: skip

"""Cards of know-how routing: the thread card, the expert's DM card, the earlier-answer offer."""

from __future__ import annotations

from datetime import UTC, date
from typing import Any

from bot.domain.routing.named import NamedExpert
from bot.domain.routing.questions import OPEN_STATES, Question, QuestionState
from bot.i18n import t
from cards.elements import card, with_note
from cards.elements import execute as _execute
from cards.elements import text as _text
from cards.routing_actions import COLLEAGUES_DATASET, answer_action, forward_action
from cards.size import clipped
from cards.why import why_text

# A question (up to 28,000 characters) and its answer share one message with the experts and
# buttons: on the card each is cut to this many bytes (the whole question stays in the thread).
QUESTION_BYTES = 9_000
ANSWER_BYTES = 8_000

__all__ = ["COLLEAGUES_DATASET", "RoutingCards", "clarify_card", "settled_card", "with_note"]
PREVIEW_CHARS = 600
# The offer card carries the new question in its "ask anyway" button and shows the earlier
# answer: with these, even an 8,000-character question in a 3-byte script stays below the
# Teams limit (the earlier answer keeps ANSWER_BYTES; it is what the card is for).
OFFER_TEXT_BYTES = 12_000
OFFER_EARLIER_BYTES = 1_500


def _expert_line(expert: NamedExpert, question: Question, lang: str) -> dict[str, Any]:
    where = ", ".join(part for part in (expert.department, expert.location) if part)
    marks = []
    # Whoever took or answered it is no longer "nicht zuständig", whatever came before.
    if expert.declined and expert.expert_key != question.owner_key:
        marks.append(t(f"routing.mark.{expert.passed or 'declined'}", lang))
    if expert.unreachable:
        marks.append(t("routing.mark.unreachable", lang))
    if expert.absent:
        marks.append(_absent_mark(expert.absent_until, lang))
    if question.current_expert == expert:
        marks.append(t("routing.mark.asked", lang))
    suffix = f" ({', '.join(marks)})" if marks else ""
    return _text(
        f"**{expert.name}**{suffix} – {where}  \n{why_text(expert.reason, lang)}", spacing="Small"
    )


def _absent_mark(until: str, lang: str) -> str:
    if not until:
        return t("routing.mark.absent", lang)
    last = date.fromisoformat(until)
    return t("routing.mark.absent_until", lang, date=f"{last.day}.{last.month}.")


def status_text(question: Question, lang: str) -> str:
    """One line saying where the question stands."""
    names = {e.expert_key: e.name for e in question.experts}
    current = question.current_expert
    if question.state is QuestionState.ASKED and current is not None:
        return t("routing.status.asked", lang, name=current.name)
    if question.state is QuestionState.TAKEN:
        return t("routing.status.taken", lang, name=names.get(question.owner_key or "", "?"))
    if question.state is QuestionState.ANSWERED:
        return t("routing.status.answered", lang, name=names.get(question.owner_key or "", "?"))
    if question.state is QuestionState.WITHDRAWN:
        return t("routing.status.withdrawn", lang)
    if question.experts and all(e.absent for e in question.experts):
        # Nobody was asked: "jede genannte Assistenz kann übernehmen" would hide that.
        return t("routing.status.all_absent", lang)
    return t("routing.status.unassigned", lang)


def _question(text: str, lang: str) -> tuple[str, list[dict[str, Any]]]:
    """The question as shown: whole, or for a long one a preview that "mehr" unfolds (a
    5,000-character question would push the experts and buttons out of sight)."""
    if len(text) <= PREVIEW_CHARS:
        return text, []
    cut = text.rfind(" ", 0, PREVIEW_CHARS)
    preview = text[: cut if cut > PREVIEW_CHARS // 2 else PREVIEW_CHARS].rstrip() + " …"
    toggle = ["question", "question-full", "question-more", "question-less"]

    def switch(title: str, element_id: str, visible: bool) -> dict[str, Any]:
        action = {"type": "Action.ToggleVisibility", "title": title, "targetElements": toggle}
        return {"type": "ActionSet", "id": element_id, "isVisible": visible, "actions": [action]}

    full = _text(
        clipped(text, QUESTION_BYTES),
        id="question-full",
        isVisible=False,
        isSubtle=True,
        spacing="Small",
    )
    more = switch(t("routing.question.more", lang), "question-more", True)
    less = switch(t("routing.question.less", lang), "question-less", False)
    return preview, [full, more, less]


def _answer_block(question: Question, lang: str) -> list[dict[str, Any]]:
    if question.answer_text is None:
        return []
    return [
        _text(t("routing.answer.heading", lang), weight="Bolder", spacing="Medium"),
        _text(clipped(question.answer_text, ANSWER_BYTES), spacing="Small"),
    ]


def _question_card(
    title: str,
    question: str,
    details: list[dict[str, Any]],
    status: str,
    actions: list[dict[str, Any]],
) -> dict[str, Any]:
    """The layout the thread, expert and offer cards share, so a question looks the same
    wherever it is seen. The question block has the id "question" because the "mehr" toggle
    hides it; ``actions`` stays on the card even when empty (the cards have always been sent
    that way, and ``card`` would drop an empty list)."""
    body = [
        _text(title, weight="Bolder", size="Medium"),
        _text(question, id="question", isSubtle=True, spacing="Small"),
        *details,
        _text(status, spacing="Medium", weight="Bolder", color="Accent"),
    ]
    return {**card(body), "actions": actions}


def clarify_card(question: Question, lang: str) -> dict[str, Any]:
    """ "Geht es um …?": one button per choice and "Etwas anderes"; the server lets only the
    asker choose (the card sits in a shared thread)."""
    shown, details = _question(question.text, lang)
    actions = [
        _execute(label, "routing.choose", {"question_id": question.id, "choice": place})
        for place, label in enumerate(question.choices, start=1)
    ]
    actions.append(
        _execute(t("routing.button.something_else", lang), "routing.choose",
                 {"question_id": question.id, "choice": 0})
    )  # fmt: skip
    if question.choices and question.escalate_at is not None:
        # Asked for nobody yet: say what happens if the asker never clicks (see escalate).
        # DATE()/TIME() let each Teams client show the moment in its own zone and locale.
        instant = question.escalate_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        when = {"date": f"{{{{DATE({instant}, SHORT)}}}}", "time": f"{{{{TIME({instant})}}}}"}
        fallback = t("routing.clarify.fallback", lang, label=question.choices[0], **when)
        details.append(_text(fallback, isSubtle=True, spacing="Small"))
    title = t("routing.thread.title", lang, name=question.asker_name)
    return _question_card(title, shown, details, t("routing.clarify.prompt", lang), actions)


def thread_card(question: Question, lang: str) -> dict[str, Any]:
    """The card in the asker's thread: named experts, reasons, status, "Frage übernehmen"."""
    if question.state is QuestionState.CLARIFYING:
        return clarify_card(question, lang)
    shown, more = _question(question.text, lang)
    details = [*more]
    if question.experts:
        heading = t("routing.thread.experts", lang)
        details += [_text(heading, weight="Bolder", spacing="Medium")]
    details += [_expert_line(e, question, lang) for e in question.experts]
    details += _answer_block(question, lang)
    actions = []
    data = {"question_id": question.id, "view": "thread"}
    if question.state in (QuestionState.ASKED, QuestionState.UNASSIGNED):
        actions.append(_execute(t("routing.button.take", lang), "routing.take", data))
    if question.state in OPEN_STATES:
        # On the shared card everyone sees it; the server lets only the asker withdraw.
        actions.append(_execute(t("routing.button.withdraw", lang), "routing.withdraw", data))
    title = t("routing.thread.title", lang, name=question.asker_name)
    return _question_card(title, shown, details, status_text(question, lang), actions)


def expert_card(
    question: Question, expert_key: str, pool: list[tuple[str, str]], lang: str
) -> dict[str, Any]:
    """The DM card for one named expert; buttons depend on the expert's turn and the state."""
    data = {"question_id": question.id, "view": "expert"}
    shown, details = _question(question.text, lang)
    details.append(
        _text(t("routing.expert.why", lang, reason=_reason_of(question, expert_key, lang)))
    )
    link = question.thread.get("link")
    if link:
        details.append(_text(t("routing.expert.thread_link", lang, link=link)))
    if any(e.expert_key == expert_key and e.absent for e in question.experts):
        # Only the expert's own pause in "Meine Themen" marks them away after their card was sent
        # (questions.step_away): without this line the card just names someone else as asked.
        details.append(_text(t("routing.expert.paused", lang), isSubtle=True))
    details += _answer_block(question, lang)
    open_for_me = question.state in (QuestionState.ASKED, QuestionState.UNASSIGNED) or (
        question.state is QuestionState.TAKEN and question.owner_key == expert_key
    )
    actions: list[dict[str, Any]] = []
    if open_for_me:
        if question.state is not QuestionState.TAKEN:
            actions.append(_execute(t("routing.button.take", lang), "routing.take", data))
        actions.append(answer_action(data, lang))
        if question.state is QuestionState.TAKEN:
            release = t("routing.button.release", lang)
            actions.append(_execute(release, "routing.release", data))
    current = question.current_expert
    if current is not None and current.expert_key == expert_key:
        actions.append(_execute(t("routing.button.decline", lang), "routing.decline", data))
        others = [(key, name) for key, name in pool if key not in (expert_key, question.asker_key)]
        if others:
            actions.append(forward_action(data, others, lang))
    title = t("routing.expert.title", lang, name=question.asker_name)
    return _question_card(title, shown, details, status_text(question, lang), actions)


def _reason_of(question: Question, expert_key: str, lang: str) -> str:
    named = (e.reason for e in question.experts if e.expert_key == expert_key)
    return next((why_text(why, lang) for why in named), "")


def offer_card(earlier: Question, asked_text: str, asker_key: str, lang: str) -> dict[str, Any]:
    """ "Hilft dir das?": an earlier answer to a similar question, before experts are asked."""
    answer_by = next((e.name for e in earlier.experts if e.expert_key == earlier.owner_key), "")
    # The asker wrote the question just now: the preview is enough to recognise it.
    shown, _unfolded = _question(asked_text, lang)
    details = [
        _text(
            t("routing.offer.earlier", lang, question=clipped(earlier.text, OFFER_EARLIER_BYTES)),
            spacing="Medium",
        ),
        _text(t("routing.offer.answer_by", lang, name=answer_by), weight="Bolder"),
        _text(clipped(earlier.answer_text or "", ANSWER_BYTES), spacing="Small"),
    ]
    # "Ja, das hilft" only shows the question again; "trotzdem fragen" asks it.
    helped = {"earlier_id": earlier.id, "text": shown, "asker_key": asker_key}
    anyway = {**helped, "text": clipped(asked_text, OFFER_TEXT_BYTES)}
    actions = [
        _execute(t("routing.button.helped", lang), "routing.helped", helped),
        _execute(t("routing.button.ask_anyway", lang), "routing.ask_anyway", anyway),
    ]
    title, status = t("routing.offer.title", lang), t("routing.offer.prompt", lang)
    return _question_card(title, shown, details, status, actions)


def settled_card(text: str, note: str) -> dict[str, Any]:
    """A one-click question once decided (the earlier-answer offer, "Ist das Ihre Antwort?"):
    its text and what became of it; no buttons left, so it cannot be answered twice."""
    return card([_text(text, isSubtle=True), _text(note, weight="Bolder")])


def answered_card(question: Question, lang: str) -> dict[str, Any]:
    """The asker's message that their question was answered: who answered, the question, the
    answer (sent where nobody can be @mentioned under the thread card: a 1:1 chat)."""
    by = next((e.name for e in question.experts if e.expert_key == question.owner_key), "")
    shown, more = _question(question.text, lang)
    title = _text(t("routing.answered.title", lang, name=by), weight="Bolder", size="Medium")
    question_text = _text(shown, id="question", isSubtle=True, spacing="Small")
    return card([title, question_text, *more, *_answer_block(question, lang)])


class RoutingCards:
    """The card builders bundled as the domain's ``QuestionViews`` port."""

    thread_card = staticmethod(thread_card)
    expert_card = staticmethod(expert_card)
    offer_card = staticmethod(offer_card)
    answered_card = staticmethod(answered_card)

    @staticmethod
    def unreachable_mention(lang: str) -> str:
        """The thread note for an expert the bot cannot DM ({person}: the @mention)."""
        return t("reach.mention.routing", lang, person="{person}")

    @staticmethod
    def note_card(text: str) -> dict[str, Any]:
        """A card that only says ``text`` (a note where nobody can be @mentioned)."""
        return card([_text(text)])

    @staticmethod
    def nobody_left_mention(lang: str) -> str:
        """The thread note to an asker nobody is left to ask for ({person}: the @mention)."""
        return t("routing.mention.nobody_left", lang, person="{person}")

    @staticmethod
    def answered_mention(lang: str, expert: str) -> str:
        """The thread note to an asker whose question was answered ({person}: the @mention)."""
        return t("routing.mention.answered", lang, person="{person}", expert=expert)

    @staticmethod
    def unchosen_mention(lang: str, label: str, expert: str | None) -> str:
        """The thread note to an asker who did not choose ({person}: the @mention)."""
        if expert is None:
            return t("routing.mention.unchosen_away", lang, person="{person}", label=label)
        return t("routing.mention.unchosen", lang, person="{person}", label=label, expert=expert)

"""The Teams activity handler: deduplication, references, dispatch and the one error boundary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import structlog
from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.schema import ActivityTypes, AdaptiveCardInvokeResponse

from bot.conversation import ConversationKind, Reply, Turn
from bot.domain.ports import ActivityLedger, Clock
from bot.i18n import language_of, t
from bot.teams.activity_shape import CARD_ACTION_INVOKE, QUERY_INVOKE, SEARCH_INVOKE
from bot.teams.members import member_account, newcomer_details
from bot.teams.message_action import MESSAGE_ACTION_INVOKES, SUBMIT_ACTION, MessageActions
from bot.teams.references import ReferenceRecorder
from bot.teams.team_events import TeamEvents
from bot.teams.translate import (
    ADAPTIVE_CARD,
    addressed_to_bot,
    conversation_kind,
    tenant_of,
    to_activity,
    to_turn,
)
from cards.builders import error_card, team_welcome_card
from dialogs.onboarding import JoinedMember
from dialogs.registry import BotDialogs
from dialogs.who_knows import message

log = structlog.get_logger(__name__)
SEARCH_RESPONSE = "application/vnd.microsoft.search.searchResponse"


@dataclass(frozen=True, slots=True)
class BotDependencies:
    """Everything the handler needs, built once by the app factory."""

    dialogs: BotDialogs
    # Teams whose newcomers get a buddy (empty: every team the bot is in).
    onboarding_team_ids: frozenset[str]
    ledger: ActivityLedger
    references: ReferenceRecorder
    clock: Clock
    team_events: TeamEvents
    # Set when the deployment pins one language instead of following the client's locale.
    locale_override: str | None = None
    message_actions: MessageActions | None = None


class AssistenzBot(TeamsActivityHandler):  # type: ignore[misc]
    """Maps Teams activities to router calls; never lets an exception reach the user raw."""

    def __init__(self, deps: BotDependencies) -> None:
        super().__init__()
        self._deps = deps

    async def on_turn(self, turn_context: TurnContext) -> None:
        """Remember the conversation, then dispatch; the endpoint bound the log context."""
        activity = turn_context.activity
        if not addressed_to_bot(activity):
            # Not even the conversation reference is stored: a post that was not written to
            # the bot leaves no trace (and is neither a question nor an answer).
            log.info("channel_post_not_addressed_ignored")
            return
        try:
            await self._remember(activity)
            await self._deps.team_events.seen(activity)
            await super().on_turn(turn_context)
        except Exception:
            # The one error boundary: log with context, tell the user kindly, and answer
            # the HTTP request normally so that Teams does not re-deliver in a loop.
            log.exception("turn_failed")
            if activity.type == ActivityTypes.message:
                await self._apologise(turn_context)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        """Dispatch a message (text command or Action.Submit) exactly once."""
        activity = turn_context.activity
        key = f"msg|{activity.conversation.id}|{activity.id}"
        if activity.id and not await self._deps.ledger.claim(key, self._deps.clock.now()):
            log.info("duplicate_activity_ignored")
            return
        try:
            turn = to_turn(turn_context, self._deps.locale_override)
            reply = await self._deps.dialogs.dialogs.dispatch(turn)
            await self._send(turn_context, reply)
        except Exception:
            if activity.id:
                # Nothing was done: let a re-delivery try again.
                await self._deps.ledger.release(key)
            raise

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse | None:
        """Universal Actions; answered in the HTTP response (workaround from PLATFORM_NOTES)."""
        name = turn_context.activity.name
        if name == SEARCH_INVOKE:
            return await self._search(turn_context)
        if name == QUERY_INVOKE:
            return await self._who_knows(turn_context)
        if name in MESSAGE_ACTION_INVOKES and self._deps.message_actions is not None:
            return await self._message_action(turn_context, self._deps.message_actions)
        if name != CARD_ACTION_INVOKE:
            return await super().on_invoke_activity(turn_context)
        language = self._language(turn_context)
        try:
            turn = to_turn(turn_context, self._deps.locale_override)
            reply = await self._deps.dialogs.dialogs.dispatch(turn)
        except Exception:
            log.exception("card_action_failed")
            reply = Reply.of_card(error_card(language, "error.generic"))
        return _card_invoke_response(reply)

    async def _message_action(
        self, turn_context: TurnContext, actions: MessageActions
    ) -> InvokeResponse:
        activity = turn_context.activity
        language = self._language(turn_context)
        key = f"msg|{activity.conversation.id}|{activity.id}"
        once = activity.name == SUBMIT_ACTION and bool(activity.id)
        # Teams re-delivers a slow invoke: the question must be asked once.
        if once and not await self._deps.ledger.claim(key, self._deps.clock.now()):
            return InvokeResponse(status=200, body={})

        async def dispatch(turn: Turn) -> Reply:
            return await self._deps.dialogs.dialogs.dispatch(turn)

        try:
            return await actions.handle(turn_context, self._deps.locale_override, dispatch)
        except Exception:
            log.exception("message_action_failed")
            if once:
                await self._deps.ledger.release(key)  # nothing was asked: a retry may
            body = {"task": {"type": "message", "value": t("error.generic", language)}}
            return InvokeResponse(status=200, body=body)

    async def _who_knows(self, turn_context: TurnContext) -> InvokeResponse:
        """The search message extension: answered in the HTTP response; a failure is a line of
        text in the search list, never an error page."""
        turn = to_turn(turn_context, self._deps.locale_override)
        try:
            value = turn_context.activity.value
            body = await self._deps.dialogs.who_knows(turn, value)
        except Exception:
            log.exception("who_knows_failed")
            body = message(t("error.generic", turn.language))
        return InvokeResponse(status=200, body=body)

    async def _search(self, turn_context: TurnContext) -> InvokeResponse:
        """A typeahead input's query (``Data.Query``): the matching choices, answered in the
        HTTP response like a card action. A failure shows no matches, never an error page."""
        try:
            turn = to_turn(turn_context, self._deps.locale_override)
            value = turn_context.activity.value
            results = await self._deps.dialogs.dialogs.answer_search(turn, value)
        except Exception:
            log.exception("search_failed")
            results = []
        body = {"type": SEARCH_RESPONSE, "value": {"results": results}}
        return InvokeResponse(status=200, body=body)

    async def on_conversation_update_activity(self, turn_context: TurnContext) -> None:
        """Introduce the bot when it is added; start onboarding for colleagues added to a team."""
        activity = turn_context.activity
        bot_id = activity.recipient.id if activity.recipient else None
        added = activity.members_added or []
        removed = activity.members_removed or []
        in_team = conversation_kind(activity) is ConversationKind.CHANNEL
        if any(member.id == bot_id for member in removed):
            await self._deps.team_events.uninstalled(activity)
        if any(member.id == bot_id for member in added):
            await self._deps.team_events.installed(activity)
            await self._welcome(turn_context)
        others = [member for member in added if member.id != bot_id]
        if others and in_team:
            await self._newcomers(turn_context, others)
        gone = [member for member in removed if member.id != bot_id]
        if gone and in_team:
            await self._deps.team_events.left(activity, gone)

    async def _newcomers(self, turn_context: TurnContext, members: list[Any]) -> None:
        activity = turn_context.activity
        accounts = {m.id: await member_account(turn_context, m) for m in members}
        await self._deps.team_events.joined(activity, list(accounts.values()))
        channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
        team_id = str((channel_data.get("team") or {}).get("id") or activity.conversation.id)
        allowed = self._deps.onboarding_team_ids
        if allowed and team_id not in allowed:
            return
        joined, keys = [], []
        for member in members:
            # A re-delivered activity is caught here – per delivery, not per person: one removed
            # and added again is a new join, which may resume their onboarding; repeated joins
            # by the one-open-onboarding-per-person rule of the repository. The team id is cut
            # so that the key fits the ledger's 300 characters (activity_shape.py).
            key = f"joined|{team_id[:70]}|{activity.id or ''}|{member.id}"
            if not await self._deps.ledger.claim(key, self._deps.clock.now()):
                continue
            person = newcomer_details(turn_context, member, accounts[member.id])
            if person is None:
                continue
            keys.append(key)
            await self._remember(person.activity)  # lets the bot open a 1:1 chat later
            joined.append(JoinedMember(person.key, person.name, tenant_of(activity), member.id))
        if joined:
            try:
                await self._deps.dialogs.members_joined(joined)
            except Exception:
                for key in keys:  # nothing was started: a re-delivery may try again
                    await self._deps.ledger.release(key)
                raise

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        """Installation also announces the bot (Teams sends this beside conversationUpdate)."""
        await self._deps.team_events.installed(turn_context.activity)
        await self._welcome(turn_context)

    async def on_installation_update_remove(self, turn_context: TurnContext) -> None:
        """The app was removed from a team: its members are no longer reachable through it."""
        await self._deps.team_events.uninstalled(turn_context.activity)

    async def _welcome(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        # Teams sends both conversationUpdate and installationUpdate on install: greet once.
        key = f"welcome|{activity.conversation.id}"
        if not await self._deps.ledger.claim(key, self._deps.clock.now()):
            return
        language = self._language(turn_context)
        try:
            if conversation_kind(activity) is ConversationKind.PERSONAL:
                await turn_context.send_activity(t("welcome.personal.text", language))
            else:
                await self._send(turn_context, Reply.of_card(team_welcome_card(language)))
        except Exception:
            await self._deps.ledger.release(key)  # a later install event may greet again
            raise

    async def _remember(self, activity: Any) -> None:
        # Best effort: a failed reference write must not cost the user their answer.
        try:
            await self._deps.references.remember(activity)
        except Exception:
            log.exception("conversation_reference_not_stored")

    def _language(self, turn_context: TurnContext) -> str:
        return language_of(self._deps.locale_override or turn_context.activity.locale)

    async def _apologise(self, turn_context: TurnContext) -> None:
        try:
            await turn_context.send_activity(t("error.generic", self._language(turn_context)))
        except Exception:
            log.exception("apology_not_delivered")

    async def _send(self, turn_context: TurnContext, reply: Reply) -> None:
        if reply.is_empty:
            return
        outgoing = to_activity(reply)
        reply_to = turn_context.activity.reply_to_id
        if reply.replaces_card and reply_to:
            outgoing.id = reply_to
            await turn_context.update_activity(outgoing)
            return
        # TurnContext.send_activity deep-copies every outgoing activity (it was ~10 % of a help
        # turn in bench/); the reply is built fresh here, so address it and hand it to the
        # adapter directly. No send handlers are registered that this would skip.
        reference = TurnContext.get_conversation_reference(turn_context.activity)
        TurnContext.apply_conversation_reference(outgoing, reference)
        outgoing.input_hint = outgoing.input_hint or "acceptingInput"
        await turn_context.adapter.send_activities(turn_context, [outgoing])
        turn_context.responded = True


def _card_invoke_response(reply: Reply) -> InvokeResponse:
    if reply.card is not None:
        response = AdaptiveCardInvokeResponse(
            status_code=200, type=ADAPTIVE_CARD, value=reply.card
        )
    else:
        response = AdaptiveCardInvokeResponse(
            status_code=200, type="application/vnd.microsoft.activity.message", value=reply.text
        )
    return InvokeResponse(status=200, body=response)

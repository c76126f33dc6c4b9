"""The search message extension "Wer weiß was?" (``composeExtension/query``), framework-free:
a topic typed into the compose box or the command box lists the present experts for it."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.conversation import Turn
from bot.domain.routing.finder import who_knows
from bot.i18n import t
from cards.who_knows import expert_preview, expert_result_card
from cards.why import why_text
from dialogs.payload_types import PageStart
from dialogs.routing import RoutingContext, pool_of
from dialogs.search import MAX_RESULTS

COMMAND_ID = "whoKnows"  # appmanifest/manifest.template.json composeExtensions
PARAMETER = "topic"
# A topic, not a question: routing reads whole questions, a search box gets a few words.
MAX_TOPIC = 100
ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"


class _Parameter(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: str
    value: str = ""


class _Options(BaseModel):
    model_config = ConfigDict(extra="ignore")

    skip: PageStart = 0
    count: int = Field(default=MAX_RESULTS, ge=1, le=100)


class _Query(BaseModel):
    model_config = ConfigDict(extra="ignore")

    commandId: str  # noqa: N815 - Teams' field name
    parameters: list[_Parameter] = Field(default_factory=list)
    queryOptions: _Options = Field(default_factory=_Options)  # noqa: N815

    def topic(self) -> str:
        # Teams sends "initialRun" instead when the extension opens; that is no topic.
        values = (p.value for p in self.parameters if p.name == PARAMETER)
        return " ".join(next(values, "").split())


def message(text: str) -> dict[str, Any]:
    """A result that is only a line of text (Teams shows it instead of a list)."""
    return {"composeExtension": {"type": "message", "text": text}}


async def answer_query(turn: Turn, value: Any, ctx: RoutingContext) -> dict[str, Any]:
    """The ``composeExtension`` response to one query invoke."""
    lang = turn.language
    try:
        query = _Query.model_validate(value)
    except ValidationError:
        return message(t("who_knows.unknown_command", lang))
    if query.commandId != COMMAND_ID:
        return message(t("who_knows.unknown_command", lang))
    topic = query.topic()
    if not topic:
        return message(t("who_knows.empty", lang))
    if len(topic) > MAX_TOPIC:
        return message(t("who_knows.too_long", lang, limit=MAX_TOPIC))
    options = query.queryOptions
    found = await who_knows(
        ctx.services,
        pool_of(turn, ctx),
        topic,
        ctx.clock.now(),
        skip=options.skip,
        count=min(options.count, MAX_RESULTS),
        english=lang == "en",
        searcher=turn.actor.aad_object_id or "",
    )
    if not found and options.skip == 0:
        return message(t("who_knows.none", lang, topic=topic))
    attachments = [
        {
            "contentType": ADAPTIVE_CARD,
            "content": expert_result_card(expert.record, why_text(expert.reason, lang), lang),
            "preview": expert_preview(expert.record, why_text(expert.reason, lang)),
        }
        for expert in found
    ]
    result = {"type": "result", "attachmentLayout": "list", "attachments": attachments}
    return {"composeExtension": result}

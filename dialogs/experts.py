"""'Meine Themen': experts keep their own topics, languages, deputy and pause."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from bot.conversation import ConversationKind, Reply, Turn
from bot.domain.routing import directory_import as limits
from bot.domain.routing.experts import DEFAULT_POOL, ExpertRecord
from bot.domain.routing.ports import ExpertRepository
from bot.domain.routing.router_cache import RouterCache
from bot.i18n import de, t
from cards.experts import (
    DEPUTY_DATASET,
    TopicsForm,
    deputy_title,
    my_topics_card,
    not_expert_card,
    topics_form,
)
from cards.routing import COLLEAGUES_DATASET
from dialogs.context import DialogContext
from dialogs.router import Router
from dialogs.search import Choice, SearchQuery, matches, page


async def _nothing_waits(record: ExpertRecord, now: datetime) -> int:
    return 0


@dataclass(frozen=True, slots=True)
class ExpertDialogServices:
    """The expert profiles, the routers to rebuild once a profile changed, and what moves the
    questions waiting for an expert on when they pause (returns how many moved)."""

    experts: ExpertRepository
    routers: RouterCache
    paused: Callable[[ExpertRecord, datetime], Awaitable[int]] = _nothing_waits


ExpertsContext = DialogContext[ExpertDialogServices]
router: Router[ExpertDialogServices] = Router(ExpertDialogServices)


class SaveProfilePayload(BaseModel):
    """What "Speichern" sends: the card's data plus its inputs, all strings."""

    model_config = ConfigDict(extra="forbid")

    pool_id: str = Field(min_length=1, max_length=200)
    topics: str = Field("", max_length=10_000)
    languages: str = Field("", max_length=500)
    deputy: str = Field("", max_length=200)
    paused_until: str = Field("", max_length=30)
    about: str = Field("", max_length=10_000)


@dataclass(frozen=True, slots=True)
class _Rules:
    self_key: str
    pool_keys: frozenset[str]
    today: date

    @property
    def latest_pause(self) -> date:
        return _one_year_after(self.today)


def _error(kind: str, **params: Any) -> PydanticCustomError:
    # The type names an i18n key (experts.error.<kind>); the message is only for logs.
    return PydanticCustomError(kind, kind, params)


def _rules_of(info: ValidationInfo) -> _Rules:
    if not isinstance(info.context, _Rules):
        raise TypeError("validate ProfileUpdate with context=_Rules(...)")
    return info.context


class ProfileUpdate(BaseModel):
    """The validated profile; validate with ``context=_Rules(...)``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    topics: tuple[str, ...]
    languages: tuple[str, ...]
    deputy: str | None
    paused_until: date | None
    about: str

    @field_validator("topics", mode="before")
    @classmethod
    def _topics(cls, value: str) -> tuple[str, ...]:
        topics = limits.clean_topics(value.replace(";", ",").replace("\n", ",").split(","))
        if len(topics) > limits.MAX_TOPICS:
            raise _error("topics_too_many", max=limits.MAX_TOPICS, count=len(topics))
        for topic in topics:
            if len(topic) > limits.MAX_TOPIC_LENGTH:
                raise _error("topic_too_long", topic=topic[:40], max=limits.MAX_TOPIC_LENGTH)
        return topics

    @field_validator("languages", mode="before")
    @classmethod
    def _languages(cls, value: str) -> tuple[str, ...]:
        codes = tuple(dict.fromkeys(c.strip().lower() for c in value.split(",") if c.strip()))
        for code in codes:
            if code not in limits.LANGUAGES:
                raise _error("language_unknown", code=code[:10])
        return codes

    @field_validator("deputy", mode="before")
    @classmethod
    def _deputy(cls, value: str, info: ValidationInfo) -> str | None:
        rules = _rules_of(info)
        if not value:
            return None
        if value == rules.self_key:
            raise _error("deputy_self")
        if value not in rules.pool_keys:
            raise _error("deputy_unknown")
        return value

    @field_validator("paused_until", mode="before")
    @classmethod
    def _pause(cls, value: str, info: ValidationInfo) -> date | None:
        rules = _rules_of(info)
        if not value:
            return None
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            raise _error("pause_invalid") from None
        if day < rules.today:
            raise _error("pause_past")
        if day > rules.latest_pause:
            raise _error("pause_too_far", latest=rules.latest_pause)
        return day

    @field_validator("about", mode="before")
    @classmethod
    def _about(cls, value: str) -> str:
        if len(value.strip()) > limits.MAX_ABOUT_LENGTH:
            raise _error("about_too_long", max=limits.MAX_ABOUT_LENGTH)
        return value.strip()


@router.command("meine themen", "my topics")
async def my_topics(turn: Turn, rest: str, ctx: ExpertsContext) -> Reply:
    """Answer with the profile form of the expert who asked."""
    if turn.conversation_kind is not ConversationKind.PERSONAL:
        # The form shows pause and deputy and saves for whoever clicks it: personal chat only.
        return Reply.of_text(t("experts.personal_only", turn.language))
    key = turn.actor.aad_object_id
    pool_id = await _home_pool(ctx, key)
    if not key or pool_id is None:
        return Reply.of_card(not_expert_card(turn.language))
    record = await _experts(ctx).get(pool_id, key)
    if record is None:  # removed between the two reads
        return Reply.of_card(not_expert_card(turn.language))
    pool = await _experts(ctx).list_pool(record.pool_id)
    return Reply.of_card(_card(record, ctx, turn.language, pool))


async def _home_pool(ctx: ExpertsContext, key: str | None) -> str | None:
    """The pool whose profile "Meine Themen" shows: the default pool, else the first."""
    pools = await _experts(ctx).pools_of(key) if key else []
    return (DEFAULT_POOL if DEFAULT_POOL in pools else pools[0]) if pools else None


@router.search(DEPUTY_DATASET)
async def deputies(turn: Turn, query: SearchQuery, ctx: ExpertsContext) -> list[Choice]:
    """The deputy typeahead of "Meine Themen": colleagues of the searcher's pool whose name or
    department has every typed word (the form's pool, so saving accepts the pick)."""
    key = turn.actor.aad_object_id
    pool_id = await _home_pool(ctx, key)
    if not key or pool_id is None:
        return []
    found = (
        Choice(title=deputy_title(e), value=e.user_key)
        for e in await _experts(ctx).list_pool(pool_id)
        if e.user_key != key and matches(query.query_text, deputy_title(e))
    )
    return page(query, found)


@router.search(COLLEAGUES_DATASET)
async def colleagues(turn: Turn, query: SearchQuery, ctx: ExpertsContext) -> list[Choice]:
    """ "Weiterleiten an …" on an expert's question card: the experts of the searcher's pools
    (the question's pool is one of them; forwarding checks it) whose name has every word."""
    key = turn.actor.aad_object_id
    repository = _experts(ctx)
    found: dict[str, Choice] = {}
    for pool_id in await repository.pools_of(key) if key else []:
        for e in await repository.list_pool(pool_id):
            if e.user_key != key and e.user_key not in found and matches(query.query_text, e.name):
                found[e.user_key] = Choice(title=e.name, value=e.user_key)
    return page(query, sorted(found.values(), key=lambda c: c["title"].casefold()))


@router.card_action("experts.save_profile", SaveProfilePayload)
async def save_profile(turn: Turn, payload: SaveProfilePayload, ctx: ExpertsContext) -> Reply:
    """Validate and save the form for the clicking person (never someone named in the data)."""
    lang, key = turn.language, turn.actor.aad_object_id
    record = await _experts(ctx).get(payload.pool_id, key) if key else None
    if key is None or record is None:
        return Reply.of_card(not_expert_card(lang), replaces_card=True)
    pool = await _experts(ctx).list_pool(record.pool_id)
    zone = ZoneInfo(ctx.settings.time_zone)
    rules = _Rules(key, frozenset(e.user_key for e in pool), _local_today(ctx))
    try:
        update = ProfileUpdate.model_validate(
            payload.model_dump(exclude={"pool_id"}), context=rules
        )
    except ValidationError as exc:
        form = TopicsForm(**payload.model_dump())
        card = my_topics_card(
            lang, form, pool, key, rules.today, rules.latest_pause, _problems(exc, lang),
            is_error=True,
        )  # fmt: skip
        return Reply.of_card(card, replaces_card=True)
    saved = replace(
        record,
        topics=update.topics,
        languages=update.languages,
        deputy_key=update.deputy,
        paused_until=_pause_end(update.paused_until, zone),
        about=update.about,
        source="profile",
    )
    await _experts(ctx).upsert(saved)
    # "Gespeichert." must be true for the very next question, not after the cache ages.
    ctx.services.routers.invalidate(saved.pool_id)
    moved = await ctx.services.paused(saved, ctx.clock.now())
    notice = t("experts.saved_moved_on", lang, count=moved) if moved else t("experts.saved", lang)
    card = _card(saved, ctx, lang, pool, notice=notice)
    return Reply.of_card(card, replaces_card=True)


def _card(
    record: ExpertRecord,
    ctx: ExpertsContext,
    lang: str,
    pool: Sequence[ExpertRecord],
    notice: str | None = None,
) -> dict[str, Any]:
    today = _local_today(ctx)
    form = topics_form(record, ctx.clock.now(), ZoneInfo(ctx.settings.time_zone))
    latest = _one_year_after(today)
    return my_topics_card(lang, form, pool, record.user_key, today, latest, notice)


def _local_today(ctx: ExpertsContext) -> date:
    return ctx.clock.now().astimezone(ZoneInfo(ctx.settings.time_zone)).date()


def _one_year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _experts(ctx: ExpertsContext) -> ExpertRepository:
    return ctx.services.experts


def _pause_end(last_day: date | None, zone: ZoneInfo) -> datetime | None:
    # "Pause bis 10.03." includes that day: the pause ends at the next local midnight.
    if last_day is None:
        return None
    return datetime.combine(last_day + timedelta(days=1), time(), zone).astimezone(UTC)


def _problems(exc: ValidationError, lang: str) -> str:
    lines = [t("experts.error.title", lang), ""]
    for error in exc.errors():
        key = f"experts.error.{error['type']}"
        params = {name: _shown(value, lang) for name, value in (error.get("ctx") or {}).items()}
        known = key in de.MESSAGES  # pydantic's own error types get the generic message
        lines.append("- " + t(key if known else "experts.error.invalid", lang, **params))
    return "\n".join(lines)


def _shown(value: object, lang: str) -> object:
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y" if lang == "de" else "%Y-%m-%d")
    return value

"""One ranking index per expert pool, rebuilt when experts, answers or decisions change (or it
ages)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from bot.domain.ports import Clock
from bot.domain.routing.asking import AskRequest, may_offer
from bot.domain.routing.decisions import FORGET_AFTER, DecisionAdjuster, DecisionSignal
from bot.domain.routing.index import ExpertRouter
from bot.domain.routing.models import AnsweredQuestion, RoutingResult
from bot.domain.routing.ports import DecisionLog, ExpertRepository, QuestionRepository

log = logging.getLogger(__name__)
_RERANK_DEPTH = 30


@dataclass(frozen=True)
class PoolRouter:
    """The index of one pool."""

    router: ExpertRouter
    size: int
    adjuster: DecisionAdjuster | None = None

    @property
    def empty(self) -> bool:
        """True when the pool has no experts."""
        return self.size == 0

    def rank(self, text: str, k: int = 6, english_client: bool | None = None) -> RoutingResult:
        """Rank the pool's experts for a question (the best ``k``), decisions applied;
        ``english_client`` as in ``QueryAnalyser.analyse``."""
        if self.adjuster is None or self.adjuster.empty:
            return self.router.rank(text, k=k, english_client=english_client)
        # A lowered decliner makes room for the next one, and a raised forward target may come
        # from further down (the bonus is bounded, so a few dozen places are enough; ranking
        # every expert of a large pool would cost a reason per expert).
        deeper = self.router.rank(text, k=k + _RERANK_DEPTH, english_client=english_client)
        ranked = self.adjuster.adjust(text, deeper, english_client)
        return replace(ranked, candidates=ranked.candidates[:k])

    def similar_answered_id(self, request: AskRequest) -> str | None:
        """Id of an earlier answered question similar enough to offer to ``request`` (one
        that may be shown where it is asked: ``may_offer``)."""
        similar = self.router.similar_answered(
            request.text, lambda h: may_offer(h, request), request.language == "en"
        )
        return similar.question.id if similar is not None else None


class RouterCache:
    """Builds lazily and rebuilds when the pool's experts changed (in any replica: the stamp
    is read from the database before each reuse). Answers and decisions learnt in another
    replica are picked up after ``max_age`` (a few minutes late is fine for learning, and
    saves a query per question); in this one, ``invalidate`` and ``learn`` apply them at
    once."""

    def __init__(
        self,
        experts: ExpertRepository,
        questions: QuestionRepository,
        clock: Clock,
        max_age: timedelta = timedelta(minutes=5),
        decisions: DecisionLog | None = None,
    ) -> None:
        self._experts = experts
        self._questions = questions
        self._decisions = decisions
        self._clock = clock
        self._max_age = max_age
        self._cache: dict[str, tuple[datetime, str, PoolRouter]] = {}

    async def get(self, pool_id: str) -> PoolRouter:
        """The current index of a pool."""
        now = self._clock.now()
        # Read before the records: a change landing during the build only costs one rebuild.
        stamp = await self._experts.pool_stamp(pool_id)
        cached = self._cache.get(pool_id)
        if cached is not None and now - cached[0] < self._max_age and cached[1] == stamp:
            return cached[2]
        records = await self._experts.list_pool(pool_id)
        answered = await self._questions.answered(pool_id)
        history = [
            # The reason reads "hat … am <Datum> beantwortet": give it the answer's date.
            AnsweredQuestion(
                id=str(q.id),
                text=q.text,
                answered_by=q.owner_key or "",
                asked_at=q.answered_at or q.asked_at,
                private_to=q.asker_key if q.private else "",
            )
            for q in answered
            if q.owner_key
        ]
        router = ExpertRouter([r.to_profile() for r in records], history)
        adjuster = None
        if self._decisions is not None:
            # Decay is taken at build time; the index lives minutes, the half-life months.
            learnt = await self._decisions.recent(pool_id, now - FORGET_AFTER)
            adjuster = DecisionAdjuster(learnt, router.coverage, now)
        built = PoolRouter(router, len(records), adjuster)
        self._cache[pool_id] = (now, stamp, built)
        return built

    async def learn(self, pool_id: str, signals: Sequence[DecisionSignal]) -> None:
        """Store decision signals; the pool's next question is ranked with them."""
        if self._decisions is None or not signals:
            return
        try:
            await self._decisions.record(signals)
        except Exception:
            # The decision itself is saved: a click must not fail because it was not learnt.
            log.exception("decision signals of pool %s not stored", pool_id)
            return
        self.invalidate(pool_id)

    def invalidate(self, pool_id: str | None = None) -> None:
        """Forget one pool's index (or all) so the next question rebuilds it."""
        if pool_id is None:
            self._cache.clear()
        else:
            self._cache.pop(pool_id, None)

"""One ranking index per expert pool, rebuilt when experts or answers change (or it ages)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.ports import Clock
from bot.domain.routing.index import ExpertRouter
from bot.domain.routing.models import AnsweredQuestion, RoutingResult
from bot.domain.routing.ports import ExpertRepository, QuestionRepository


@dataclass(frozen=True)
class PoolRouter:
    """The index of one pool."""

    router: ExpertRouter
    size: int

    @property
    def empty(self) -> bool:
        """True when the pool has no experts."""
        return self.size == 0

    def rank(self, text: str, k: int = 6) -> RoutingResult:
        """Rank the pool's experts for a question (the best ``k``)."""
        return self.router.rank(text, k=k)

    def similar_answered_id(self, text: str) -> str | None:
        """Id of an earlier answered question similar enough to offer."""
        similar = self.router.similar_answered(text)
        return similar.question.id if similar is not None else None


class RouterCache:
    """Builds lazily and rebuilds when the pool's experts changed (in any replica: the stamp
    is read from the database before each reuse). Answers learnt in another replica are
    picked up after ``max_age``; in this one, ``invalidate`` applies them at once."""

    def __init__(
        self,
        experts: ExpertRepository,
        questions: QuestionRepository,
        clock: Clock,
        max_age: timedelta = timedelta(minutes=5),
    ) -> None:
        self._experts = experts
        self._questions = questions
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
            )
            for q in answered
            if q.owner_key
        ]
        built = PoolRouter(ExpertRouter([r.to_profile() for r in records], history), len(records))
        self._cache[pool_id] = (now, stamp, built)
        return built

    def invalidate(self, pool_id: str | None = None) -> None:
        """Forget one pool's index (or all) so the next question rebuilds it."""
        if pool_id is None:
            self._cache.clear()
        else:
            self._cache.pop(pool_id, None)

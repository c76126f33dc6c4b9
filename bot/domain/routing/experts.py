"""Expert records as stored per pool: directory data plus what the expert maintains."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.domain.routing.models import ExpertProfile

DEFAULT_POOL = "default"


@dataclass(frozen=True, slots=True)
class ExpertRecord:
    """One assistant in one expert pool (a team, a channel, or the default pool)."""

    pool_id: str
    user_key: str  # Entra object id (as Teams sends aadObjectId) or the directory's id
    name: str
    email: str | None = None
    department: str = ""
    title: str = ""
    location: str = ""
    languages: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    about: str = ""
    deputy_key: str | None = None
    paused_until: datetime | None = None
    source: str = "directory"  # directory | graph | profile

    def available_at(self, when: datetime) -> bool:
        """False while the expert has paused being asked."""
        return self.paused_until is None or when >= self.paused_until

    def to_profile(self) -> ExpertProfile:
        """The view the ranking works on."""
        return ExpertProfile(
            id=self.user_key,
            name=self.name,
            department=self.department,
            title=self.title,
            location=self.location,
            languages=self.languages,
            topics=self.topics,
            about=self.about,
        )

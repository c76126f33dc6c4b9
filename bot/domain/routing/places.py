"""Where people sit is not what they know: the organisation's site words, learnt from its own
office locations.

A topic may name a site ("Tiefgarage Hamburg", "Raumplanung Köln"), and a profile's office
location is part of what the index reads. A question that shares nothing with such an expert
but the site ("Kennt jemand einen guten Zahnarzt in Hamburg?") must not reach them through
the topic: the site says where the question is, not what it is about.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from bot.domain.routing.models import ExpertProfile
from bot.domain.routing.text import content_words, stem


def site_words(experts: Sequence[ExpertProfile]) -> frozenset[str]:
    """Stems that say where people sit: in the office location of at least two experts and
    no expert's topic on its own. "Hamburg" and "Haus" qualify, also where a topic names the
    site ("Tiefgarage Hamburg"); "Poststelle", where two mailroom experts sit and which is their
    topic, does not, nor the one expert's "Tiefgarage"."""
    located = Counter(s for e in experts for s in _stems(e.location))
    subjects = {s for e in experts for t in e.topics if len(one := _stems(t)) == 1 for s in one}
    return frozenset(s for s, n in located.items() if n >= 2 and s not in subjects)


def _stems(text: str) -> set[str]:
    return {stem(w) for w in content_words(text) if len(w) >= 3}

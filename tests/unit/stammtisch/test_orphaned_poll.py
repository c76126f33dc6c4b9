"""Who is in charge of a poll whose organiser erased their data (stammtisch.orphaned)."""

from __future__ import annotations

from dataclasses import replace

from bot.domain.privacy.identity import PSEUDONYM_PREFIX, new_pseudonym
from bot.domain.stammtisch import orphaned
from bot.domain.stammtisch.service import StammtischPolicy
from tests.support.stammtisch_world import HENRIK, JANA, SABINE, make_world, rule


def test_the_erasures_pseudonyms_are_recognised() -> None:
    assert orphaned.ERASED_PREFIX == PSEUDONYM_PREFIX


async def test_who_is_in_charge() -> None:
    world = make_world()
    poll, _ = await world.service.start(rule())
    erased = replace(poll, organiser_key=new_pseudonym())
    nobody, organisers = StammtischPolicy(), StammtischPolicy(frozenset({HENRIK, JANA}))
    assert orphaned.in_charge(nobody, poll) == [SABINE]
    assert orphaned.in_charge(organisers, erased, by=JANA) == [JANA]
    assert orphaned.in_charge(organisers, erased) == sorted({HENRIK, JANA})
    assert not orphaned.unattended(nobody, poll) and not orphaned.unattended(organisers, erased)
    assert orphaned.unattended(nobody, erased)

"""A member who erased her data ("meine daten löschen") during a round: the erasure takes her
out of her group, and the roulette then sends nothing for a group of one and refuses its
"anderer Vorschlag" with the reason (the meeting does not take place)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from bot.adapters.db.privacy_rules import Erasure
from bot.domain.privacy.identity import ERASED_NAME, Identity, Traces
from bot.domain.roulette.model import Group, RouletteError
from tests.unit.roulette.test_service import (
    AYLIN,
    EMILY,
    NOW,
    ROUND_57,
    SABINE,
    World,
    join,
    make_world,
    paired_in_round_57,
)


async def _erased(world: World, group: Group, key: str) -> Group:
    """What the erasure leaves of the group (see the rule's test below)."""
    kept = [i for i, member in enumerate(group.members) if member != key]
    left = replace(
        group,
        members=tuple(group.members[i] for i in kept),
        names=tuple(group.names[i] for i in kept),
        version=group.version + 1,
    )
    assert await world.service.repo.save_group(left)
    return left


def test_the_erasure_takes_her_out_of_her_groups() -> None:
    row = {"id": 4, "round_no": 57, "members": [SABINE, AYLIN, EMILY], "version": 2,
           "names": ["Sabine Krüger", "Aylin Yıldız", "Emily Clarke"], "formats": ["coffee"],
           "tenant_id": "t1", "slots": [], "slot_index": 0, "planned": True,
           "answered": [AYLIN, SABINE]}  # fmt: skip
    rule = Erasure(Traces(Identity(AYLIN, names=frozenset({"Aylin Yıldız"}))), NOW)
    new = rule.roulette_group(row)
    assert new["members"] == [SABINE, EMILY]
    assert new["names"] == ["Sabine Krüger", "Emily Clarke"]
    assert new["answered"] == [SABINE]  # whose answer counted: hers is gone too
    assert new["version"] == 3 and AYLIN not in str(new) and ERASED_NAME not in str(new)


async def test_a_pair_whose_other_member_erased_her_data_is_not_written_to() -> None:
    world = make_world(reachable=set())  # nobody reachable yet: the introductions wait
    group = await paired_in_round_57(world)
    left = await _erased(world, group, AYLIN)
    assert left.dissolved and not group.dissolved
    world.notifier.reachable = {SABINE, AYLIN}
    world.clock.advance(timedelta(hours=2))
    await world.run_due()
    # Nobody is introduced to nobody, the card's button says why, nothing is sent to her.
    assert world.cards_to(SABINE, "Los entschieden") == []
    with pytest.raises(RouletteError, match="partner_left"):
        await world.service.other_slot(group.id, 0, SABINE)
    await world.rounds.suggest(group.id, 0, AYLIN)  # a job planned before the erasure
    world.clock.advance(timedelta(days=7))
    await world.run_due()
    assert world.cards_to(SABINE, "getroffen?") == []
    assert [to for to, _card in world.notifier.directs] == []


async def test_a_triple_goes_on_with_the_two_others() -> None:
    world = make_world()
    for key in (SABINE, AYLIN, EMILY):
        await join(world, key)
    world.clock.advance(ROUND_57 - NOW)
    await world.rounds.run_round(57)
    await world.run_due()
    [group] = await world.service.repo.groups_since(57)
    await _erased(world, group, AYLIN)
    before = len(world.notifier.directs)
    moved = await world.service.other_slot(group.id, 0, SABINE)
    assert moved.members == (SABINE, EMILY) or moved.members == (EMILY, SABINE)
    await world.run_due()
    assert [to for to, _card in world.notifier.directs[before:]] == [EMILY]

"""An assistant the bot cannot message (the app not installed for them, the bot blocked):
their request counts as answered without time, the audit trail says why, and the asker's card
says "nicht erreichbar" instead of "wartet auf Antwort" for as long as the call lives."""

from __future__ import annotations

import json

from bot.domain.urgent.model import CallState
from tests.unit.urgent.test_service import ALBRECHT, JANA, SABINE, _block, _start, _world


async def test_an_unreachable_assistant_is_shown_as_such_not_as_waiting() -> None:
    decisions, calendar, notifier = _world()
    notifier.reachable = {JANA.key}  # Sabine Krüger cannot be messaged
    await _block(calendar, ALBRECHT)
    call = await _start(decisions, "Ich brauche heute noch 30 Minuten mit Dr. Albrecht")
    assert call.state is CallState.ASKING and notifier.dm_recipients() == []
    (ask,) = call.asks
    assert ask.assistant_key == SABINE and ask.answer == "unreachable" and not ask.waiting
    trail = [(e.action, e.detail) for e in await decisions.service.calls.audit_of(call.id)]
    assert ("unreachable", SABINE) in trail
    asker_card = json.dumps(notifier.updates[-1][1], ensure_ascii=False)
    assert "nicht erreichbar" in asker_card and "wartet auf Antwort" not in asker_card
    assert "Für Dr. Katharina Albrecht kann leider niemand Zeit freimachen" in asker_card
    again = await decisions.service.get(call.id)
    await decisions.send_again(again.id, SABINE, ask.for_key)  # a job: nothing sent, no change
    assert (await decisions.service.get(call.id)).version == again.version

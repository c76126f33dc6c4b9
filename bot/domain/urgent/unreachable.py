"""An assistant the bot cannot message (the app not installed for them, the bot blocked).

``send_direct`` gives no handle then, and nothing would change by retrying: their request
would show "wartet auf Antwort" for as long as the call lives and keep every proposal off
without anyone knowing why. So it counts as answered without time ("nicht erreichbar" on the
asker's card, ``unreachable`` in the audit trail), like a "Leider nicht"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.domain.urgent.model import Ask, CallState, UrgentError, find_ask, replaced

if TYPE_CHECKING:
    from bot.domain.urgent.decisions import UrgentDecisions

ATTEMPTS = 8  # re-reads when an answer comes in at the same time


async def mark(decisions: UrgentDecisions, call_id: int, assistant: str, for_key: str) -> None:
    """Store the request to ``assistant`` as unreachable (if still waiting), audit it and
    refresh the cards (the asker's shows it)."""
    service = decisions.service
    for _ in range(ATTEMPTS):
        call = await service.get(call_id)
        ask = find_ask(call, assistant, for_key)
        if call.state is not CallState.ASKING or ask is None or not ask.waiting:
            return
        marked = Ask(
            ask.assistant_key, ask.assistant_name, ask.for_key, "unreachable", None,
            service.clock.now(),
        )  # fmt: skip
        try:
            saved = await service.save(call, asks=replaced(call, ask, marked))
        except UrgentError:
            continue  # an answer came in meanwhile: read it and mark this one
        await service.audit(saved, "bot", "unreachable", assistant)
        await decisions.refresh(saved)
        return
    raise UrgentError("busy")

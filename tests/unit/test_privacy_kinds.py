"""Every data kind "Meine Daten" can list has a German and an English text (no raw keys)."""

from __future__ import annotations

import json

import pytest

from bot.adapters.db.privacy_erase import ERASURE_TABLES
from bot.i18n import de, en
from cards.privacy import CARD_KINDS, erased_card, export_card

KINDS = sorted(ERASURE_TABLES | CARD_KINDS)


@pytest.mark.parametrize("messages", [de.MESSAGES, en.MESSAGES], ids=["de", "en"])
def test_every_kind_the_privacy_cards_can_list_has_a_text(messages: dict[str, str]) -> None:
    assert [kind for kind in KINDS if not messages.get(f"privacy.kind.{kind}")] == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_export_and_erasure_cards_show_no_raw_keys(lang: str) -> None:
    # Memberships and reach are shown as sentences as well, from fields not needed here.
    shown_as_facts = ERASURE_TABLES - {"team_members", "member_reach"}
    export = {name: [{"role": "asker"}] for name in shown_as_facts}
    erased = dict.fromkeys(KINDS, 1)
    for shown in (export_card(export, lang), erased_card(erased, lang)):
        assert "privacy.kind." not in json.dumps(shown, ensure_ascii=False)

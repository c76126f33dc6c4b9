"""A framework-free form of a Bot Framework conversation reference."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class StoredReference:
    """Everything needed to continue a conversation later, as stored in the database."""

    conversation_id: str
    user_key: str  # aadObjectId when known, else the channel-specific user id
    kind: str  # personal | groupChat | channel
    tenant_id: str | None
    service_url: str
    reference: dict[str, Any]  # the serialised ConversationReference
    updated_at: datetime

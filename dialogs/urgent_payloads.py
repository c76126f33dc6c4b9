"""What the urgent call's card buttons send (validated before any handler runs)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from dialogs.payload_types import RowId

_KEY = r"^[0-9A-Za-z-]{1,200}$"


class InviteAction(BaseModel):
    """ "Einladen": the slot's start; the server checks it is on offer now."""

    model_config = ConfigDict(extra="ignore")

    call_id: RowId
    start: datetime


class AnswerAction(BaseModel):
    """An assistant's "Ja, ab …" (with the chosen time) or "Leider nicht"."""

    model_config = ConfigDict(extra="ignore")

    call_id: RowId
    for_key: str = Field(pattern=_KEY)
    yes: bool
    free_from: datetime | None = None


class CallAction(BaseModel):
    """ "Absagen": the call; who acts comes from the activity."""

    model_config = ConfigDict(extra="ignore")

    call_id: RowId


class PickAction(BaseModel):
    """A person chosen for an ambiguous name: the request's text and the choices so far."""

    model_config = ConfigDict(extra="ignore")

    text: str = Field(min_length=1, max_length=500)
    picks: dict[str, str] = Field(max_length=20)


class UrgentForm(BaseModel):
    """The form: names, minutes, deadline."""

    model_config = ConfigDict(extra="ignore")

    names: str = Field(min_length=1, max_length=300)
    minutes: int = Field(ge=1, le=1440)
    deadline: Literal["today", "tomorrow_noon", "tomorrow"] = "today"

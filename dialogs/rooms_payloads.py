"""What the room broker's card buttons send (validated before any handler runs)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from dialogs.payload_types import PageStart, RowId, RowVersion

_TIME = r"^([01]\d|2[0-3]):[0-5]\d$"


class SearchForm(BaseModel):
    """The request form."""

    model_config = ConfigDict(extra="forbid")

    day: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    start: str = Field(pattern=_TIME)
    end: str = Field(pattern=_TIME)
    attendees: int = Field(ge=1, le=500)
    features: str = Field(default="", max_length=200)
    reason: str = Field(default="", max_length=500)


class ChooseAction(BaseModel):
    """A room picked from the offers; the server checks it was offered."""

    model_config = ConfigDict(extra="ignore")

    request_id: RowId
    room: str = Field(min_length=3, max_length=320)


class DecisionAction(BaseModel):
    """Approve/decline: the request and the version the approver saw."""

    model_config = ConfigDict(extra="ignore")

    request_id: RowId
    version: RowVersion


class RequestAction(BaseModel):
    """Cancel: the request id and the card it was clicked on ("list": the updated list
    comes back); who acts comes from the activity."""

    model_config = ConfigDict(extra="ignore")

    request_id: RowId
    view: Literal["status", "list"] = "status"


class ListPage(BaseModel):
    """ "Weitere Anfragen": which list, and where its next page starts."""

    model_config = ConfigDict(extra="ignore")

    view: Literal["mine", "inbox"]
    start: PageStart

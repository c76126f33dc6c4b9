"""What the onboarding cards' buttons send (validated before any handler runs)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from cards.onboarding import pick_input_id
from dialogs.payload_types import PageStart, RowId


class OnboardingAction(BaseModel):
    """Opt out: only the id travels; who acts comes from the activity."""

    model_config = ConfigDict(extra="ignore")

    onboarding_id: RowId


class AssignAction(OnboardingAction):
    """An admin's pick."""

    buddy_key: str = Field(min_length=1, max_length=200)

    @model_validator(mode="before")
    @classmethod
    def _pick_of_this_onboarding(cls, data: Any) -> Any:
        # The admins' overview has one choice per onboarding, each with its own input id
        # (ids must be unique in a card): read the one of the onboarding the button is for.
        if isinstance(data, dict) and "buddy_key" not in data:
            pick = data.get(pick_input_id(data.get("onboarding_id")))
            if pick is not None:
                return {**data, "buddy_key": pick}
        return data


class CheckInAction(OnboardingAction):
    """A check-in answer."""

    days: int = Field(ge=1, le=365)
    answer: str = Field(pattern="^(ja|noch_nicht|hilfe)$")


class OverviewPage(BaseModel):
    """ "Weitere Onboardings": where the overview's next page starts."""

    model_config = ConfigDict(extra="ignore")

    start: PageStart

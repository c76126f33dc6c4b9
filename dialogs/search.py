"""Typeahead search of card inputs (Teams' ``application/search`` invoke), framework-free."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypedDict

from pydantic import BaseModel, ConfigDict, Field

from dialogs.payload_types import PageStart

# Teams shows at most 15 options of a dynamic typeahead; more would only cost bytes.
MAX_RESULTS = 15


class Choice(TypedDict):
    """One search result as Teams shows it: ``title`` in the list, ``value`` sent back."""

    title: str
    value: str


class QueryOptions(BaseModel):
    """Where the typeahead list continues (Teams asks for 15 from 0 at first)."""

    model_config = ConfigDict(extra="ignore")

    skip: PageStart = 0
    top: int = Field(default=MAX_RESULTS, ge=1, le=100)


class SearchQuery(BaseModel):
    """The ``value`` of an ``application/search`` invoke: what was typed into which input."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    dataset: str = Field(min_length=1, max_length=100)
    query_text: str = Field(default="", max_length=200, alias="queryText")
    options: QueryOptions = Field(default_factory=QueryOptions, alias="queryOptions")


def matches(query: str, text: str) -> bool:
    """Every typed word occurs in ``text`` (case-insensitively): "vog ham" finds
    "Kerstin Vogel – Hamburg"."""
    folded = text.casefold()
    return all(word in folded for word in query.casefold().split())


def page(query: SearchQuery, found: Iterable[Choice]) -> list[Choice]:
    """The part of ``found`` that Teams asked for, at most ``MAX_RESULTS``."""
    top = min(query.options.top, MAX_RESULTS)
    return list(found)[query.options.skip : query.options.skip + top]

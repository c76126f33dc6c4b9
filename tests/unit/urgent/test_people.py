"""Names to people in any spelling of umlauts and ß: "Koenig" is "König", "Mueller" is
"Müller", "Strasser" is "Straßer" (and back), without matching other names."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from bot.domain.graph_types import Person
from bot.domain.spelling import fold, spellings
from bot.domain.urgent.model import UrgentError
from bot.domain.urgent.people import matches, resolve
from devkit.demo.organisation import load_demo_organisation
from devkit.fakes.graph import FakeDirectory


def _person(name: str) -> Person:
    return Person(id=name, display_name=name, mail=f"{fold(name).replace(' ', '.')}@example.de")


PEOPLE = [
    _person(n)
    for n in (
        "Andreas König", "Jonas Koenigsberger", "Karl Konrad", "Paula Koch", "Eva Müller",
        "Uwe Mueller-Lang", "Tim Straßer", "Nina Strasser", "Lena Bauer", "Jörg Hesse",
    )
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("Koenig", ["Andreas König"]),
        ("KOENIG", ["Andreas König"]),
        ("Herrn Koenig", ["Andreas König"]),
        ("Andreas Koenig", ["Andreas König"]),
        ("König", ["Andreas König"]),
        ("Mueller", ["Eva Müller", "Uwe Mueller-Lang"]),
        ("Müller", ["Eva Müller", "Uwe Mueller-Lang"]),
        ("Eva Mueller", ["Eva Müller"]),
        ("Strasser", ["Tim Straßer", "Nina Strasser"]),
        ("Straßer", ["Tim Straßer", "Nina Strasser"]),
        ("Joerg", ["Jörg Hesse"]),
        ("Bauer", ["Lena Bauer"]),  # "ue" after a vowel is no umlaut
        ("Koenigsb", ["Jonas Koenigsberger"]),  # a prefix when no whole word fits
    ],
)
def test_every_spelling_of_a_name_finds_the_person(name: str, found: list[str]) -> None:
    assert [p.display_name for p in matches(name, PEOPLE)] == found


@pytest.mark.parametrize("name", ["Koenig", "Kenig", "Muller-Lange", "Strasse"])
def test_no_other_name_is_matched(name: str) -> None:
    hits = {p.display_name for p in matches(name, PEOPLE)}
    assert not hits & {"Karl Konrad", "Paula Koch", "Lena Bauer", "Jonas Koenigsberger"}


def test_the_directory_is_asked_for_each_spelling() -> None:
    assert spellings("Koenig") == ("koenig", "könig")
    assert spellings("König") == ("könig", "koenig")
    assert spellings("Mueller") == ("mueller", "müller")
    assert "straßer" in spellings("Strasser") and "strasser" in spellings("Straßer")
    assert spellings("Bauer") == ("bauer",)


class _PrefixDirectory:
    """A directory whose prefix search does not fold (as Graph's startswith)."""

    def __init__(self, people: Sequence[Person]) -> None:
        self.people: list[Person] = list(people)
        self.asked: list[str] = []

    async def find_people(self, name: str) -> Sequence[Person]:
        self.asked.append(name)
        return [p for p in self.people if p.display_name.split()[-1].lower().startswith(name)]


async def test_koenig_is_found_in_a_directory_that_stores_koenig_with_umlaut() -> None:
    directory = _PrefixDirectory(PEOPLE)
    found = await resolve(directory, ["Koenig"], {})  # type: ignore[arg-type]
    assert [p.display_name for p in found] == ["Andreas König"]  # type: ignore[union-attr]
    assert directory.asked == ["koenig", "könig"]


async def test_the_demo_directory_finds_koenig_and_refuses_an_unknown_name() -> None:
    directory = FakeDirectory(load_demo_organisation())
    found = await resolve(directory, ["Herrn Koenig"], {})
    assert [p.display_name for p in found] == ["Andreas König"]  # type: ignore[union-attr]
    with pytest.raises(UrgentError) as refused:
        await resolve(directory, ["Koenigin"], {})
    assert refused.value.code == "unknown"


@pytest.mark.parametrize(
    ("name", "asked", "found"),
    [
        ("Müller", ["müller"], ["Eva Müller"]),  # typed as someone has it: nothing more
        ("Straßer", ["straßer"], ["Tim Straßer"]),
        ("Eva Mueller", ["mueller", "müller"], ["Eva Müller"]),  # Uwe's name lacks "Eva"
        ("Koenig", ["koenig", "könig"], ["Andreas König"]),  # Koenigsberger: a prefix only
    ],
)
async def test_other_spellings_are_asked_only_when_the_typed_one_finds_nobody(
    name: str, asked: list[str], found: list[str]
) -> None:
    # Each ask is three Graph queries: four spellings made twelve per name.
    directory = _PrefixDirectory(PEOPLE)
    people = await resolve(directory, [name], {})  # type: ignore[arg-type]
    assert directory.asked == asked
    assert [p.display_name for p in people] == found  # type: ignore[union-attr]

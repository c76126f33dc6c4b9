"""The welcome's first name: titles and salutations are not names."""

from __future__ import annotations

import pytest

from bot.domain.onboarding.names import first_name


@pytest.mark.parametrize(
    ("display_name", "expected"),
    [
        ("Melanie Schäfer", "Melanie"),
        ("Dr. Priya Raman", "Priya"),
        ("Frau Prof. Dr. Anna Berg", "Anna"),
        ("Prof. Dr. med. Klaus Meier", "Klaus"),
        ("Dr.-Ing. Jan Ott", "Jan"),
        ("Dipl.-Kfm. Uwe Lenz", "Uwe"),
        ("Mr James O'Connor", "James"),
        ("Schäfer, Melanie", "Melanie"),
        ("Raman, Dr. Priya", "Priya"),
        ("Dr. Katharina Albrecht (Extern)", "Katharina"),
        ("欧阳娜娜（上海办公室）", "欧阳娜娜"),
        ("J. R. Smith", "J. R. Smith"),  # an initial is no name to greet alone
        ("Prof.", "Prof."),  # nothing but a title: the name as it is
        ("Med Lin", "Med"),
    ],
)
def test_first_name(display_name: str, expected: str) -> None:
    assert first_name(display_name) == expected

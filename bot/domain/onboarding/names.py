"""How to greet a newcomer: the first name of a directory display name."""

from __future__ import annotations

import re

# Salutations and titles written without a dot ("Mr James O'Connor", "Frau Anna Berg");
# every word with a dot before the first name is an abbreviated title ("Dr.", "Prof.",
# "Dipl.-Ing.", "h.c."), except an initial ("J. R. Smith").
_SALUTATIONS = frozenset({
    "herr", "frau", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "dr", "prof", "professor",
})  # fmt: skip
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]|（[^）]*）")  # "(Extern)", "[Praktikantin]"
_INITIAL = re.compile(r"^\w\.$")


def _is_title(word: str) -> bool:
    if "." in word:
        return not _INITIAL.match(word)
    return word.lower() in _SALUTATIONS


def first_name(display_name: str) -> str:
    """ "Dr. Priya Raman" → "Priya", "Schäfer, Melanie" → "Melanie"; with an initial first,
    or nothing but titles, the name without the titles (or the whole name)."""
    name = _BRACKETS.sub(" ", display_name).strip()
    if name.count(",") == 1:  # "Last, First" as many directories write it
        last, first = (part.strip() for part in name.split(","))
        name = first or last
    words = name.split()
    while words and _is_title(words[0]):
        words.pop(0)
    if not words:
        return display_name.strip()
    return " ".join(words) if _INITIAL.match(words[0]) else words[0]

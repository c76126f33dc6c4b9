"""German spellings: one key for "König", "Koenig" and "KÖNIG" (shared by every feature: the
know-how routing folds its words with it, the urgent call the names it looks up)."""

from __future__ import annotations

import re
import unicodedata

# Digraphs stand for umlauts ("Koeln", "ueberhaupt"), except after a vowel or q where they are
# ordinary letter pairs ("neue", "Bauer", "Quelle"). Both spellings fold to the bare vowel.
_DIGRAPH = re.compile(r"(?<![aeiouq])([aou])e")
_UMLAUT = {"a": "ä", "o": "ö", "u": "ü"}
_DIGRAPHS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold(text: str) -> str:
    """Lowercase and fold umlauts, ß and accents so all spellings share one key."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _DIGRAPH.sub(r"\1", text)


def with_digraphs(text: str) -> str:
    """``text`` (lowercase, or a regex pattern) with ae/oe/ue/ss for its umlauts and ß: one
    spelling for matching word tables against what people type ("fuer" and "für")."""
    return text.translate(_DIGRAPHS)


def spellings(word: str) -> tuple[str, ...]:
    """The ways a directory may store ``word`` (lower case): as typed, with umlauts for its
    digraphs ("koenig" → "könig"), with digraphs for its umlauts and ß ("könig" → "koenig"),
    and with ß for ss ("strasser" → "straßer"); for prefix lookups that do not fold."""
    typed = unicodedata.normalize("NFC", word.casefold())
    umlauts = _DIGRAPH.sub(lambda m: _UMLAUT[m.group(1)], typed)
    found = [typed, umlauts, with_digraphs(typed)]
    if "ss" in umlauts:
        found.append(umlauts.replace("ss", "ß"))
    return tuple(dict.fromkeys(found))

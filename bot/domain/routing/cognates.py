"""German spellings of English loan-word cognates ("documentation" -> "dokumentation").

English and German share many Latin and Greek words that differ only in regular spelling
habits: c is k or z, -ity is -ität, -ics is -ik, -y is -ie, -ize is -isieren. An English question
word that the organisation's texts do not contain is rewritten by these general rules; the
caller keeps only forms its vocabulary knows, so a wrong guess costs nothing.
"""

from __future__ import annotations

import re

# English ending -> German endings (folded: ä, ö, ü are a, o, u). Longest endings first.
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("izations", ("isierungen",)),
    ("ization", ("isierung",)),
    ("isations", ("isierungen",)),
    ("isation", ("isierung",)),
    ("izing", ("isieren",)),
    ("ising", ("isieren",)),
    ("ized", ("isiert",)),
    ("ised", ("isiert",)),
    ("izes", ("isieren",)),
    ("ises", ("isieren",)),
    ("ize", ("isieren",)),
    ("ise", ("isieren",)),
    ("ities", ("itaten",)),
    ("ity", ("itat",)),
    ("ologies", ("ologien",)),
    ("ology", ("ologie",)),
    ("ical", ("isch", "ik")),
    ("ics", ("ik",)),
    ("ic", ("ik", "isch")),
    ("ancy", ("anz",)),
    ("ency", ("enz",)),
    ("ances", ("anzen",)),
    ("ance", ("anz",)),
    ("ences", ("enzen",)),
    ("ence", ("enz",)),
    ("ies", ("ien",)),
    ("ary", ("ar",)),
    ("ory", ("orium", "or")),
    ("ates", ("ate", "ieren")),
    ("ated", ("iert",)),
    ("ating", ("ieren",)),
    ("ing", ("ung",)),  # Germanic pairs: warning/Warnung, landing/Landung, planning/Planung
    ("ate", ("at", "ieren")),
    ("ures", ("uren",)),
    ("ure", ("ur",)),
    ("ives", ("ive",)),
    ("ive", ("iv",)),
    ("isms", ("ismen",)),
    ("ism", ("ismus",)),
    ("y", ("ie",)),
    ("s", ("", "en", "s")),
)
_SOFT_C = re.compile(r"c(?=[eiy])")
_MIN_LENGTH = 5


def german_forms(word: str) -> list[str]:
    """Candidate German spellings of a folded English word, most literal first."""
    if len(word) < _MIN_LENGTH or not word.isalpha():
        return []
    stems = [word]
    for ending, replacements in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            base = word[: -len(ending)]
            # English doubles a consonant before -ing that German does not ("planning").
            bases = [base, base[:-1]] if ending == "ing" and base[-1] == base[-2] else [base]
            stems = [b + r for b in bases for r in replacements]
            break
    forms: list[str] = []
    for form in stems:
        forms.extend(_spellings(form))
    return [f for f in dict.fromkeys(forms) if f != word]


def _spellings(form: str) -> list[str]:
    # c before e/i/y is z ("certificate" -> "zertifikat"), else k ("clinic" -> "klinik"); ck
    # and ch stay. ph and th are kept by many German loans (Pharmazie, Therapie), so both forms.
    german = _SOFT_C.sub("z", form.replace("ch", "\0").replace("ck", "\1"))
    german = german.replace("c", "k").replace("\0", "ch").replace("\1", "ck")
    out = [form, german]
    for old, new in (("ph", "f"), ("th", "t"), ("sh", "sch")):
        out += [f.replace(old, new) for f in out if old in f]
    return out

"""Whether a word is a real German or English word, so that it is not read as a typo.

The typo lookup reads an unknown word as the organisation's word one edit away: "Postafch"
is "Postfach". A real word one edit away is not a typo, though: "Wetter" is not "weiter", and
"Wie wird das Wetter morgen?" was routed as if it were. The word lists are pyspellchecker's
(frequency lists of general German and English, built from subtitles), so this is general
language, not anything learnt from an organisation.
"""

from __future__ import annotations

import gzip
import re
from array import array
from bisect import bisect_left
from functools import cache
from importlib import resources

from bot.domain.spelling import fold

# Only words at least this long are looked up as typos (query._MIN_TYPO), so only those
# need to be known here: it keeps the table at about half a million entries.
MIN_LENGTH = 6
_LANGUAGES = ("de", "en")
# Keys of the lists' JSON objects ({"word": count, ...}); read as text, not as a dict,
# which would hold every count in memory on the way. A word one letter shorter may reach
# the length when folded ("größe" is "grosse").
_KEY = re.compile(r'"([^"\\]{' + str(MIN_LENGTH - 1) + r',})":')


@cache
def _hashes() -> array[int]:
    # About half a million words as sorted 64-bit hashes: 4 MB, where a set of strings
    # would take some 40 MB in every process that routes. Read as a stream into a flat
    # array (a word in both lists is there twice, which the search does not mind), so the
    # reading itself does not need a set's or a list's worth of memory either.
    found: array[int] = array("q")
    for language in _LANGUAGES:
        resource = resources.files("spellchecker").joinpath(f"resources/{language}.json.gz")
        text = gzip.decompress(resource.read_bytes()).decode("utf-8")
        folded = (fold(match.group(1)) for match in _KEY.finditer(text))
        found.extend(hash(word) for word in folded if len(word) >= MIN_LENGTH)
    return array("q", sorted(found))


def load() -> None:
    """Read the word lists now (about two seconds, once per process) rather than on the
    first question."""
    _hashes()


def is_real_word(word: str) -> bool:
    """Whether ``word`` (folded, see bot.domain.spelling.fold) is a German or English word
    of at least ``MIN_LENGTH`` letters."""
    if len(word) < MIN_LENGTH:
        return False
    table = _hashes()
    key = hash(word)
    at = bisect_left(table, key)
    return at < len(table) and table[at] == key

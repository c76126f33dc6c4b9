"""User-facing strings: one catalogue per language, looked up by key."""

from __future__ import annotations

from collections.abc import Mapping

from bot.i18n import de, en

_CATALOGUES: Mapping[str, Mapping[str, str]] = {"de": de.MESSAGES, "en": en.MESSAGES}


def language_of(locale: str | None, default: str = "de") -> str:
    """Map a Teams locale ("de-DE", "en-US", …) to a catalogue language."""
    if not locale:
        return default
    lang = locale.split("-", 1)[0].lower()
    return lang if lang in _CATALOGUES else default


def t(key: str, language: str = "de", **params: object) -> str:
    """Translate ``key`` into ``language``, falling back to German, then to the key itself."""
    template = _CATALOGUES.get(language, de.MESSAGES).get(key) or de.MESSAGES.get(key, key)
    return template.format(**params) if params else template

"""@mentions in a message: the bot's own is cut from the text the dialogs see, a colleague's
stays there as their plain name ("Weiß <at>Kerstin Vogel</at>, wie …" asks about her).

Teams sends each mention twice: as an ``<at>Name</at>`` tag in the text and as a ``mention``
entity naming the account (``mentioned.id``) and the tag (``text``); only the entity tells the
bot's mention from a colleague's.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator

from botbuilder.schema import Activity

# "[^<]*" rather than ".*?": a mention name holds no "<" (Teams escapes it), and a lazy
# ".*?" rescans to the end of the text from every unclosed "<at>" (quadratic on long text).
_AT_TAG = re.compile(r"<at>([^<]*)</at>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]+>")  # not "[^>]": linear even with many "<" and no ">"
# A message's HTML as Graph and the message action show it: <at id="0">Name</at>.
_AT_ELEMENT = re.compile(r"<at\b([^<>]*)>([^<]*)</at>", re.IGNORECASE)
_AT_ID = re.compile(r"""\bid\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)


def _entities(activity: Activity) -> Iterator[tuple[str | None, str]]:
    """(mentioned account id, tag text) of each mention entity."""
    for entity in activity.entities or []:
        # Case-insensitive like botbuilder's TurnContext.get_mentions.
        if str(getattr(entity, "type", None) or "").lower() != "mention":
            continue
        # Parsed activities keep a mention's fields as extra properties of a plain Entity;
        # a Mention built in code has them as attributes.
        extra = getattr(entity, "additional_properties", None) or {}
        mentioned = getattr(entity, "mentioned", None) or extra.get("mentioned")
        mentioned_id = (
            mentioned.get("id") if isinstance(mentioned, dict) else getattr(mentioned, "id", None)
        )
        tag = getattr(entity, "text", None) or extra.get("text")
        yield (str(mentioned_id) if mentioned_id else None), str(tag or "")


def _bot_id(activity: Activity) -> str | None:
    return activity.recipient.id if activity.recipient else None


def mentions_bot(activity: Activity) -> bool:
    """True when a mention entity names the bot itself (``mentioned.id`` = recipient id).

    Mentions of colleagues in the same post do not count: "@Kerstin kannst du mal schauen?"
    is not addressed to the bot.
    """
    bot_id = _bot_id(activity)
    return bool(bot_id) and any(mentioned == bot_id for mentioned, _ in _entities(activity))


def name_key(name: str) -> str:
    """A mentioned name as compared: spaces collapsed, case folded."""
    return " ".join(name.split()).casefold()


def colleague_tags(activity: Activity) -> frozenset[str]:
    """The (folded) names in the <at> tags of mentions that name someone other than the bot.

    A tag no mention entity explains, or one that also names the bot, is cut as the bot's:
    the bot's own name must never become part of a question or a command.
    """
    bot_id = _bot_id(activity)
    others: set[str] = set()
    own: set[str] = set()
    for mentioned_id, tag in _entities(activity):
        inner = _AT_TAG.fullmatch(tag.strip())
        key = name_key(inner.group(1) if inner else tag)
        (own if mentioned_id is None or mentioned_id == bot_id else others).add(key)
    return frozenset(others - own)


def plain(text: str, colleagues: frozenset[str]) -> str:
    """``text`` without markup and the bot's mention; the ``colleagues``' mentions become their
    names."""

    def mention(tag: re.Match[str]) -> str:
        name = tag.group(1)
        # Teams puts the spaces around a mention itself: "Weiß <at>Kerstin</at>, wie …".
        return name if name_key(name) in colleagues else " "

    text = html.unescape(_TAG.sub(" ", _AT_TAG.sub(mention, text)))
    return " ".join(text.split())


def colleague_names(text: str, colleagues: frozenset[str]) -> tuple[str, ...]:
    """The names of the ``colleagues`` @mentioned in ``text``, as ``plain`` leaves them."""
    if not colleagues:
        return ()
    tags = (m.group(1) for m in _AT_TAG.finditer(text))
    names = (plain(tag, frozenset()) for tag in tags if name_key(tag) in colleagues)
    return tuple(dict.fromkeys(name for name in names if name))


def without_own_tags(content: str, own: Callable[[str | None, str], bool]) -> str:
    """A message's HTML without the <at> elements ``own`` says are the bot's (given the
    element's id attribute, if any, and its name); the others stay (plain text makes them
    names), as ``plain`` does for a message sent to the bot."""

    def cut(element: re.Match[str]) -> str:
        found = _AT_ID.search(element.group(1))
        name = html.unescape(element.group(2))
        return " " if own(found.group(1) if found else None, name) else element.group(0)

    return _AT_ELEMENT.sub(cut, content)

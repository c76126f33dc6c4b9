"""Teams' quoted replies: "Antworten" on a message in a chat quotes it above the new text.

Teams sends the quote in the message HTML as ``<blockquote itemtype="http://schema.skype.com/
Reply" itemid="<quoted message id>">`` holding the author and a preview of the quoted text; the
newer clients also send a ``quotedReply`` entity naming the quoted message. The quoted text is
not what the person wrote, so it is cut from the text the dialogs see; the quoted message's id
tells which card a reply answers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# Only the opening tag, its attributes bounded and read apart: one pattern with the itemtype
# inside backtracked quadratically on a hostile run of repeated attributes. Teams' own
# attributes (itemscope, itemtype, itemid) are far shorter than the bound.
_BLOCKQUOTE = re.compile(r"<blockquote\b([^<>]{0,500})>", re.IGNORECASE)
_REPLY_TYPE = "schema.skype.com/reply"
_ITEM_ID = re.compile(r"\bitemid=[\"']([^\"'<>]{1,100})[\"']", re.IGNORECASE)
_END = "</blockquote>"
# The quote names its author: <strong itemprop="mri" itemid="8:orgid:…">Name</strong>.
_AUTHOR = re.compile(r"<strong\b([^<>]{0,300})>([^<]{0,300})</strong>", re.IGNORECASE)
# Bots' Teams ids start with "28:"; people's with "8:" or "29:".
_BOT_ID = "28:"


def _reply_quotes(text: str) -> Iterator[re.Match[str]]:
    """The opening tags of the reply quotes in ``text`` (other blockquotes are formatting)."""
    return (m for m in _BLOCKQUOTE.finditer(text) if _REPLY_TYPE in m.group(1).lower())


def _content_end(lowered: str, opening: re.Match[str]) -> int:
    """Where the quote opened by ``opening`` ends (an unclosed one runs to the end)."""
    end = lowered.find(_END, opening.end())
    return len(lowered) if end < 0 else end


def without_quotes(text: str) -> str:
    """``text`` without its reply quotes (an unclosed quote runs to the end of the text)."""
    parts: list[str] = []
    position = 0
    lowered = text.lower()
    for opening in _reply_quotes(text):
        if opening.start() < position:
            continue  # inside a quote already cut
        parts.append(text[position : opening.start()])
        position = _content_end(lowered, opening) + len(_END)
    parts.append(text[position:])
    return " ".join(parts)


def quoted_colleague_text(text: str) -> str | None:
    """The HTML of the first reply quote's text (without its author line) when it quotes a
    person, not a bot; None otherwise."""
    opening = next(_reply_quotes(text), None)
    if opening is None:
        return None
    content = text[opening.end() : _content_end(text.lower(), opening)]
    author = _AUTHOR.search(content)
    if author is not None:
        identifier = _ITEM_ID.search(author.group(1))
        if identifier is not None and identifier.group(1).startswith(_BOT_ID):
            return None
        content = content[: author.start()] + content[author.end() :]
    return content


def quoted_message_id(text: str, entities: list[Any] | None) -> str | None:
    """The id of the message a reply quotes; None when it quotes none."""
    for entity in entities or ():
        if str(getattr(entity, "type", None) or "").lower() != "quotedreply":
            continue
        # Parsed activities keep the entity's own fields as extra properties of an Entity.
        quoted = (getattr(entity, "additional_properties", None) or {}).get("quotedReply")
        identifier = quoted.get("messageId") if isinstance(quoted, dict) else None
        if isinstance(identifier, str) and identifier:
            return identifier
    opening = next(_reply_quotes(text), None)
    found = _ITEM_ID.search(opening.group(1)) if opening else None
    return found.group(1) if found else None

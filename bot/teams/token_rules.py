"""Token rules botframework-connector 4.17.1 leaves out, checked after its own validation.

botbuilder checks the signing key's endorsements only when the key lists some
(``if key_id and metadata.endorsements``), so a key published without endorsements, or with an
empty list, signs tokens for every channel. PyJWT checks ``exp`` only when the claim is present,
so a token without it never expires. Both rules are enforced here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jwt
from botframework.connector.auth import AuthenticationConstants, JwtTokenExtractor


def channel_metadata_url(configured: str | None) -> str:
    """The OpenID metadata URL botbuilder validates channel tokens against."""
    return configured or AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL


def refusal(
    auth_header: str, claims: Mapping[str, Any], channel_id: str, metadata_url: str
) -> str | None:
    """Why a token botbuilder accepted must still be refused, or None if it may pass."""
    expiry = claims.get("exp")
    if isinstance(expiry, bool) or not isinstance(expiry, int | float):
        return "token without expiry"
    _scheme, _, token = auth_header.partition(" ")
    kid = jwt.get_unverified_header(token).get("kid")
    # botbuilder has just validated the signature with this key, so its metadata (cached
    # class-level per URL) is loaded and fresh; a key found elsewhere (an emulator token) is
    # not in it and is refused.
    metadata = JwtTokenExtractor.metadataCache.get(metadata_url)
    keys: list[Any] = getattr(metadata, "keys", None) or []
    key = next((k for k in keys if isinstance(k, dict) and k.get("kid") == kid), None)
    if key is None:
        return "signing key not published by the channel"
    endorsements = key.get("endorsements")
    if not isinstance(endorsements, list) or channel_id not in endorsements:
        return "signing key not endorsed for the channel"
    return None

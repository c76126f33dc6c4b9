"""A local Bot Framework token issuer (OpenID metadata + JWKS) for authentication tests.

botbuilder fetches the metadata with blocking ``requests`` on the event loop, so the issuer
runs in its own thread (PLATFORM_NOTES) rather than on the test's loop.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

ISSUER = "https://api.botframework.test"
# Further kids under which the issuer publishes its key, with these endorsements (None: the
# JWK has no "endorsements" member at all). botbuilder 4.17 accepts tokens from all of them.
BADLY_ENDORSED_KIDS: dict[str, list[str] | None] = {
    "key-without-endorsements": None,
    "key-with-empty-endorsements": [],
    "key-for-another-channel": ["webchat", "directline"],
}


@dataclass
class LocalIssuer:
    """Signs Bot Framework-style channel tokens with a key it publishes."""

    metadata_url: str
    private_key: rsa.RSAPrivateKey
    kid: str = "test-key"

    def token(self, *, audience: str, service_url: str, **overrides: Any) -> str:
        """A channel-to-bot token; ``overrides`` replace claims (e.g. exp, iss; None drops)."""
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": ISSUER,
            "aud": audience,
            "serviceurl": service_url,
            "iat": now,
            "nbf": now - 10,
            "exp": now + 600,
        }
        claims.update(overrides)
        claims = {name: value for name, value in claims.items() if value is not None}
        return jwt.encode(claims, self.private_key, algorithm="RS256", headers={"kid": self.kid})


@contextmanager
def running_issuer() -> Iterator[LocalIssuer]:
    """Serve OpenID metadata and keys on a loopback port in a background thread."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = json.loads(RSAAlgorithm.to_jwk(key.public_key()))
    jwks = [dict(public, kid="test-key", use="sig", alg="RS256", endorsements=["msteams"])]
    for kid, endorsements in BADLY_ENDORSED_KIDS.items():
        jwk = dict(public, kid=kid, use="sig", alg="RS256")
        if endorsements is not None:
            jwk["endorsements"] = endorsements
        jwks.append(jwk)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path.endswith("openidconfiguration"):
                body: Any = {"issuer": ISSUER, "jwks_uri": f"{base}/keys"}
            elif self.path == "/keys":
                body = {"keys": jwks}
            else:
                self.send_error(404)
                return
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]
    try:
        yield LocalIssuer(
            metadata_url=f"http://127.0.0.1:{port}/v1/.well-known/openidconfiguration",
            private_key=key,
        )
    finally:
        server.shutdown()
        server.server_close()

"""A local stand-in for login.microsoftonline.com: OpenID discovery and the token endpoint.

The bot's real MSAL credentials talk to it. MSAL accepts only https authorities, so it serves
TLS with a self-signed certificate for 127.0.0.1 (``ca_path``, for ``REQUESTS_CA_BUNDLE``),
and MSAL's blocking ``requests`` calls are answered from a thread (like token_issuer.py).
It checks what Entra checks for the client-credentials grant: the client id, the secret or the
certificate-signed client assertion (x5t thumbprint, audience = token endpoint), and issues
signed access tokens for the requested ``/.default`` scope that ``accepts`` verifies.
"""

from __future__ import annotations

import base64
import datetime
import itertools
import json
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import IPv4Address
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

CONNECTOR_AUDIENCE = "https://api.botframework.com"
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


@dataclass(frozen=True)
class Certificate:
    """A key pair with a self-signed X.509 certificate, as PEM files."""

    key: rsa.RSAPrivateKey
    cert: x509.Certificate
    key_path: Path
    cert_path: Path

    @property
    def thumbprint(self) -> str:
        """SHA-1 thumbprint in hex, as Azure shows it (MICROSOFT_APP_CERTIFICATE_THUMBPRINT)."""
        return self.cert.fingerprint(hashes.SHA1()).hex().upper()


def make_certificate(directory: Path, name: str, *, ip: str | None = None) -> Certificate:
    """A fresh RSA key and a certificate for it (with ``ip`` as subject alternative name)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
    )
    if ip:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(IPv4Address(ip))]), critical=False
        )
    cert = builder.sign(key, hashes.SHA256())
    key_path, cert_path = directory / f"{name}.key", directory / f"{name}.pem"
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return Certificate(key, cert, key_path, cert_path)


@dataclass(frozen=True)
class TokenRequest:
    """One request at the token endpoint, as the stand-in judged it."""

    client_id: str
    scope: str
    credential: str  # "secret", "certificate" or "refused: <why>"


@dataclass
class LoginAuthority:
    """The stand-in's state: what it accepts, what was asked, what it issued."""

    url: str  # the authority, with tenant: TO_CHANNEL_FROM_BOT_LOGIN_URL
    ca_path: Path
    app_id: str
    secret: str
    app_certificate: x509.Certificate
    signing_key: rsa.RSAPrivateKey = field(
        default_factory=lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048)
    )
    # Lifetime of the next tokens (one entry per token); 3600 s once the list is used up.
    expires_in_next: list[int] = field(default_factory=list)
    token_requests: list[TokenRequest] = field(default_factory=list)
    issued: list[str] = field(default_factory=list)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def token_endpoint(self) -> str:
        """Where MSAL posts the client-credentials grant."""
        return f"{self.url}/oauth2/v2.0/token"

    def accepts(self, authorization: str | None) -> bool:
        """Whether a Connector request's Authorization header carries a valid token of ours."""
        if not authorization or not authorization.startswith("Bearer "):
            return False
        try:
            claims = jwt.decode(
                authorization.removeprefix("Bearer "),
                self.signing_key.public_key(),
                algorithms=["RS256"],
                audience=CONNECTOR_AUDIENCE,
                issuer=f"{self.url}/v2.0",
            )
        except jwt.InvalidTokenError:
            return False
        return bool(claims.get("appid") == self.app_id)

    def answer_token_request(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        """Status and JSON body for a POST to the token endpoint."""
        client_id, scope = form.get("client_id", ""), form.get("scope", "")
        problem = self._refusal(form)
        if problem:
            self.token_requests.append(TokenRequest(client_id, scope, f"refused: {problem}"))
            return 401, {"error": "invalid_client", "error_description": problem}
        kind = "secret" if "client_secret" in form else "certificate"
        self.token_requests.append(TokenRequest(client_id, scope, kind))
        expires_in = self.expires_in_next.pop(0) if self.expires_in_next else 3600
        now = int(time.time())
        token = jwt.encode(
            {
                "iss": f"{self.url}/v2.0",
                "aud": scope.removesuffix("/.default"),
                "appid": client_id,
                "iat": now,
                "nbf": now,
                "exp": now + expires_in,
                "jti": f"token-{next(self._ids)}",
            },
            self.signing_key,
            algorithm="RS256",
        )
        self.issued.append(token)
        body = {"token_type": "Bearer", "expires_in": expires_in, "access_token": token}
        return 200, body

    def _refusal(self, form: dict[str, str]) -> str:
        if form.get("grant_type") != "client_credentials":
            return "grant_type"
        if form.get("client_id") != self.app_id:
            return "unknown client"
        if "client_secret" in form:
            return "" if form["client_secret"] == self.secret else "wrong secret"
        if form.get("client_assertion_type") != ASSERTION_TYPE:
            return "no credential"
        return self._assertion_refusal(form.get("client_assertion", ""))

    def _assertion_refusal(self, assertion: str) -> str:
        try:
            header = jwt.get_unverified_header(assertion)
            claims = jwt.decode(
                assertion,
                self.app_certificate.public_key(),  # type: ignore[arg-type]
                algorithms=["RS256", "PS256"],
                audience=self.token_endpoint,
                issuer=self.app_id,
            )
        except jwt.InvalidTokenError as error:
            return f"assertion: {error}"
        sha1 = self.app_certificate.fingerprint(hashes.SHA1())
        x5t = str(header.get("x5t") or "")
        # base64url, with or without padding (MSAL sends it padded).
        if base64.urlsafe_b64decode(x5t + "=" * (-len(x5t) % 4)) != sha1:
            return "assertion: x5t is not the registered certificate's thumbprint"
        return "" if claims.get("sub") == self.app_id else "assertion: sub"


@contextmanager
def running_login_authority(
    directory: Path, *, app_id: str, tenant: str, secret: str, app_certificate: x509.Certificate
) -> Iterator[LoginAuthority]:
    """Serve the stand-in over TLS on a loopback port in a background thread."""
    tls = make_certificate(directory, "login-authority", ip="127.0.0.1")
    holder: list[LoginAuthority] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            authority = holder[0]
            if self.path != f"/{tenant}/v2.0/.well-known/openid-configuration":
                self._reply(404, {"error": "not_found"})
                return
            self._reply(
                200,
                {
                    "issuer": f"{authority.url}/v2.0",
                    "authorization_endpoint": f"{authority.url}/oauth2/v2.0/authorize",
                    "token_endpoint": authority.token_endpoint,
                },
            )

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = parse_qs(self.rfile.read(length).decode())
            if self.path != f"/{tenant}/oauth2/v2.0/token":
                self._reply(404, {"error": "not_found"})
                return
            self._reply(*holder[0].answer_token_request({k: v[0] for k, v in raw.items()}))

        def _reply(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tls.cert_path, tls.key_path)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    port = server.server_address[1]
    holder.append(
        LoginAuthority(
            url=f"https://127.0.0.1:{port}/{tenant}",
            ca_path=tls.cert_path,
            app_id=app_id,
            secret=secret,
            app_certificate=app_certificate,
        )
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield holder[0]
    finally:
        server.shutdown()
        server.server_close()

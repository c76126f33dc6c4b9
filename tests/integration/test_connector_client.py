"""The pooled connector client against the Connector stand-in: send, reply, update, retries.

Delays are recorded by an injected sleep instead of being waited for, so the tests can check
that ``Retry-After`` is honoured (and capped) without sleeping.
"""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import aiohttp
import pytest
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    Attachment,
    ChannelAccount,
    ConversationParameters,
)
from botframework.connector.auth import MicrosoftAppCredentials
from botframework.connector.models import ErrorResponseException

from bot.teams.connector import ConnectorError, FastConnectorClient, RecipientUnreachableError
from bot.teams.send_policy import SendPolicy
from tests.support.connector_sink import ConnectorSink

MAX_DELAY_S = 5.0


@pytest.fixture
def delays() -> list[float]:
    return []


@pytest.fixture
def policy(delays: list[float]) -> SendPolicy:
    async def record(seconds: float) -> None:
        delays.append(seconds)

    return SendPolicy(attempts=4, base_delay_s=0.01, max_delay_s=MAX_DELAY_S, sleep=record)


@pytest.fixture
async def client(sink: ConnectorSink, policy: SendPolicy) -> AsyncIterator[FastConnectorClient]:
    async with aiohttp.ClientSession() as session:
        yield FastConnectorClient(MicrosoftAppCredentials.empty(), sink.url, session, policy)


def _card_activity() -> Activity:
    card = {"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "TextBlock", "text": "ä"}]}
    return Activity(
        type=ActivityTypes.message,
        attachments=[
            Attachment(content_type="application/vnd.microsoft.card.adaptive", content=card)
        ],
    )


async def test_reply_send_and_update(client: FastConnectorClient, sink: ConnectorSink) -> None:
    reply = await client.conversations.reply_to_activity("a:conv/1", "42", _card_activity())
    sent = await client.conversations.send_to_conversation("a:conv/1", _card_activity())
    updated = await client.conversations.update_activity("a:conv/1", "sent-1", _card_activity())
    assert (reply.id, sent.id, updated.id) == ("sent-1", "sent-2", "sent-1")
    assert sink.sent[0]["_conversation"] == "a:conv/1" and sink.sent[0]["_reply_to"] == "42"
    assert sink.sent[1]["_reply_to"] is None
    assert sink.cards()[0]["body"][0]["text"] == "ä"
    assert sink.updated[0]["_activity_id"] == "sent-1"


async def test_retry_after_seconds_is_honoured(
    client: FastConnectorClient, sink: ConnectorSink, delays: list[float]
) -> None:
    sink.fail_next.append(429)
    sink.fail_headers = {"Retry-After": "1"}
    response = await client.conversations.send_to_conversation("c", _card_activity())
    assert response.id == "sent-1" and len(sink.sent) == 1
    assert len(sink.requests) == 2 and delays == [1.0]


async def test_retry_after_http_date_is_honoured(
    client: FastConnectorClient, sink: ConnectorSink, delays: list[float]
) -> None:
    sink.fail_next.append(429)
    when = datetime.now(UTC) + timedelta(seconds=3)
    sink.fail_headers = {"Retry-After": format_datetime(when, usegmt=True)}
    await client.conversations.reply_to_activity("c", "1", _card_activity())
    assert len(sink.sent) == 1 and len(sink.requests) == 2
    # The HTTP-date has whole seconds: between 2 and 3 s from now.
    [delay] = delays
    assert 1.5 < delay <= 3.0


async def test_retry_after_is_capped(
    client: FastConnectorClient, sink: ConnectorSink, delays: list[float]
) -> None:
    sink.fail_next.append(503)
    sink.fail_headers = {"Retry-After": "120"}
    await client.conversations.send_to_conversation("c", _card_activity())
    assert delays == [MAX_DELAY_S] and len(sink.sent) == 1


@pytest.mark.parametrize("status", [412, 429, 503])
async def test_not_carried_out_is_retried_with_backoff(
    client: FastConnectorClient, sink: ConnectorSink, delays: list[float], status: int
) -> None:
    sink.fail_next.extend([status, status])
    response = await client.conversations.send_to_conversation("c", _card_activity())
    assert response.id == "sent-1" and len(sink.sent) == 1 and len(sink.requests) == 3
    assert len(delays) == 2 and all(0 <= d <= MAX_DELAY_S for d in delays)


async def test_retries_end_after_the_last_attempt(
    client: FastConnectorClient, sink: ConnectorSink, delays: list[float]
) -> None:
    sink.fail_next.extend([429] * 5)
    with pytest.raises(ConnectorError) as error:
        await client.conversations.send_to_conversation("c", _card_activity())
    assert error.value.status == 429 and not isinstance(error.value, RecipientUnreachableError)
    assert len(sink.requests) == 4 and len(delays) == 3 and sink.sent == []


@pytest.mark.parametrize("status", [502, 504])
@pytest.mark.parametrize("call", ["send", "reply"])
async def test_post_after_gateway_error_is_not_sent_again(
    client: FastConnectorClient, sink: ConnectorSink, status: int, call: str
) -> None:
    # The gateway may have delivered the message: a second POST could duplicate it.
    sink.fail_next.extend([status, status])
    with pytest.raises(ConnectorError) as error:
        if call == "send":
            await client.conversations.send_to_conversation("c", _card_activity())
        else:
            await client.conversations.reply_to_activity("c", "1", _card_activity())
    assert error.value.status == status
    assert [method for method, _ in sink.requests] == ["POST"]


@pytest.mark.parametrize("status", [502, 504])
async def test_update_after_gateway_error_is_retried(
    client: FastConnectorClient, sink: ConnectorSink, status: int
) -> None:
    sink.fail_next.append(status)
    await client.conversations.update_activity("c", "sent-7", _card_activity())
    assert [method for method, _ in sink.requests] == ["PUT", "PUT"]
    assert [u["_activity_id"] for u in sink.updated] == ["sent-7"]


@pytest.mark.parametrize(
    ("status", "code"), [(403, "BotDisabledByAdmin"), (404, "ConversationNotFound")]
)
@pytest.mark.parametrize("call", ["send", "update"])
async def test_unreachable_recipient_raises_at_once(
    client: FastConnectorClient, sink: ConnectorSink, status: int, code: str, call: str
) -> None:
    sink.fail_next.extend([status, status])
    sink.fail_code = code
    with pytest.raises(RecipientUnreachableError) as error:
        if call == "send":
            await client.conversations.send_to_conversation("c", _card_activity())
        else:
            await client.conversations.update_activity("c", "1", _card_activity())
    assert isinstance(error.value, ConnectorError)
    assert (error.value.status, error.value.reason) == (status, code)
    assert len(sink.requests) == 1 and sink.fail_next == [status]


def _parameters() -> ConversationParameters:
    return ConversationParameters(
        is_group=False, bot=ChannelAccount(id="28:bot"), members=[ChannelAccount(id="29:x")]
    )


async def test_msrest_calls_use_the_same_policy(
    client: FastConnectorClient, sink: ConnectorSink, delays: list[float]
) -> None:
    sink.fail_next.append(429)
    sink.fail_headers = {"Retry-After": "2"}
    created = await client.conversations.create_conversation(_parameters())
    assert created.id == "a:personal-29:x" and len(sink.created) == 1 and delays == [2.0]
    # A GET is idempotent: a gateway error is retried.
    sink.members = [{"id": "29:x", "name": "X"}]
    sink.fail_next.append(502)
    member = await client.conversations.get_conversation_member("c", "29:x")
    assert member.name == "X"
    assert [m for m, _ in sink.requests] == ["POST", "POST", "GET", "GET"]


async def test_msrest_post_after_gateway_error_is_not_sent_again(
    client: FastConnectorClient, sink: ConnectorSink
) -> None:
    sink.fail_next.extend([502, 502])
    with pytest.raises(ErrorResponseException):
        await client.conversations.create_conversation(_parameters())
    assert len(sink.requests) == 1 and sink.created == []


async def test_create_conversation_for_unreachable_person(
    client: FastConnectorClient, sink: ConnectorSink
) -> None:
    sink.fail_next.append(403)
    sink.fail_code = "Forbidden"
    with pytest.raises(RecipientUnreachableError) as error:
        await client.conversations.create_conversation(_parameters())
    assert (error.value.status, error.value.reason) == (403, "Forbidden")
    assert len(sink.requests) == 1


async def test_refused_connection_is_retried_then_raised(
    policy: SendPolicy, delays: list[float]
) -> None:
    # Nothing was sent when the connection could not be opened: safe even for a POST.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    async with aiohttp.ClientSession() as session:
        client = FastConnectorClient(
            MicrosoftAppCredentials.empty(), f"http://127.0.0.1:{closed_port}", session, policy
        )
        with pytest.raises(aiohttp.ClientConnectorError):
            await client.conversations.send_to_conversation("c", _card_activity())
    assert len(delays) == 3

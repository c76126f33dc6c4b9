"""The pooled connector client: send, reply, update, and retries on throttling."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest
from botbuilder.schema import Activity, ActivityTypes, Attachment
from botframework.connector.auth import MicrosoftAppCredentials

from bot.teams.connector import ConnectorError, FastConnectorClient
from bot.teams.http_pipeline import pooled_pipeline_type
from tests.support.connector_sink import ConnectorSink


@pytest.fixture
async def client(sink: ConnectorSink) -> AsyncIterator[FastConnectorClient]:
    async with aiohttp.ClientSession() as session:
        yield FastConnectorClient(
            MicrosoftAppCredentials.empty(),
            sink.url,
            session,
            pipeline_type=pooled_pipeline_type(session),
        )


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


async def test_throttling_is_retried(client: FastConnectorClient, sink: ConnectorSink) -> None:
    sink.fail_next.extend([429, 503])
    response = await client.conversations.send_to_conversation("c", _card_activity())
    assert response.id == "sent-1" and len(sink.sent) == 1


async def test_client_errors_are_not_retried(
    client: FastConnectorClient, sink: ConnectorSink
) -> None:
    sink.fail_next.extend([403, 403])
    with pytest.raises(ConnectorError) as error:
        await client.conversations.send_to_conversation("c", _card_activity())
    assert error.value.status == 403 and sink.fail_next == [403]

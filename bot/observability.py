"""Traces and metrics through OpenTelemetry; exported to Application Insights in production.

Azure's maintained distro (`azure-monitor-opentelemetry`) does the exporting: it is switched on
by `APPLICATIONINSIGHTS_CONNECTION_STRING` (set by infra/main.bicep) and also traces the Graph
calls (httpx). Without it every instrument below is OpenTelemetry's no-op, so local runs and
tests pay nothing. Only aggregate counters exist: no per-person figures (see DESIGN, Privacy).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import structlog
from opentelemetry import metrics, trace

log = structlog.get_logger(__name__)
CONNECTION_STRING = "APPLICATIONINSIGHTS_CONNECTION_STRING"
_SCOPE = "assistenz-bot"

# Counter name -> description. Attributes stay coarse (kind of event, never a person).
COUNTERS = {
    "questions.routed": "know-how questions routed to experts",
    "questions.clarifying": "know-how questions asked back ('Geht es um …?') before routing",
    "stammtisch.votes": "Stammtisch votes recorded (changes of vote included)",
    "rooms.booked": "room bookings created through Graph",
    "urgent.requested": "urgent calls asked for (Dringender Termin)",
    "urgent.booked": "urgent calls booked as Teams meetings",
    "messages.undeliverable": "proactive messages the bot could not deliver (yet)",
    "messages.failed": "proactive messages Teams refused with an error",
    "jobs.failed": "scheduled job attempts that failed (retried with backoff)",
}


def configure_telemetry(service_version: str) -> bool:
    """Export to Application Insights when its connection string is set; True if so."""
    if not os.environ.get(CONNECTION_STRING):
        return False
    from azure.monitor.opentelemetry import configure_azure_monitor  # heavy: only when used

    configure_azure_monitor(
        resource_attributes={"service.name": _SCOPE, "service.version": service_version},
        logger_name="bot",  # structlog goes to stdout; only the bot's stdlib logs are sent
    )
    log.info("telemetry_configured", exporter="azure_monitor")
    return True


def count(name: str, amount: int = 1, **attributes: str) -> None:
    """Add to one of the ``COUNTERS`` (a no-op until telemetry is configured)."""
    _counter(name).add(amount, attributes)


_counters: dict[str, Any] = {}


def _counter(name: str) -> Any:
    # Looked up per call, not at import: the meter provider is set by configure_telemetry.
    provider = metrics.get_meter_provider()
    key = f"{id(provider)}:{name}"
    if key not in _counters:
        meter = metrics.get_meter(_SCOPE)
        _counters[key] = meter.create_counter(f"assistenz.{name}", description=COUNTERS[name])
    return _counters[key]


@contextmanager
def span(name: str, **attributes: str) -> Iterator[None]:
    """A trace span (e.g. one turn); request ids travel as attributes, not message texts."""
    with trace.get_tracer(_SCOPE).start_as_current_span(name, attributes=attributes):
        yield

"""Counters are aggregate OpenTelemetry sums (no person in any attribute) and no-ops unless
telemetry is configured."""

from __future__ import annotations

import pytest
from opentelemetry import metrics
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader

from bot import observability


@pytest.fixture(scope="module")
def reader() -> InMemoryMetricReader:
    reader = InMemoryMetricReader()
    # The global provider can be set once per process; tests share this one.
    metrics.set_meter_provider(MeterProvider(metric_readers=[reader]))
    return reader


def _sums(reader: InMemoryMetricReader) -> dict[str, int]:
    data = reader.get_metrics_data()
    assert data is not None
    return {
        metric.name: sum(int(p.value) for p in metric.data.data_points)
        for resource in data.resource_metrics
        for scope in resource.scope_metrics
        for metric in scope.metrics
    }


def test_counts_add_up(reader: InMemoryMetricReader) -> None:
    observability.count("stammtisch.votes")
    observability.count("stammtisch.votes", 2)
    observability.count("jobs.failed", kind="stammtisch.card")
    sums = _sums(reader)
    assert sums["assistenz.stammtisch.votes"] == 3
    assert sums["assistenz.jobs.failed"] == 1


def test_unknown_counter_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        observability.count("per.person.response.time")


def test_without_connection_string_nothing_is_exported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(observability.CONNECTION_STRING, raising=False)
    assert observability.configure_telemetry("test") is False

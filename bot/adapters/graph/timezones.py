"""Graph dateTimeTimeZone values: parse to aware UTC, render back (adapter and simulator)."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Windows zone names Graph uses most in Germany and in our tests; IANA names work as well.
_WINDOWS_ZONES = {
    "w. europe standard time": "Europe/Berlin",
    "central europe standard time": "Europe/Budapest",
    "romance standard time": "Europe/Paris",
    "gmt standard time": "Europe/London",
    "eastern standard time": "America/New_York",
    "pacific standard time": "America/Los_Angeles",
    "coordinated universal time": "UTC",
}


class InvalidTimeZoneError(ValueError):
    """The time zone name is neither UTC, a known Windows name nor an IANA name."""


def zone(name: str | None) -> tzinfo:
    """Resolve a Graph time zone name (UTC, Windows or IANA)."""
    if not name or name.upper() in ("UTC", "GMT", "Z"):
        return UTC
    mapped = _WINDOWS_ZONES.get(name.lower(), name)
    try:
        return ZoneInfo(mapped)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InvalidTimeZoneError(name) from exc


def parse_dtz(value: Any) -> datetime:
    """Parse {"dateTime": ..., "timeZone": ...} to an aware UTC datetime."""
    if not isinstance(value, dict):
        raise ValueError("dateTimeTimeZone expected")
    raw = value.get("dateTime") or value.get("DateTime")
    tz_name = value.get("timeZone") or value.get("TimeZone")
    if not isinstance(raw, str):
        raise ValueError("dateTime missing")
    return parse_instant(raw, zone(tz_name if isinstance(tz_name, str) else None))


def parse_instant(raw: str, default_zone: tzinfo = UTC) -> datetime:
    """Parse an ISO timestamp (up to 7 fractional digits, optional offset/Z) to UTC."""
    text = raw.strip().replace("Z", "+00:00")
    if "." in text:
        head, _, tail = text.partition(".")
        digits = "".join(ch for ch in tail if ch.isdigit())
        text = head + "." + digits[:6].ljust(6, "0") + tail[len(digits) :]
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=default_zone)
    return parsed.astimezone(UTC)


def render_dtz(instant: datetime, tz_name: str = "UTC") -> dict[str, str]:
    """Render an aware datetime as Graph does: local wall time with 7 fractional digits."""
    local = instant.astimezone(zone(tz_name))
    return {"dateTime": local.strftime("%Y-%m-%dT%H:%M:%S.0000000"), "timeZone": tz_name}


def iso_utc(instant: datetime) -> str:
    """Render a UTC timestamp like Graph's createdDateTime."""
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"

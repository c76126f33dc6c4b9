"""Where the call can go: the search windows within business hours, the common free slots of
everyone, who is in the way when there is none, and the answers of the assistants combined."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta

from bot.domain.business_hours import BusinessCalendar
from bot.domain.urgent.model import Ask, Slot, UrgentCall, UrgentError

STEP = timedelta(minutes=15)
MORNING_END = time(12, 0)  # "then tomorrow morning"
Busy = Mapping[str, Sequence[Slot]]
# Answers that free no time: "Leider nicht", and an assistant the bot could not reach.
NO_TIME = frozenset({"no", "unreachable"})


def _next_open_day(hours: BusinessCalendar, after: datetime) -> datetime:
    day = after.astimezone(hours.zone).date() + timedelta(days=1)
    while not hours.is_open_day(day):
        day += timedelta(days=1)
    return datetime.combine(day, hours.day_start, tzinfo=hours.zone)


def _day_span(hours: BusinessCalendar, opens: datetime, until: time | None) -> Slot:
    day = opens.astimezone(hours.zone).date()
    closes = datetime.combine(day, min(until or hours.day_end, hours.day_end), tzinfo=hours.zone)
    return Slot(opens.astimezone(UTC), closes.astimezone(UTC))


def _only_day(hours: BusinessCalendar, day: date, until: time | None, minutes: int) -> tuple[Slot]:
    """The working hours of one named day (in the business hours' zone), up to ``until``."""
    if not hours.is_open_day(day):
        raise UrgentError("closed_day")
    span = _day_span(hours, datetime.combine(day, hours.day_start, tzinfo=hours.zone), until)
    if span.end - span.start < timedelta(minutes=minutes):
        raise UrgentError("past")
    return (span,)


def windows(
    hours: BusinessCalendar,
    now: datetime,
    days_ahead: int,
    until: time | None,
    minutes: int,
    on_day: bool = False,
) -> tuple[tuple[Slot, ...], tuple[Slot, ...]]:
    """(the asked-for windows, the fallback "tomorrow morning" for a plain "heute"), within
    business hours; ``on_day``: only the day ``days_ahead`` calendar days on ("übermorgen").
    Raises "too_long" (longer than a working day), "past" and "closed_day"."""
    day_length = datetime.combine(now.date(), hours.day_end) - datetime.combine(
        now.date(), hours.day_start
    )
    if minutes > day_length.total_seconds() // 60:
        raise UrgentError("too_long", hours=round(day_length.total_seconds() / 3600))
    if minutes < 5:
        raise UrgentError("too_short")
    local = now.astimezone(hours.zone)
    today = local.date()
    if until is not None and days_ahead == 0 and datetime.combine(today, until, hours.zone) <= now:
        raise UrgentError("past")
    if on_day and days_ahead > 0:
        return _only_day(hours, today + timedelta(days=days_ahead), until, minutes), ()
    spans: list[Slot] = []
    if hours.is_open_day(today):
        opens = max(now, datetime.combine(today, hours.day_start, tzinfo=hours.zone))
        spans.append(_day_span(hours, opens, until if days_ahead == 0 else None))
    cursor = now
    for _ in range(days_ahead):
        opens = _next_open_day(hours, cursor)
        spans.append(_day_span(hours, opens, until))
        cursor = opens
    asked = tuple(s for s in spans if s.end - s.start >= timedelta(minutes=minutes))
    morning = _day_span(hours, _next_open_day(hours, now), MORNING_END)
    if days_ahead == 0 and until is None:
        return (asked or (morning,)), (morning,) if asked else ()
    if not asked:
        raise UrgentError("past")
    return asked, ()


def _ceil(instant: datetime) -> datetime:
    base = instant.astimezone(UTC).replace(second=0, microsecond=0)
    if base < instant:
        base += timedelta(minutes=1)
    return base + timedelta(minutes=(-base.minute) % 15)


def _free(busy: Sequence[Slot], start: datetime, end: datetime) -> bool:
    return not any(b.start < end and start < b.end for b in busy)


def common_slots(
    busy: Busy, spans: Sequence[Slot], duration: timedelta, limit: int = 3
) -> list[Slot]:
    """The earliest ``limit`` slots on the quarter hour in which nobody is busy."""
    found: list[Slot] = []
    for span in spans:
        start = _ceil(span.start)
        while start + duration <= span.end and len(found) < limit:
            if all(_free(slots, start, start + duration) for slots in busy.values()):
                found.append(Slot(start, start + duration))
                start += duration  # the next offer does not overlap this one
                continue
            start += STEP
    return found


def in_the_way(busy: Busy, spans: Sequence[Slot], duration: timedelta) -> tuple[list[str], Slot]:
    """Whose time must be freed, and in which span the others are free.

    When freeing one person is enough, the one whose absence gives the earliest slot;
    else everyone busy in the first window (the whole window is asked for)."""
    best: tuple[datetime, str, Slot] | None = None
    for key in busy:
        others = {k: v for k, v in busy.items() if k != key}
        for span in _free_spans(others, spans, duration):
            if best is None or span.start < best[0]:
                best = (span.start, key, span)
            break
    if best is not None:
        return [best[1]], best[2]
    first = spans[0]
    blocked = [k for k, slots in busy.items() if not _free(slots, first.start, first.end)]
    return blocked, first


def _free_spans(busy: Busy, spans: Sequence[Slot], duration: timedelta) -> list[Slot]:
    """Stretches within ``spans`` in which nobody in ``busy`` is busy, at least ``duration``."""
    result = []
    for span in spans:
        cuts = sorted(
            (max(b.start, span.start), min(b.end, span.end))
            for slots in busy.values()
            for b in slots
            if b.start < span.end and span.start < b.end
        )
        cursor = span.start
        for start, end in [*cuts, (span.end, span.end)]:
            if start - cursor >= duration:
                result.append(Slot(cursor, start))
            cursor = max(cursor, end)
    return result


def start_choices(
    call: UrgentCall, now: datetime | None = None, limit: int = 32
) -> list[datetime]:
    """The times an assistant may answer "Ja, ab …" with (within the asked span; from the
    next quarter hour after ``now`` when given: a card read late offers no past times)."""
    window = call.ask_window or call.window
    choices: list[datetime] = []
    start = _ceil(max(window.start, now) if now is not None else window.start)
    while start + call.duration <= window.end and len(choices) < limit:
        choices.append(start)
        start += STEP
    return choices


def first_yes(asks: Sequence[Ask], for_key: str) -> Ask | None:
    """The first "Ja" for a blocked person (answers in the order they came)."""
    yes = [a for a in asks if a.for_key == for_key and a.answer == "yes" and a.answered_at]
    return min(yes, key=lambda a: a.answered_at or datetime.max.replace(tzinfo=UTC), default=None)


def refused(call: UrgentCall, for_key: str) -> bool:
    """Every assistant asked for this blocked person said "Leider nicht" or could not be
    reached (one without an assistant is ``call.unassisted``, shown on its own)."""
    asks = [a for a in call.asks if a.for_key == for_key]
    return bool(asks) and all(a.answer in NO_TIME for a in asks)


def proposal(call: UrgentCall, now: datetime) -> Slot | None:
    """The slot the first workable answers make possible: every blocked person freed, from
    the latest of their "ab" times, never before ``now`` (the next quarter hour: an answer
    read late must not propose a slot that has begun); None while a "Ja" is missing for
    anyone blocked (also one nobody can be asked for) or it does not fit."""
    if not call.blocked:
        return None
    starts = []
    for key in call.blocked:
        ask = first_yes(call.asks, key)
        if ask is None or ask.free_from is None:
            return None
        starts.append(ask.free_from)
    window = call.ask_window or call.window
    start = max([*starts, _ceil(window.start), _ceil(now)])
    return Slot(start, start + call.duration) if start + call.duration <= window.end else None


def options(call: UrgentCall, now: datetime) -> list[Slot]:
    """Every slot the asker may book now: the assistants' proposal and the offers that have
    not begun."""
    found = proposal(call, now)
    return [*([found] if found else []), *(s for s in call.slots if s.start >= now)]

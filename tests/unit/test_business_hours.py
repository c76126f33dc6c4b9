"""Business-hours arithmetic: holidays per state, nights, weekends, DST and out-of-office."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.business_hours import BusinessCalendar

BERLIN = ZoneInfo("Europe/Berlin")
NW = BusinessCalendar(state="NW")
HH = BusinessCalendar(state="HH")
H = timedelta(hours=1)


def b(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    """A Berlin wall-clock instant."""
    return datetime(y, mo, d, h, mi, tzinfo=BERLIN)


def u(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    """A UTC instant."""
    return datetime(y, mo, d, h, mi, tzinfo=UTC)


def test_the_dates_used_below_are_what_the_holidays_package_says() -> None:
    nw, hh = (holidays.country_holidays("DE", subdiv=s) for s in ("NW", "HH"))
    assert date(2026, 6, 4) in nw and date(2026, 6, 4) not in hh  # Fronleichnam, Thursday
    assert date(2027, 11, 1) in nw and date(2027, 11, 1) not in hh  # Allerheiligen, Monday
    assert date(2025, 10, 31) in hh and date(2025, 10, 31) not in nw  # Reformationstag, Friday
    assert {date(2026, 4, 3), date(2026, 4, 6), date(2026, 12, 25)} <= set(nw) & set(hh)
    assert date(2026, 12, 24) not in nw and date(2026, 12, 31) not in nw
    assert date(2026, 6, 4).weekday() == 3 and date(2027, 11, 1).weekday() == 0


ADD_CASES = [
    # (id, calendar, start, delta, expected)
    ("within a day", NW, b(2026, 6, 2, 9), 2 * H, b(2026, 6, 2, 11)),
    ("until exactly closing", NW, b(2026, 6, 2, 9), 8 * H, b(2026, 6, 2, 17)),
    ("evening into morning", NW, b(2026, 6, 2, 16), 2 * H, b(2026, 6, 3, 9)),
    ("friday to monday", NW, b(2026, 6, 12, 15), 4 * H, b(2026, 6, 15, 10)),
    ("fronleichnam NW", NW, b(2026, 6, 3, 16), 2 * H, b(2026, 6, 5, 9)),
    ("fronleichnam not HH", HH, b(2026, 6, 3, 16), 2 * H, b(2026, 6, 4, 9)),
    ("allerheiligen NW", NW, b(2027, 10, 29, 16), 2 * H, b(2027, 11, 2, 9)),
    ("allerheiligen not HH", HH, b(2027, 10, 29, 16), 2 * H, b(2027, 11, 1, 9)),
    ("reformationstag HH", HH, b(2025, 10, 30, 16), 2 * H, b(2025, 11, 3, 9)),
    ("reformationstag not NW", NW, b(2025, 10, 30, 16), 2 * H, b(2025, 10, 31, 9)),
    ("easter", NW, b(2026, 4, 2, 16), 2 * H, b(2026, 4, 7, 9)),
    ("christmas eve is a workday", NW, b(2026, 12, 24, 16), 2 * H, b(2026, 12, 28, 9)),
    ("night", NW, b(2026, 6, 2, 22), H, b(2026, 6, 3, 9)),
    ("early morning", NW, b(2026, 6, 3, 5), H, b(2026, 6, 3, 9)),
    ("saturday", NW, b(2026, 6, 6, 12), H, b(2026, 6, 8, 9)),
    ("closing time counts as closed", NW, b(2026, 6, 2, 17), H, b(2026, 6, 3, 9)),
    ("zero delta in hours", NW, b(2026, 6, 2, 10, 15), timedelta(0), b(2026, 6, 2, 10, 15)),
    ("zero delta at night", NW, b(2026, 6, 2, 22), timedelta(0), b(2026, 6, 3, 8)),
    ("zero delta at closing", NW, b(2026, 6, 5, 17), timedelta(0), b(2026, 6, 8, 8)),
    ("spring DST weekend", NW, b(2026, 3, 27, 16), 2 * H, u(2026, 3, 30, 7)),
    ("spring DST, 2 full days", NW, b(2026, 3, 27, 8), 18 * H, u(2026, 3, 30, 15)),
    ("autumn DST weekend", NW, b(2026, 10, 23, 16), 2 * H, u(2026, 10, 26, 8)),
    ("autumn DST, 2 full days", NW, b(2026, 10, 23, 8), 18 * H, u(2026, 10, 26, 16)),
    ("three weeks with holiday", NW, b(2026, 6, 1, 8), 15 * 9 * H, b(2026, 6, 22, 17)),
    ("over new year", NW, b(2026, 12, 21, 8), 10 * 9 * H, u(2027, 1, 5, 16)),
    ("start given in UTC", NW, u(2026, 6, 2, 6), H, b(2026, 6, 2, 9)),
]


@pytest.mark.parametrize(
    ("cal", "start", "delta", "expected"),
    [case[1:] for case in ADD_CASES],
    ids=[case[0] for case in ADD_CASES],
)
def test_add_business_time(
    cal: BusinessCalendar, start: datetime, delta: timedelta, expected: datetime
) -> None:
    result = cal.add_business_time(start, delta)
    assert result == expected
    assert result.tzinfo is UTC


def test_extra_closed_days_skip_christmas_eve() -> None:
    cal = BusinessCalendar(extra_closed_days=frozenset({date(2026, 12, 24), date(2026, 12, 31)}))
    assert cal.add_business_time(b(2026, 12, 23, 16), 2 * H) == b(2026, 12, 28, 9)
    assert cal.add_business_time(b(2026, 12, 30, 16), 2 * H) == b(2027, 1, 4, 9)


def test_custom_opening_hours() -> None:
    cal = BusinessCalendar(day_start=time(9, 30), day_end=time(12, 0))
    assert cal.add_business_time(b(2026, 6, 2, 11), 2 * H) == b(2026, 6, 3, 10, 30)


OOO_CASES = [
    # (id, start, delta, unavailable, expected)
    ("part of the window", b(2026, 6, 2, 9), 2 * H, [(b(2026, 6, 2, 10), b(2026, 6, 2, 10, 30))],
     b(2026, 6, 2, 11, 30)),
    ("already absent at start", b(2026, 6, 2, 9), 2 * H, [(b(2026, 6, 1), b(2026, 6, 2, 12))],
     b(2026, 6, 2, 14)),
    ("whole window, several days", b(2026, 6, 8, 9), 2 * H,
     [(b(2026, 6, 8, 8), b(2026, 6, 10, 12))], b(2026, 6, 10, 14)),
    ("ends at night", b(2026, 6, 2, 16), 2 * H, [(b(2026, 6, 2, 16, 30), b(2026, 6, 2, 23))],
     b(2026, 6, 3, 9, 30)),
    ("overlapping and unsorted", b(2026, 6, 2, 9), 2 * H,
     [(u(2026, 6, 2, 8), u(2026, 6, 2, 9)), (b(2026, 6, 2, 9), b(2026, 6, 2, 10, 30))],
     b(2026, 6, 2, 13)),
    ("nested", b(2026, 6, 2, 9), 2 * H,
     [(b(2026, 6, 2, 9), b(2026, 6, 2, 12)), (b(2026, 6, 2, 10), b(2026, 6, 2, 11))],
     b(2026, 6, 2, 14)),
    ("before start is ignored", b(2026, 6, 2, 9), 2 * H, [(b(2026, 5, 1), b(2026, 6, 2, 9))],
     b(2026, 6, 2, 11)),
    ("after deadline is ignored", b(2026, 6, 2, 9), 2 * H, [(b(2026, 6, 2, 11), b(2026, 6, 3))],
     b(2026, 6, 2, 11)),
    ("two-week holiday", b(2026, 7, 3, 16), 2 * H, [(b(2026, 7, 3, 17), b(2026, 7, 20))],
     b(2026, 7, 20, 9)),
    ("zero delta waits for return", b(2026, 6, 2, 9), timedelta(0),
     [(b(2026, 6, 2, 8), b(2026, 6, 2, 13))], b(2026, 6, 2, 13)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("start", "delta", "unavailable", "expected"),
    [case[1:] for case in OOO_CASES],
    ids=[case[0] for case in OOO_CASES],
)
def test_out_of_office_pushes_the_deadline(
    start: datetime,
    delta: timedelta,
    unavailable: list[tuple[datetime, datetime]],
    expected: datetime,
) -> None:
    assert NW.add_business_time(start, delta, unavailable=unavailable) == expected


@pytest.mark.parametrize(
    ("cal", "when", "expected"),
    [
        (NW, b(2026, 6, 2, 8), True),
        (NW, b(2026, 6, 2, 7, 59), False),
        (NW, b(2026, 6, 2, 16, 59), True),
        (NW, b(2026, 6, 2, 17), False),
        (NW, u(2026, 6, 2, 6), True),  # 08:00 CEST
        (NW, u(2026, 1, 6, 7), True),  # 08:00 CET; Epiphany is not a holiday in NW
        (BusinessCalendar(state="BY"), u(2026, 1, 6, 7), False),
        (NW, b(2026, 6, 6, 10), False),
        (NW, b(2026, 6, 4, 10), False),
        (HH, b(2026, 6, 4, 10), True),
        (NW, b(2026, 12, 24, 10), True),
    ],
)
def test_is_business_time(cal: BusinessCalendar, when: datetime, expected: bool) -> None:
    assert cal.is_business_time(when) is expected


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (b(2026, 6, 2, 10), b(2026, 6, 2, 10)),
        (b(2026, 6, 5, 17), b(2026, 6, 8, 8)),
        (b(2026, 6, 3, 20), b(2026, 6, 5, 8)),
        (b(2026, 3, 28, 12), u(2026, 3, 30, 6)),
    ],
)
def test_next_business_start(when: datetime, expected: datetime) -> None:
    assert NW.next_business_start(when) == expected


def test_next_business_start_honours_unavailable() -> None:
    absent = [(b(2026, 6, 2, 7), b(2026, 6, 2, 9))]
    assert NW.next_business_start(b(2026, 6, 2, 8), unavailable=absent) == b(2026, 6, 2, 9)


NAIVE = datetime(2026, 6, 2, 9)


@pytest.mark.parametrize(
    "call",
    [
        lambda: NW.add_business_time(NAIVE, H),
        lambda: NW.is_business_time(NAIVE),
        lambda: NW.next_business_start(NAIVE),
        lambda: NW.add_business_time(b(2026, 6, 2, 9), H, unavailable=[(NAIVE, b(2026, 6, 3))]),
    ],
    ids=["add", "is_business_time", "next_business_start", "unavailable"],
)
def test_naive_datetimes_are_rejected(call: Callable[[], object]) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        call()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"state": "XX"}, "unknown German state 'XX'.*NW"),
        ({"time_zone": "Mars/Olympus"}, "unknown time zone"),
        ({"day_start": time(17), "day_end": time(8)}, "day_end"),
        ({"day_start": time(9), "day_end": time(9)}, "day_end"),
    ],
)
def test_invalid_configuration(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        BusinessCalendar(**kwargs)  # type: ignore[arg-type]


def test_invalid_arguments() -> None:
    with pytest.raises(ValueError, match="negative"):
        NW.add_business_time(b(2026, 6, 2, 9), -H)
    with pytest.raises(ValueError, match="ends before it starts"):
        NW.add_business_time(b(2026, 6, 2, 9), H, unavailable=[(b(2026, 6, 3), b(2026, 6, 2))])


CALENDARS = [NW, HH, BusinessCalendar(state="BY", day_start=time(7, 30), day_end=time(15, 45))]
starts = st.datetimes(datetime(2025, 1, 1), datetime(2028, 12, 31), timezones=st.just(UTC))
deltas = st.timedeltas(timedelta(0), timedelta(days=20)).map(
    lambda d: timedelta(minutes=d // timedelta(minutes=1))
)
absences = st.lists(
    st.tuples(starts, st.timedeltas(timedelta(0), timedelta(days=10))).map(
        lambda p: (p[0], p[0] + p[1])
    ),
    max_size=4,
)


@settings(deadline=None, max_examples=300)
@given(st.sampled_from(CALENDARS), starts, deltas, deltas, absences)
def test_properties(
    cal: BusinessCalendar,
    start: datetime,
    d1: timedelta,
    d2: timedelta,
    unavailable: list[tuple[datetime, datetime]],
) -> None:
    lo, hi = sorted((d1, d2))
    r_lo = cal.add_business_time(start, lo)
    r_hi = cal.add_business_time(start, hi)
    assert start <= r_lo <= r_hi
    if hi > timedelta(0):
        local = r_hi.astimezone(BERLIN)
        assert cal.is_business_time(r_hi) or local.timetz().replace(tzinfo=None) == cal.day_end
        if hi > lo:
            # Splitting a wait in two gives the same deadline as waiting all at once.
            assert cal.add_business_time(r_lo, hi - lo) == r_hi
    r = cal.add_business_time(start, hi, unavailable=unavailable)
    assert r >= r_hi
    assert not any(begin < r < end for begin, end in unavailable)

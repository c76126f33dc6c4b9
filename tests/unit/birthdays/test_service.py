"""Birthdays over fakes: opt-ins, visibility, the daily planning, reminders and greetings."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.domain.birthdays.model import BirthdayError, Visibility
from bot.domain.birthdays.planning import plan_reminders
from bot.domain.birthdays.service import DAILY_JOB, GREET_JOB, REMIND_JOB
from bot.domain.ports import Job
from tests.unit.birthdays.world import JANA, MELANIE, SABINE, build

LEASE = timedelta(minutes=5)
ALL = {JANA[0], MELANIE[0], SABINE[0]}


async def _due(jobs: object, now: datetime) -> list[Job]:
    return list(await jobs.claim_due(now, 100, LEASE))  # type: ignore[attr-defined]


async def test_an_impossible_date_stores_nothing() -> None:
    service, *_ = build()
    with pytest.raises(BirthdayError) as refused:
        await service.set_birthday(*JANA, None, 31, 2)
    assert refused.value.code == "invalid_date"
    assert await service.repo.get(JANA[0]) is None
    stored = await service.set_birthday(*JANA, "t1", 29, 2)
    assert stored.birthday is not None and stored.visibility is Visibility.FOLLOWERS


async def test_who_learns_a_birthday_is_the_persons_choice() -> None:
    service, *_ = build()
    await service.set_birthday(*JANA, "t1", 28, 2)  # followers only (the default)
    await service.set_remind_network(*SABINE, "t1", True)  # wants the network's birthdays
    await service.follow(MELANIE[0], "t1", JANA[0])
    await service.follow(MELANIE[0], "t1", SABINE[0])  # Sabine shares nothing: no reminder
    profiles = await service.repo.profiles()
    followers = {p.user_key: await service.repo.followers(p.user_key) for p in profiles}
    today = date(2027, 2, 27)
    planned = plan_reminders(today, profiles, followers, {}, 1, in_network=ALL)
    assert [(p.to, p.person, p.ahead) for p in planned] == [(MELANIE[0], JANA[0], 1)]
    await service.set_visibility(*JANA, "t1", Visibility.NETWORK)
    planned = plan_reminders(
        today, await service.repo.profiles(), followers, {}, 1, in_network=ALL
    )
    assert sorted(p.to for p in planned) == sorted([MELANIE[0], SABINE[0]])
    # Jubilees reach only followers, and only after the opt-in.
    hired = {JANA[0]: date(2017, 3, 6)}
    assert [
        p.occasion for p in plan_reminders(today, profiles, followers, hired, 1, in_network=ALL)
    ] == ["birthday"]
    await service.set_jubilee(*JANA, "t1", True)
    planned = plan_reminders(
        today, await service.repo.profiles(), followers, hired, 1, in_network=ALL
    )
    jubilees = [(p.to, p.years) for p in planned if p.occasion == "jubilee"]
    assert jubilees == [(MELANIE[0], 10)]


async def test_following_is_checked_on_the_server() -> None:
    service, *_ = build()
    for forged, code in (("not-a-colleague", "unknown_person"), (JANA[0], "self")):
        with pytest.raises(BirthdayError) as refused:
            await service.follow(JANA[0], None, forged)
        assert refused.value.code == code
    assert await service.following(JANA[0]) == []


async def test_the_daily_run_reminds_once_before_and_on_the_day_in_each_language() -> None:
    service, delivery, notifier, jobs, clock = build(datetime(2027, 2, 27, 6, 0, tzinfo=UTC))
    await service.set_birthday(*SABINE, "t1", 29, 2)  # 28.02. in 2027
    await service.set_visibility(*SABINE, "t1", Visibility.NETWORK)
    await service.follow(JANA[0], "t1", SABINE[0])
    await service.set_remind_network(*MELANIE, "t1", True)
    await service.plan()
    await service.plan()  # a second replica
    [daily] = await _due(jobs, clock.now() + timedelta(hours=1, minutes=1))
    assert daily.kind == DAILY_JOB
    assert await service.run_daily() == 2
    assert await service.run_daily() == 2  # run twice: the same two jobs, no more
    reminders = [j for j in await _due(jobs, clock.now()) if j.kind == REMIND_JOB]
    assert sorted(j.payload["to"] for j in reminders) == sorted([JANA[0], MELANIE[0]])
    for job in reminders:
        assert await delivery.remind(job.payload)
        await jobs.complete(job.id, clock.now())
    cards = {to: json.dumps(card, ensure_ascii=False) for to, card in notifier.directs}
    assert "Sabine Krüger's birthday is on 28 Feb" in cards[JANA[0]]  # Jana reads English
    assert "Sabine Krüger hat am 28.2. Geburtstag" in cards[MELANIE[0]]
    assert "birthdays.congratulate" not in cards[MELANIE[0]]  # the day before: a chat link
    clock.advance(timedelta(days=1))
    await service.run_daily()
    today = [j for j in await _due(jobs, clock.now()) if j.kind == REMIND_JOB]
    assert {j.payload["ahead"] for j in today} == {0} and len(today) == 2
    for job in today:
        assert await delivery.remind(job.payload)
    on_the_day = json.dumps(
        [card for to, card in notifier.directs if to == MELANIE[0]][-1], ensure_ascii=False
    )
    assert "birthdays.congratulate" in on_the_day and "Heute hat Sabine Krüger" in on_the_day


async def test_a_withdrawn_consent_stops_a_planned_reminder() -> None:
    service, delivery, notifier, jobs, clock = build(datetime(2027, 3, 13, 9, 0, tzinfo=UTC))
    await service.set_birthday(*SABINE, "t1", 14, 3)
    await service.follow(JANA[0], "t1", SABINE[0])
    await service.run_daily()
    [job] = [j for j in await _due(jobs, clock.now()) if j.kind == REMIND_JOB]
    await service.delete_birthday(SABINE[0])
    assert not await delivery.remind(job.payload) and notifier.directs == []


async def test_congratulating_posts_once_and_refuses_stale_or_forged_cards() -> None:
    service, delivery, notifier, jobs, clock = build(datetime(2027, 3, 14, 9, 0, tzinfo=UTC))
    await service.set_birthday(*SABINE, "t1", 14, 3)
    day = date(2027, 3, 14)
    with pytest.raises(BirthdayError, match="not_shared"):  # followers only: no channel post
        await delivery.congratulate(*JANA, SABINE[0], day)
    await service.set_visibility(*SABINE, "t1", Visibility.NETWORK)
    for forged in (date(2027, 3, 15), date(2026, 3, 14), date(2027, 3, 13)):
        with pytest.raises(BirthdayError, match="stale"):
            await delivery.congratulate(*JANA, SABINE[0], forged)
    assert await delivery.congratulate(*JANA, SABINE[0], day)
    assert not await delivery.congratulate(*JANA, SABINE[0], day)
    [job] = await _due(jobs, clock.now())
    await delivery.greet(job.payload)
    [(_place, card)] = notifier.posts
    assert "Jana Becker gratuliert Sabine Krüger zum Geburtstag" in json.dumps(
        card, ensure_ascii=False
    )
    clock.advance(timedelta(days=3))
    with pytest.raises(BirthdayError, match="stale"):
        await delivery.congratulate(*MELANIE, SABINE[0], day)


async def test_a_daily_run_that_fails_has_planned_tomorrows_already() -> None:
    service, _delivery, _notifier, jobs, clock = build(datetime(2027, 2, 27, 6, 0, tzinfo=UTC))

    async def broken() -> list[object]:
        raise ConnectionError("database gone")

    service.repo.profiles = broken  # type: ignore[method-assign]
    with pytest.raises(ConnectionError):
        await service.run_daily()
    # Even if today's run gives up after all its attempts, tomorrow's run is planned.
    [tomorrow] = await _due(jobs, clock.now() + timedelta(days=1, hours=2))
    assert tomorrow.kind == DAILY_JOB and tomorrow.due_at.date().isoformat() == "2027-02-28"


async def test_a_missing_hire_date_is_told_apart_from_a_directory_that_cannot_answer() -> None:
    service, *_ = build()
    assert not await service.hire_date_missing(JANA[0])  # hired 13.12.2016
    assert await service.hire_date_missing("f38180ae-1428-558d-b7ec-fb33fc42d9f1")  # Kerstin
    assert await service.hire_date_missing("gone-from-the-directory")

    async def unreachable(user_id_or_mail: str) -> None:
        raise TimeoutError("graph")

    service.directory.get_person = unreachable  # type: ignore[method-assign, assignment]
    assert not await service.hire_date_missing(JANA[0])  # no answer is not "none known"


async def test_who_left_the_teams_is_not_announced_until_back() -> None:
    """Sabine left every team with the app: the daily run plans nothing about her, a reminder
    planned before she left sends nothing, "Gratulieren" is refused and an accepted greeting
    is not posted. Her opt-ins and Jana's follow stay: back in a team, she counts again."""
    service, delivery, notifier, jobs, clock = build(datetime(2027, 3, 14, 6, 0, tzinfo=UTC))
    await service.set_birthday(*SABINE, "t1", 14, 3)
    await service.set_visibility(*SABINE, "t1", Visibility.NETWORK)
    await service.follow(JANA[0], "t1", SABINE[0])
    await service.set_remind_network(*MELANIE, "t1", True)
    day = date(2027, 3, 14)
    assert await delivery.congratulate(*MELANIE, SABINE[0], day)  # accepted, not yet posted
    assert await service.run_daily() == 2
    due = await _due(jobs, clock.now())
    planned = [j for j in due if j.kind == REMIND_JOB]
    [greeting] = [j for j in due if j.kind == GREET_JOB]
    roster = service.colleagues.people  # type: ignore[attr-defined]
    sabine = next(p for p in roster if p.key == SABINE[0])
    roster.remove(sabine)  # membersRemoved: she left the last team with the app

    assert not await service.in_network(SABINE[0])
    for job in planned:
        assert not await delivery.remind(job.payload)
    await delivery.greet(greeting.payload)
    assert notifier.directs == [] and notifier.posts == []
    with pytest.raises(BirthdayError, match="left"):
        await delivery.congratulate(*JANA, SABINE[0], day)
    assert await service.run_daily() == 0
    assert [f.followed_key for f in await service.following(JANA[0])] == [SABINE[0]]

    roster.append(sabine)  # back in a team the same day
    assert await service.run_daily() == 2
    for job in planned:
        assert await delivery.remind(job.payload)
    assert sorted(to for to, _card in notifier.directs) == sorted([JANA[0], MELANIE[0]])

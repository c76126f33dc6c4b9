"""Stammtisch benchmark: 100 members vote at once; shared-card updates against a per-vote baseline.

Starts (each in its own process, loopback only) the recording connector sink
(``bench.stammtisch_sink``) and two instances of our bot (``assistenz-bot serve``, each on a
fresh SQLite database, ``MODE=local``):

- ``ours``: the shipped default, the shared poll card is updated by one job per
  ``STAMMTISCH_CARD_UPDATE_SECONDS`` interval (2 s);
- ``baseline``: the same bot with ``STAMMTISCH_CARD_UPDATE_SECONDS=0.001``, about what a bot does
  that updates the shared card after every vote.

Per run and bot: an organiser posts "@bot stammtisch neu" in a fresh team channel; the poll card
arrives at the sink (poll id and date ids are read from it). Then ``--voters`` distinct members
send their ``stammtisch.vote`` invokes (``adaptiveCard/action``; the whole ballot in one invoke,
as cards posted before the one-click buttons still send it), ``--changes`` of them change
their vote afterwards, with ``--concurrency`` invokes in flight. Checked: every invoke answered
200 with the voter's own view ("Ihre Stimme ist gespeichert", their answers marked); the
shared card ends with the exact tally of every date and the number of voters; at most one update
per interval. Measured: votes/s, invoke latency p50/p99, shared-card updates (PUTs) the sink got
and their peak per second, and the time from the last vote's answer to the arrival of the first
shared card that shows the final tally (includes up to ~1 s of job-runner polling).

Prints a table and, last, one JSON line (medians over ``--runs``). Exit status: 0 all checks
passed, 2 a check failed or a process did not start, 130 interrupted.

    python -m bench.stammtisch_votes [--voters 100] [--changes 25] [--concurrency 50] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TextIO

import aiohttp

from bench.load import (
    EXIT_FAILED,
    EXIT_OK,
    HOST,
    REPO_ROOT,
    BenchError,
    Child,
    Processes,
    _assistenz_bot,
    _child_env,
    _on_sigterm,
    free_port,
    http_get_json,
    wait_until,
)
from bench.loadgen import percentile
from tests.support import activities

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
ANSWERS = ("ja", "vielleicht", "nein")
VOTED = "Ihre Stimme ist gespeichert"
COUNTS = re.compile(r"Ja (\d+) · Vielleicht (\d+) · Nein (\d+)")
VOTERS_LINE = re.compile(r"Bisher (\d+) Stimmen?\.|Bisher eine Stimme\.")
INTERVAL_ENV = "STAMMTISCH_CARD_UPDATE_SECONDS"
DEFAULT_INTERVAL = 2.0  # bot.settings.Settings.stammtisch_card_update_seconds
RUNNER_POLL_S = 1.0  # bot.jobs.JobRunner poll_interval
TEAMS_UPDATE_LIMIT_PER_S = 7


# --------------------------------------------------------------------------- setup


@dataclass
class Bot:
    """One bot under test and its card-update interval."""

    name: str
    child: Child
    url: str
    service_url: str
    interval: float


def start_bot(
    procs: Processes, workdir: Path, name: str, interval: float | None, sink_url: str
) -> Bot:
    """Migrate a fresh SQLite database and start ``assistenz-bot serve`` on it (not waited for).

    ``interval`` None leaves ``STAMMTISCH_CARD_UPDATE_SECONDS`` unset: the bot's default.
    """
    home = workdir / name
    home.mkdir()
    extra = {
        "DATABASE_URL": f"sqlite+aiosqlite:///{home / 'bench.db'}",
        "MODE": "local",
        "LOG_LEVEL": "WARNING",
        "MICROSOFT_APP_ID": "",
        "MICROSOFT_APP_TENANT_ID": "",
        # Graph jobs (the room catalogue) fail fast on loopback instead of reaching out.
        "GRAPH_BASE_URL": f"{sink_url}/graph/v1.0",
    }
    if interval is not None:
        extra[INTERVAL_ENV] = str(interval)
    env = _child_env(extra)
    if interval is None:
        env.pop(INTERVAL_ENV, None)
    bot_cli = _assistenz_bot()
    migrate = subprocess.run(
        [bot_cli, "migrate"], cwd=home, env=env, capture_output=True, check=False
    )
    if migrate.returncode != 0:
        raise BenchError(f"assistenz-bot migrate failed:\n{migrate.stderr.decode()[-2000:]}")
    port = free_port()
    argv = [bot_cli, "serve", "--host", HOST, "--port", str(port)]
    child = procs.start(name, argv, env=env, cwd=home)  # cwd: no stray .env from the checkout
    return Bot(
        name=name,
        child=child,
        url=f"http://{HOST}:{port}",
        service_url=f"{sink_url}/{name}/",
        interval=DEFAULT_INTERVAL if interval is None else interval,
    )


def _healthy(url: str) -> bool:
    return bool(http_get_json(f"{url}/healthz")["status"] == "ok")


@contextlib.contextmanager
def environment(
    args: argparse.Namespace,
) -> Iterator[tuple[list[Bot], str]]:
    """Start the sink and both bots; stop everything (and remove the temp dir) afterwards."""
    workdir = Path(tempfile.mkdtemp(prefix="assistenz-bench-stammtisch-"))
    procs = Processes(workdir)
    try:
        sink_port = free_port()
        sink_url = f"http://{HOST}:{sink_port}"
        sink = procs.start(
            "sink",
            [sys.executable, "-m", "bench.stammtisch_sink", "--port", str(sink_port)],
            env=_child_env({}),
            cwd=REPO_ROOT,
        )
        wait_until(lambda: http_get_json(f"{sink_url}/stats") is not None, sink, "sink")
        bots = [
            start_bot(procs, workdir, "ours", args.interval, sink_url),
            start_bot(procs, workdir, "baseline", args.baseline_interval, sink_url),
        ]
        for bot in bots:
            wait_until(partial(_healthy, bot.url), bot.child, f"bot {bot.name}")
        yield bots, sink_url
    finally:
        procs.stop_all()
        if args.keep_tmp:
            print(f"logs and databases kept in {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


# --------------------------------------------------------------------------- cards


def card_of(activity: Any) -> dict[str, Any] | None:
    """The Adaptive Card an activity (or an invoke response) carries, if any."""
    if not isinstance(activity, dict):
        return None
    if activity.get("type") == ADAPTIVE_CARD and isinstance(activity.get("value"), dict):
        value: dict[str, Any] = activity["value"]  # invoke response {statusCode, type, value}
        return value
    for attachment in activity.get("attachments") or []:
        if attachment.get("contentType") == ADAPTIVE_CARD:
            content: dict[str, Any] = attachment.get("content") or {}
            return content
    return None


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def date_ids(card: dict[str, Any]) -> list[str]:
    """The dates ("d_2027-01-12": the id of each date's result bar) of a poll card, in order."""
    return [
        str(item["id"])
        for item in _walk(card.get("body", []))
        if str(item.get("id", "")).startswith("d_")
    ]


def poll_id_of(card: dict[str, Any]) -> int | None:
    """The poll the card's one-click answer buttons name."""
    ids = {
        int(item["data"]["poll_id"])
        for item in _walk(card.get("body", []))
        if item.get("verb") == "stammtisch.answer"
    }
    return ids.pop() if len(ids) == 1 else None


def preselected(card: dict[str, Any]) -> dict[str, str]:
    """Date id -> the answer marked as the viewer's own (style "positive" on their button)."""
    return {
        f"d_{item['data']['day']}": str(item["data"]["answer"])
        for item in _walk(card.get("body", []))
        if item.get("verb") == "stammtisch.answer" and item.get("style") == "positive"
    }


@dataclass(frozen=True)
class Tally:
    """What a shared card shows: counts per date input id and the number of voters."""

    counts: dict[str, tuple[int, int, int]]
    voters: int | None


def shown_tally(card: dict[str, Any]) -> Tally:
    """Read "Ja N · Vielleicht M · Nein K" of every date and "Bisher N Stimmen." from a card."""
    counts: dict[str, tuple[int, int, int]] = {}
    voters: int | None = None
    for block in card.get("body", []):
        if block.get("type") == "Container":
            items = block.get("items", [])
            ids = [str(i.get("id")) for i in items if str(i.get("id", "")).startswith("d_")]
            texts = [str(i.get("text", "")) for i in items if i.get("type") == "TextBlock"]
            found = [m for m in map(COUNTS.search, texts) if m]
            if ids and found:
                counts[ids[0]] = (int(found[0][1]), int(found[0][2]), int(found[0][3]))
    for item in _walk(card.get("body", [])):
        if item.get("type") == "TextBlock" and (m := VOTERS_LINE.search(str(item.get("text")))):
            voters = int(m[1]) if m[1] else 1
    return Tally(counts, voters)


# --------------------------------------------------------------------------- scenario


@dataclass(frozen=True)
class Scenario:
    """Who votes what: the first ballot of every voter, and the changed ballots."""

    ballots: dict[int, dict[str, str]]
    changes: dict[int, dict[str, str]]

    @classmethod
    def build(cls, days: Sequence[str], voters: int, changes: int) -> Scenario:
        """Every voter answers every date; each date gets a different tally (date j: Ja from
        every (j+2)-th voter); a changer shifts every answer by one (Ja → Vielleicht → Nein)."""

        def answer(n: int, j: int) -> int:
            return 0 if n % (j + 2) == 0 else 1 if n % 3 == 1 else 2

        ballots = {
            n: {day: ANSWERS[answer(n, j)] for j, day in enumerate(days)}
            for n in range(1, voters + 1)
        }
        # Spread the changers over the voters (distinct as long as changes <= voters).
        changers = sorted({1 + (i * voters) // changes for i in range(changes)}) if changes else []
        changed = {
            n: {day: ANSWERS[(answer(n, j) + 1) % 3] for j, day in enumerate(days)}
            for n in changers
        }
        return cls(ballots, changed)

    def final(self, n: int) -> dict[str, str]:
        """The ballot of voter n that counts in the end."""
        return self.changes.get(n, self.ballots[n])

    def expected(self, days: Sequence[str]) -> Tally:
        """The exact tally after every vote and change."""
        counts: dict[str, tuple[int, int, int]] = {}
        for day in days:
            answers = [self.final(n)[day] for n in self.ballots]
            yes, maybe, no = (answers.count(a) for a in ANSWERS)
            counts[day] = (yes, maybe, no)
        return Tally(counts, len(self.ballots))


@dataclass
class Poll:
    """The poll started for one run, as read from its card at the sink."""

    poll_id: int
    days: list[str]
    activity_id: str
    conversation: str
    channel: dict[str, Any]
    team_id: str


def _channel(run_key: str) -> tuple[dict[str, Any], str]:
    conversation = activities.channel_conversation()
    conversation["id"] = f"19:bench-{run_key}@thread.tacv2"
    return conversation, f"19:team-{run_key}@thread.tacv2"


def _in_channel(activity: dict[str, Any], conversation: dict[str, Any], team: str) -> None:
    activity["conversation"] = dict(conversation)
    activity["channelData"].update(team={"id": team}, channel={"id": conversation["id"]})


def sink_entries(sink_url: str, tag: str, after: int) -> tuple[int, list[dict[str, Any]]]:
    """What the sink logged for ``tag`` from index ``after`` on."""
    answer = http_get_json(f"{sink_url}/activities?tag={tag}&after={after}", timeout=30)
    return int(answer["next"]), list(answer["entries"])


def start_poll(bot: Bot, sink_url: str, run_key: str, cursor: int) -> tuple[Poll, int]:
    """Post "@bot stammtisch neu" in a fresh channel; read the poll from its card at the sink."""
    conversation, team = _channel(run_key)
    organiser = activities.user(aad="00000000-0000-4000-9000-000000000001", name="Orga Nisator")
    activity = activities.channel_mention(bot.service_url, "stammtisch neu")
    _in_channel(activity, conversation, team)
    activity["from"] = organiser
    status = post_activity(f"{bot.url}/api/messages", activity)
    if status != 201:
        raise BenchError(f"{bot.name}: 'stammtisch neu' answered {status}, not 201")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        cursor, entries = sink_entries(sink_url, bot.name, cursor)
        for entry in entries:
            card = card_of(entry["body"])
            if entry["method"] != "POST" or card is None:
                continue
            poll_id = poll_id_of(card)
            days = date_ids(card)
            if poll_id is not None and days:
                poll = Poll(
                    poll_id,
                    days,
                    str(entry["activity_id"]),
                    str(entry["conversation"]),
                    conversation,
                    team,
                )
                return poll, cursor
        time.sleep(0.05)
    raise BenchError(f"{bot.name}: no poll card arrived at the sink after 'stammtisch neu'")


def post_activity(url: str, body: dict[str, Any]) -> int:
    """POST JSON to loopback (no proxy) and return the status."""

    async def post() -> int:
        async with (
            aiohttp.ClientSession() as http,
            http.post(url, json=body, timeout=aiohttp.ClientTimeout(total=30)) as response,
        ):
            await response.read()
            return response.status

    return asyncio.run(post())


# --------------------------------------------------------------------------- votes


@dataclass
class Votes:
    """Outcome of the vote phase (times are ``time.monotonic()``)."""

    latencies: list[float] = field(default_factory=list)
    first_sent: float = 0.0
    last_done: float = 0.0
    problems: list[str] = field(default_factory=list)


def vote_body(bot: Bot, poll: Poll, n: int, ballot: dict[str, str]) -> bytes:
    """The ``adaptiveCard/action`` invoke of voter n clicking "Abstimmen" on the shared card."""
    data = {"poll_id": poll.poll_id, **ballot}
    activity = activities.card_invoke(
        bot.service_url, "stammtisch.vote", data, n=n, reply_to=poll.activity_id
    )
    activity["from"] = activities.user(n, name=f"Mitglied {n:03d}")
    _in_channel(activity, poll.channel, poll.team_id)
    return json.dumps(activity).encode()


async def cast_votes(bot: Bot, poll: Poll, scenario: Scenario, concurrency: int) -> Votes:
    """Every voter votes; changers vote again after their first vote was answered."""
    result = Votes()
    url = f"{bot.url}/api/messages"
    headers = {"Content-Type": "application/json; charset=utf-8"}
    gate = asyncio.Semaphore(concurrency)
    bodies = {n: vote_body(bot, poll, n, b) for n, b in scenario.ballots.items()}
    changes = {n: vote_body(bot, poll, n, b) for n, b in scenario.changes.items()}

    async def invoke(
        http: aiohttp.ClientSession, n: int, body: bytes, ballot: dict[str, str]
    ) -> None:
        async with gate:
            began = time.monotonic()
            result.first_sent = result.first_sent or began
            try:
                async with http.post(url, data=body, headers=headers) as response:
                    raw = await response.read()
                    status = response.status
            except (aiohttp.ClientError, TimeoutError) as error:
                result.problems.append(f"voter {n}: {type(error).__name__}")
                return
            done = time.monotonic()
        result.latencies.append(done - began)
        result.last_done = max(result.last_done, done)
        if status != 200:
            result.problems.append(f"voter {n}: status {status}")
            return
        try:
            card = card_of(json.loads(raw))
        except ValueError:
            card = None
        if card is None or VOTED not in json.dumps(card, ensure_ascii=False):
            result.problems.append(f"voter {n}: the answer is not their view ({raw[:200]!r})")
        elif preselected(card) != ballot:
            result.problems.append(f"voter {n}: their view shows {preselected(card)}")

    async def voter(http: aiohttp.ClientSession, n: int) -> None:
        await invoke(http, n, bodies[n], scenario.ballots[n])
        if n in changes:
            await invoke(http, n, changes[n], scenario.changes[n])

    connector = aiohttp.TCPConnector(limit=concurrency, limit_per_host=concurrency)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
        await asyncio.gather(*(voter(http, n) for n in scenario.ballots))
    return result


# --------------------------------------------------------------------------- one run


@dataclass
class RunResult:
    """One run against one bot."""

    bot: str
    run: int
    invokes: int
    votes_per_s: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    card_updates: int
    peak_updates_per_s: int
    final_card_ms: float | None
    problems: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """Numbers of the run for the JSON line."""
        return {
            "run": self.run,
            "invokes": self.invokes,
            "votes_per_s": round(self.votes_per_s, 1),
            "p50_ms": round(self.p50_ms, 1),
            "p99_ms": round(self.p99_ms, 1),
            "max_ms": round(self.max_ms, 1),
            "card_updates": self.card_updates,
            "peak_updates_per_s": self.peak_updates_per_s,
            "final_card_ms": None if self.final_card_ms is None else round(self.final_card_ms),
            "problems": self.problems,
        }


def peak_per_second(times: Sequence[float]) -> int:
    """The most events in any window of one second."""
    ordered, best, start = sorted(times), 0, 0
    for end, moment in enumerate(ordered):
        while moment - ordered[start] >= 1.0:
            start += 1
        best = max(best, end - start + 1)
    return best


def run_once(
    bot: Bot, sink_url: str, run: int, args: argparse.Namespace, *, voters: int, changes: int
) -> RunResult:
    """Start a poll, cast the votes, wait for the final shared card; check and measure."""
    cursor, _ = sink_entries(sink_url, bot.name, sys.maxsize)  # only where the log ends
    poll, cursor = start_poll(bot, sink_url, f"{bot.name}-run{run}", cursor)
    scenario = Scenario.build(poll.days, voters, changes)
    expected = scenario.expected(poll.days)
    votes = asyncio.run(cast_votes(bot, poll, scenario, args.concurrency))
    problems = list(votes.problems[:10])
    if len(votes.problems) > 10:
        problems.append(f"… and {len(votes.problems) - 10} more failed votes")

    # Collect the shared card's updates until one shows the exact tally, then until quiet.
    updates: list[dict[str, Any]] = []
    final_at: float | None = None
    quiet_for = bot.interval + RUNNER_POLL_S + 0.5
    give_up = time.monotonic() + bot.interval + RUNNER_POLL_S + args.final_timeout
    while True:
        cursor, entries = sink_entries(sink_url, bot.name, cursor)
        for entry in entries:
            if entry["method"] != "PUT":
                continue
            if entry["activity_id"] != poll.activity_id:
                continue  # not this run's poll card
            updates.append(entry)
            card = card_of(entry["body"])
            if final_at is None and card is not None and shown_tally(card) == expected:
                final_at = float(entry["received"])
        now = time.monotonic()
        last = max([votes.last_done] + [float(u["received"]) for u in updates])
        if final_at is not None and now - last >= quiet_for:
            break
        if final_at is None and now >= give_up:
            break
        time.sleep(0.1)

    if final_at is None:
        shown = shown_tally(card_of(updates[-1]["body"]) or {}) if updates else None
        problems.append(
            f"no shared-card update showed the exact tally {expected} "
            f"within {give_up - votes.last_done:.1f} s (last shown: {shown})"
        )
    elif shown_tally(card_of(updates[-1]["body"]) or {}) != expected:
        problems.append("a later shared-card update no longer showed the exact tally")
    span = votes.last_done - votes.first_sent
    bound = math.floor(span / bot.interval) + 2
    if len(updates) > bound:
        problems.append(
            f"{len(updates)} shared-card updates for {span:.2f} s of votes (≤ {bound})"
        )
    if not bot.child.alive():
        problems.append(f"bot exited:\n{bot.child.log_tail()}")
    latencies = sorted(votes.latencies)
    invokes = len(scenario.ballots) + len(scenario.changes)
    if len(latencies) != invokes:
        problems.append(f"{len(latencies)} of {invokes} invokes answered")
    return RunResult(
        bot=bot.name,
        run=run,
        invokes=len(latencies),
        votes_per_s=len(latencies) / span if span > 0 else 0.0,
        p50_ms=percentile(latencies, 0.50) * 1000,
        p99_ms=percentile(latencies, 0.99) * 1000,
        max_ms=(latencies[-1] * 1000) if latencies else 0.0,
        card_updates=len(updates),
        peak_updates_per_s=peak_per_second([float(u["received"]) for u in updates]),
        final_card_ms=None if final_at is None else (final_at - votes.last_done) * 1000,
        problems=problems,
    )


# --------------------------------------------------------------------------- report


def _median(values: Sequence[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return float(statistics.median(known)) if known else None


def aggregate(results: list[RunResult], bot: Bot) -> dict[str, Any]:
    """Medians over the runs of one bot."""
    mine = [r for r in results if r.bot == bot.name]

    def med(key: str, digits: int = 1) -> float | None:
        value = _median([getattr(r, key) for r in mine])
        return None if value is None else round(value, digits)

    return {
        "card_update_interval_s": bot.interval,
        "votes_per_s": med("votes_per_s"),
        "p50_ms": med("p50_ms"),
        "p99_ms": med("p99_ms"),
        "card_updates": med("card_updates"),
        "peak_updates_per_s": med("peak_updates_per_s"),
        "final_card_ms": med("final_card_ms", 0),
        "runs": [r.as_json() for r in mine],
    }


def _fmt(value: float | None, width: int, digits: int = 1) -> str:
    return f"{'–':>{width}}" if value is None else f"{value:>{width}.{digits}f}"


def print_table(results: list[RunResult], report: dict[str, Any], out: TextIO) -> None:
    """Human-readable results."""
    header = (
        f"{'bot':<9} {'interval':>8} {'run':>3} {'invokes':>7} {'votes/s':>8} {'p50 ms':>7} "
        f"{'p99 ms':>7} {'card updates':>12} {'peak upd/s':>10} {'final card ms':>13}"
    )
    print(header, file=out)
    print("-" * len(header), file=out)
    intervals = {name: report[name]["card_update_interval_s"] for name in ("ours", "baseline")}
    for r in results:
        print(
            f"{r.bot:<9} {intervals[r.bot]:>7g}s {r.run:>3} {r.invokes:>7} "
            f"{r.votes_per_s:>8.1f} {r.p50_ms:>7.1f} {r.p99_ms:>7.1f} {r.card_updates:>12} "
            f"{r.peak_updates_per_s:>10} {_fmt(r.final_card_ms, 13, 0)}",
            file=out,
        )
    print("-" * len(header), file=out)
    for name in ("ours", "baseline"):
        agg = report[name]
        if not agg["runs"]:
            continue
        print(
            f"{name:<9} {agg['card_update_interval_s']:>7g}s {'med':>3} {'':>7} "
            f"{_fmt(agg['votes_per_s'], 8)} {_fmt(agg['p50_ms'], 7)} {_fmt(agg['p99_ms'], 7)} "
            f"{_fmt(agg['card_updates'], 12, 0)} {_fmt(agg['peak_updates_per_s'], 10, 0)} "
            f"{_fmt(agg['final_card_ms'], 13, 0)}",
            file=out,
        )
    if report["update_ratio"] is not None:
        print(
            f"\nshared-card updates: baseline/ours {report['update_ratio']:.1f}× "
            f"({report['baseline']['card_updates']:g} vs {report['ours']['card_updates']:g} for "
            f"{report['invokes']} votes, one update per vote would be {report['invokes']}; "
            f"Teams allows about {TEAMS_UPDATE_LIMIT_PER_S} updates/s per conversation)",
            file=out,
        )
    if report["votes_per_s_ratio"] is not None:
        print(
            f"votes/s ours/baseline {report['votes_per_s_ratio']:.2f}× "
            f"(p50 {report['ours']['p50_ms']:g} vs {report['baseline']['p50_ms']:g} ms)",
            file=out,
        )
    print(
        "final card ms: from the last vote's answer to the first shared card with the exact "
        f"tally (includes the rest of the update interval and up to {RUNNER_POLL_S:g} s of "
        "job-runner polling; negative: the card was current before the last voter's own view "
        "came back)",
        file=out,
    )
    for problem in report["problems"]:
        print(f"CHECK FAILED: {problem}", file=out)


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command line options."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--voters", type=int, default=100, help="distinct members voting")
    parser.add_argument("--changes", type=int, default=25, help="members changing their vote")
    parser.add_argument("--concurrency", type=int, default=50, help="invokes in flight")
    parser.add_argument("--runs", type=int, default=3, help="runs per bot; medians reported")
    parser.add_argument("--json-only", action="store_true", help="print only the JSON line")
    parser.add_argument(
        "--interval",
        type=float,
        default=None,
        help=f"ours: {INTERVAL_ENV} (default: unset, the bot's default {DEFAULT_INTERVAL:g} s)",
    )
    parser.add_argument(
        "--baseline-interval", type=float, default=0.001, help=f"baseline: {INTERVAL_ENV}"
    )
    parser.add_argument(
        "--final-timeout", type=float, default=10.0, help="extra seconds to wait for the card"
    )
    parser.add_argument("--no-warmup", action="store_true", help="skip the unreported warm-up")
    parser.add_argument("--keep-tmp", action="store_true", help="keep logs and databases")
    args = parser.parse_args(argv)
    if not (args.voters >= 1 and 0 <= args.changes <= args.voters):
        parser.error("voters ≥ 1 and 0 ≤ changes ≤ voters are required")
    if args.concurrency < 1 or args.runs < 1:
        parser.error("concurrency ≥ 1 and runs ≥ 1 are required")
    for interval in (args.interval, args.baseline_interval):
        if interval is not None and not 0 < interval <= 60:
            parser.error("intervals must be in (0, 60] seconds")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; see the module docstring for the exit status."""
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _on_sigterm)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    log: TextIO | None = None if args.json_only else sys.stderr
    results: list[RunResult] = []
    problems: list[str] = []
    bots: list[Bot] = []
    began = time.monotonic()
    try:
        with environment(args) as (bots, sink_url):
            if not args.no_warmup:
                for bot in bots:
                    if log:
                        print(f"warm-up: {bot.name} …", file=log)
                    warm = run_once(
                        bot,
                        sink_url,
                        0,
                        args,
                        voters=min(10, args.voters),
                        changes=min(2, args.changes),
                    )
                    problems.extend(f"{bot.name} warm-up: {p}" for p in warm.problems)
            for run in range(1, args.runs + 1):
                if problems:
                    break
                # Alternate which bot goes first so that neither always follows the other.
                for bot in bots if run % 2 else bots[::-1]:
                    if log:
                        print(f"run {run}/{args.runs}: {bot.name} …", file=log)
                    result = run_once(
                        bot, sink_url, run, args, voters=args.voters, changes=args.changes
                    )
                    results.append(result)
                    problems.extend(f"{bot.name} run {run}: {p}" for p in result.problems)
    except BenchError as error:
        problems.append(str(error))
    except KeyboardInterrupt:
        print("interrupted; all processes stopped", file=sys.stderr)
        return 130

    by_name = {b.name: b for b in bots}
    ours = aggregate(results, by_name["ours"]) if "ours" in by_name else {"runs": []}
    base = aggregate(results, by_name["baseline"]) if "baseline" in by_name else {"runs": []}
    both = bool(ours["runs"]) and bool(base["runs"])
    update_ratio = (
        base["card_updates"] / ours["card_updates"] if both and ours["card_updates"] else None
    )
    speed_ratio = (
        ours["votes_per_s"] / base["votes_per_s"] if both and base["votes_per_s"] else None
    )
    report: dict[str, Any] = {
        "benchmark": "stammtisch_votes",
        "voters": args.voters,
        "changes": args.changes,
        "invokes": args.voters + args.changes,
        "concurrency": args.concurrency,
        "runs": args.runs,
        "ours": ours,
        "baseline": base,
        "update_ratio": None if update_ratio is None else round(update_ratio, 1),
        "votes_per_s_ratio": None if speed_ratio is None else round(speed_ratio, 2),
        "elapsed_s": round(time.monotonic() - began, 1),
        "passed": not problems,
        "problems": problems,
    }
    if not args.json_only and both:
        print_table(results, report, sys.stdout)
    elif not args.json_only:
        for problem in problems:
            print(f"CHECK FAILED: {problem}", file=sys.stdout)
    print(json.dumps(report, ensure_ascii=False), flush=True)
    return EXIT_FAILED if problems else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

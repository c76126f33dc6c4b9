"""Load benchmark: our bot against the stock botbuilder echo bot, same machine, same run.

Starts (each in its own process, loopback only): the connector sink (``bench.sink``), our bot
(``assistenz-bot serve`` on a fresh SQLite database, ``MODE=local``), the stock echo bot
(``bench.stock_echo_bot``), and for every measured phase a load generator (``bench.loadgen``).
Every phase is checked: all answers 201, every reply arrived at the sink exactly once and has the
expected content. Prints a table and, last, one JSON line. Exit status: 0 target met, 1 ratio
below ``--min-ratio``, 2 a check failed or a process did not start.

    python -m bench.load [--duration 10] [--concurrency 16] [--runs 3] [--json-only]
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

REPO_ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
_CLK_TCK = os.sysconf("SC_CLK_TCK")
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))
_PR_SET_PDEATHSIG = 1

EXIT_OK, EXIT_BELOW_TARGET, EXIT_FAILED = 0, 1, 2
_NOISY_OTHERS_PCT = 25.0
# gil: only the thread holding the GIL (Python CPU); cpu: py-spy's default (threads blocked in
# C calls such as SQLite or queue waits still count); wall: every thread, idle ones too.
_PY_SPY_MODES: dict[str, list[str]] = {"gil": ["--gil"], "cpu": [], "wall": ["--idle"]}


class BenchError(RuntimeError):
    """A process did not start or a check failed; the message says which."""


# --------------------------------------------------------------------------- processes


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """Linux: the child gets SIGTERM when the benchmark dies, even by SIGKILL."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM))


@dataclass
class Child:
    """One started process and its log file."""

    name: str
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def pid(self) -> int:
        """Process id."""
        return self.process.pid

    def alive(self) -> bool:
        """True while the process runs."""
        return self.process.poll() is None

    def log_tail(self, lines: int = 20) -> str:
        """The last lines of its output, for error messages."""
        try:
            text = self.log_path.read_text("utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])


class Processes:
    """Starts children in their own sessions and stops every one of them, newest first."""

    def __init__(self, log_dir: Path) -> None:
        self._log_dir = log_dir
        self._children: list[Child] = []

    def start(
        self,
        name: str,
        argv: Sequence[str],
        *,
        env: dict[str, str],
        cwd: Path,
        stdout_to_log: bool = True,
    ) -> Child:
        """Start ``argv``; stderr (and stdout unless captured) go to ``<log_dir>/<name>.log``."""
        log_path = self._log_dir / f"{name}.log"
        with log_path.open("ab") as log:
            process = subprocess.Popen(
                list(argv),
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log if stdout_to_log else subprocess.PIPE,
                stderr=log,
                start_new_session=True,
                preexec_fn=_die_with_parent if sys.platform == "linux" else None,
            )
        child = Child(name, process, log_path)
        self._children.append(child)
        return child

    def stop(self, child: Child, timeout: float = 15.0) -> None:
        """SIGTERM, then SIGKILL after ``timeout`` seconds."""
        if child.alive():
            with contextlib.suppress(ProcessLookupError):
                child.process.send_signal(signal.SIGTERM)
            try:
                child.process.wait(timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    child.process.kill()
                child.process.wait(5)
        if child.process.stdout is not None:
            child.process.stdout.close()
        if child in self._children:
            self._children.remove(child)

    def stop_all(self) -> None:
        """Stop every child that is still registered."""
        for child in reversed(list(self._children)):
            self.stop(child)


def free_port() -> int:
    """A currently free loopback port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def http_get_json(url: str, timeout: float = 5.0) -> Any:
    """GET a JSON document from loopback (never through a proxy)."""
    with _NO_PROXY.open(url, timeout=timeout) as response:
        return json.loads(response.read())


def wait_until(ready: Callable[[], bool], child: Child, what: str, timeout: float = 60.0) -> None:
    """Poll ``ready`` until it is true; fail early when the child exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not child.alive():
            raise BenchError(f"{what} exited with {child.process.returncode}:\n{child.log_tail()}")
        with contextlib.suppress(OSError, ValueError):
            if ready():
                return
        time.sleep(0.1)
    raise BenchError(f"{what} not ready after {timeout:.0f} s:\n{child.log_tail()}")


def tcp_open(port: int) -> bool:
    """True when something accepts connections on the loopback port."""
    with socket.create_connection((HOST, port), timeout=1):
        return True


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a running process (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _CLK_TCK


def children_cpu_seconds() -> float:
    """CPU time of the children reaped so far (the load generators)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def machine_cpu_seconds() -> float:
    """Busy CPU time of the whole machine, all cores (Linux /proc/stat)."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except (OSError, IndexError):
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / _CLK_TCK


# --------------------------------------------------------------------------- phases


@dataclass
class Target:
    """A bot under test."""

    name: str
    child: Child
    url: str
    service_url: str
    tag: str
    expect: Callable[[dict[str, Any], int], list[str]]


@dataclass
class Phase:
    """The outcome of one load phase against one target."""

    target: str
    run: int
    load: dict[str, Any]
    sink: dict[str, Any]
    bot_cpu_pct: float
    sink_cpu_pct: float
    loadgen_cpu_pct: float
    other_cpu_pct: float
    problems: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """Numbers of the phase for the JSON line."""
        return {
            "run": self.run,
            "activities_per_s": round(self.load["activities_per_s"], 1),
            "p50_ms": round(self.load["p50_ms"], 2),
            "p90_ms": round(self.load["p90_ms"], 2),
            "p99_ms": round(self.load["p99_ms"], 2),
            "max_ms": round(self.load["max_ms"], 2),
            "measured": self.load["measured"],
            "sent": self.load["sent"],
            "replies": self.sink["posts"],
            "bot_cpu_pct": round(self.bot_cpu_pct, 1),
            "sink_cpu_pct": round(self.sink_cpu_pct, 1),
            "loadgen_cpu_pct": round(self.loadgen_cpu_pct, 1),
            "other_cpu_pct": round(self.other_cpu_pct, 1),
            "problems": self.problems,
        }


def _sink_delta(before: dict[str, Any], after: dict[str, Any], tag: str) -> dict[str, Any]:
    old, new = before.get(tag, {}), after.get(tag, {})
    delta: dict[str, Any] = {
        key: int(new.get(key, 0)) - int(old.get(key, 0))
        for key in ("posts", "unique_reply_to_ids", "card_replies", "bad_bodies")
    }
    old_texts: dict[str, int] = old.get("texts", {})
    delta["texts"] = {
        text: count - old_texts.get(text, 0)
        for text, count in new.get("texts", {}).items()
        if count - old_texts.get(text, 0)
    }
    return delta


def expect_help_card(sink: dict[str, Any], ok: int) -> list[str]:
    """Our bot answers "hilfe" with the help overview card."""
    if sink["card_replies"] != ok:
        return [f"{sink['card_replies']} of {ok} replies carried the help card"]
    return []


def expect_echo(text: str) -> Callable[[dict[str, Any], int], list[str]]:
    """The echo bot answers with "Echo: <text>"."""

    def check(sink: dict[str, Any], ok: int) -> list[str]:
        if sink["texts"] != {f"Echo: {text}": ok}:
            return [f"unexpected reply texts {sink['texts']} (expected {ok}× 'Echo: {text}')"]
        return []

    return check


def check_phase(target: Target, load: dict[str, Any], sink: dict[str, Any]) -> list[str]:
    """Every request answered 201 and its reply delivered once with the expected content."""
    problems: list[str] = []
    if load["transport_errors"]:
        problems.append(f"transport errors {load['transport_errors']}")
    if load["ok"] != load["sent"] or set(load["statuses"]) - {"201"}:
        problems.append(f"{load['sent']} sent, statuses {load['statuses']} (all must be 201)")
    if load["measured"] == 0:
        problems.append("no request completed in the measured window")
    if sink["posts"] != load["ok"]:
        problems.append(f"{sink['posts']} replies at the sink for {load['ok']} answered requests")
    if sink["unique_reply_to_ids"] != sink["posts"]:
        problems.append(
            f"{sink['posts']} replies but {sink['unique_reply_to_ids']} distinct replyTo ids"
        )
    if sink["bad_bodies"]:
        problems.append(f"{sink['bad_bodies']} replies were not message activities")
    problems.extend(target.expect(sink, load["ok"]))
    if not target.child.alive():
        problems.append(f"{target.name} bot exited:\n{target.child.log_tail()}")
    return problems


def run_phase(
    procs: Processes,
    target: Target,
    sink_child: Child,
    sink_url: str,
    run: int,
    args: argparse.Namespace,
    env: dict[str, str],
    profile_dir: Path | None,
) -> Phase:
    """One load-generator run against one target, checked against the sink."""
    stats_before = http_get_json(f"{sink_url}/stats")
    argv = [
        sys.executable,
        "-m",
        "bench.loadgen",
        "--url",
        target.url,
        "--service-url",
        target.service_url,
        "--concurrency",
        str(args.concurrency),
        "--warmup",
        str(args.warmup),
        "--duration",
        str(args.duration),
        "--users",
        str(args.users),
        "--text",
        args.text,
    ]
    wall0 = time.monotonic()
    bot0, sink0 = cpu_seconds(target.child.pid), cpu_seconds(sink_child.pid)
    machine0 = machine_cpu_seconds()
    gen0 = children_cpu_seconds()
    loadgen = procs.start(
        f"loadgen-{target.name}-{run}", argv, env=env, cwd=REPO_ROOT, stdout_to_log=False
    )
    spy: Child | None = None
    if profile_dir is not None:
        time.sleep(args.warmup)
        spy = procs.start(
            f"py-spy-{target.name}-{run}",
            [
                args.py_spy,
                "record",
                "--pid",
                str(target.child.pid),
                "--duration",
                str(max(1, int(args.duration))),
                "--rate",
                "250",
                "--format",
                "raw",
                *_PY_SPY_MODES[args.profile_mode],
                "--output",
                str(profile_dir / f"{target.name}-run{run}.collapsed"),
            ],
            env=env,
            cwd=REPO_ROOT,
        )
    try:
        out, _ = loadgen.process.communicate(timeout=args.warmup + args.duration + 120)
    except subprocess.TimeoutExpired:
        raise BenchError(f"load generator for {target.name} did not finish") from None
    wall = time.monotonic() - wall0
    bot_cpu = cpu_seconds(target.child.pid) - bot0
    sink_cpu = cpu_seconds(sink_child.pid) - sink0
    gen_cpu = children_cpu_seconds() - gen0
    others = machine_cpu_seconds() - machine0 - bot_cpu - sink_cpu - gen_cpu
    procs.stop(loadgen)
    if spy is not None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            spy.process.wait(30)
        procs.stop(spy)
    if loadgen.process.returncode != 0:
        raise BenchError(f"load generator for {target.name} failed:\n{loadgen.log_tail()}")
    load: dict[str, Any] = json.loads(out.decode().strip().splitlines()[-1])
    sink = _sink_delta(stats_before, http_get_json(f"{sink_url}/stats"), target.tag)
    phase = Phase(
        target=target.name,
        run=run,
        load=load,
        sink=sink,
        bot_cpu_pct=100 * bot_cpu / wall,
        sink_cpu_pct=100 * sink_cpu / wall,
        loadgen_cpu_pct=100 * gen_cpu / wall,
        other_cpu_pct=max(0.0, 100 * others / wall),
    )
    phase.problems = check_phase(target, load, sink)
    return phase


# --------------------------------------------------------------------------- setup


def _child_env(extra: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    for key in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        env.pop(key, None)
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p
    )
    env.update(extra)
    return env


def _assistenz_bot() -> str:
    beside = Path(sys.executable).with_name("assistenz-bot")
    found = str(beside) if beside.exists() else shutil.which("assistenz-bot")
    if not found:
        raise BenchError("assistenz-bot not found: install the project (pip install -e .)")
    return found


@contextlib.contextmanager
def environment(args: argparse.Namespace) -> Iterator[tuple[Processes, list[Target], Child, str]]:
    """Start sink and both bots; stop everything (and remove the temp dir) afterwards."""
    workdir = Path(tempfile.mkdtemp(prefix="assistenz-bench-"))
    procs = Processes(workdir)
    try:
        sink_port, ours_port, stock_port = free_port(), free_port(), free_port()
        sink_url = f"http://{HOST}:{sink_port}"
        plain_env = _child_env({})
        sink = procs.start(
            "sink",
            [sys.executable, "-m", "bench.sink", "--port", str(sink_port)],
            env=plain_env,
            cwd=REPO_ROOT,
        )
        wait_until(lambda: http_get_json(f"{sink_url}/stats") is not None, sink, "sink")

        ours_env = _child_env(
            {
                "DATABASE_URL": f"sqlite+aiosqlite:///{workdir / 'bench.db'}",
                "MODE": "local",
                "LOG_LEVEL": "WARNING",
                "MICROSOFT_APP_ID": "",
                "MICROSOFT_APP_TENANT_ID": "",
            }
        )
        bot_cli = _assistenz_bot()
        migrate = subprocess.run(
            [bot_cli, "migrate"], cwd=workdir, env=ours_env, capture_output=True, check=False
        )
        if migrate.returncode != 0:
            raise BenchError(f"assistenz-bot migrate failed:\n{migrate.stderr.decode()[-2000:]}")
        ours = procs.start(
            "ours",
            [bot_cli, "serve", "--host", HOST, "--port", str(ours_port)],
            env=ours_env,
            cwd=workdir,  # no stray .env from the checkout
        )
        stock_env = _child_env(
            {"MicrosoftAppId": "", "MicrosoftAppPassword": "", "MicrosoftAppType": "MultiTenant"}
        )
        stock = procs.start(
            "stock",
            [sys.executable, "-m", "bench.stock_echo_bot", "--port", str(stock_port)],
            env=stock_env,
            cwd=REPO_ROOT,
        )
        wait_until(
            lambda: http_get_json(f"http://{HOST}:{ours_port}/healthz")["status"] == "ok",
            ours,
            "our bot",
        )
        wait_until(lambda: tcp_open(stock_port), stock, "stock echo bot")
        targets = [
            Target(
                "ours",
                ours,
                f"http://{HOST}:{ours_port}/api/messages",
                f"{sink_url}/ours/",
                "ours",
                expect_help_card,
            ),
            Target(
                "stock",
                stock,
                f"http://{HOST}:{stock_port}/api/messages",
                f"{sink_url}/stock/",
                "stock",
                expect_echo(args.text),
            ),
        ]
        yield procs, targets, sink, sink_url
    finally:
        procs.stop_all()
        if args.keep_tmp:
            print(f"logs and database kept in {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


# --------------------------------------------------------------------------- report


def _median(phases: list[Phase], key: str) -> float:
    return float(statistics.median(p.load[key] for p in phases)) if phases else 0.0


def aggregate(phases: list[Phase], target: str) -> dict[str, Any]:
    """Medians over the runs of one target."""
    mine = [p for p in phases if p.target == target]
    return {
        "activities_per_s": round(_median(mine, "activities_per_s"), 1),
        "p50_ms": round(_median(mine, "p50_ms"), 2),
        "p99_ms": round(_median(mine, "p99_ms"), 2),
        "runs": [p.as_json() for p in mine],
    }


def print_table(phases: list[Phase], report: dict[str, Any], out: TextIO) -> None:
    """Human-readable results."""
    header = (
        f"{'target':<7} {'run':>3} {'activities/s':>12} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'measured':>8} {'replies':>8} {'bot CPU':>8} {'sink CPU':>8} {'gen CPU':>8} "
        f"{'others':>7}"
    )
    print(header, file=out)
    print("-" * len(header), file=out)
    for p in phases:
        print(
            f"{p.target:<7} {p.run:>3} {p.load['activities_per_s']:>12.1f} "
            f"{p.load['p50_ms']:>8.1f} {p.load['p99_ms']:>8.1f} {p.load['measured']:>8} "
            f"{p.sink['posts']:>8} {p.bot_cpu_pct:>7.0f}% {p.sink_cpu_pct:>7.0f}% "
            f"{p.loadgen_cpu_pct:>7.0f}% {p.other_cpu_pct:>6.0f}%",
            file=out,
        )
    print("-" * len(header), file=out)
    for name in ("ours", "stock"):
        agg = report[name]
        if not agg["runs"]:
            continue
        print(
            f"{name:<7} {'med':>3} {agg['activities_per_s']:>12.1f} {agg['p50_ms']:>8.1f} "
            f"{agg['p99_ms']:>8.1f}",
            file=out,
        )
    if report["ratio"] is None:
        print("\nratio ours/stock: n/a (only one bot loaded)", file=out)
    else:
        verdict = "met" if report["ratio"] >= report["min_ratio"] else "NOT met"
        print(
            f"\nratio ours/stock: {report['ratio']:.1f}× activities/s, "
            f"p50 latency {report['p50_ratio']:.1f}× lower "
            f"— target ≥ {report['min_ratio']:g}× {verdict}",
            file=out,
        )
    busiest = max((p.other_cpu_pct for p in phases), default=0.0)
    if busiest > _NOISY_OTHERS_PCT:
        print(
            f"note: other processes on this machine used up to {busiest:.0f}% of a core during "
            "the runs (CPU % are of one core); the numbers are noisy, compare the ratio",
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
    parser.add_argument("--duration", type=float, default=10.0, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=2.0, help="warm-up seconds")
    parser.add_argument("--concurrency", type=int, default=16, help="requests in flight")
    parser.add_argument("--users", type=int, default=1000, help="distinct Teams users")
    parser.add_argument("--runs", type=int, default=1, help="runs per bot; medians reported")
    parser.add_argument("--min-ratio", type=float, default=10.0, help="target ours/stock")
    parser.add_argument("--text", default="hilfe", help="message text")
    parser.add_argument("--json-only", action="store_true", help="print only the JSON line")
    parser.add_argument("--only", choices=("ours", "stock"), help="load only one bot")
    parser.add_argument("--keep-tmp", action="store_true", help="keep logs and database")
    parser.add_argument(
        "--profile-dir",
        type=Path,
        help="record py-spy collapsed stacks of each bot during the measured window",
    )
    parser.add_argument(
        "--profile-mode", choices=sorted(_PY_SPY_MODES), default="gil", help="py-spy sampling"
    )
    parser.add_argument("--py-spy", default=shutil.which("py-spy") or "py-spy")
    args = parser.parse_args(argv)
    if args.duration <= 0 or args.warmup < 0 or args.concurrency < 1 or args.runs < 1:
        parser.error("duration > 0, warmup ≥ 0, concurrency ≥ 1 and runs ≥ 1 are required")
    return args


def _on_sigterm(_signum: int, _frame: object) -> None:
    raise SystemExit(128 + signal.SIGTERM)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; see the module docstring for the exit status."""
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _on_sigterm)
    # Also when started in the background, where the shell sets SIGINT to "ignore".
    signal.signal(signal.SIGINT, signal.default_int_handler)
    log: TextIO | None = None if args.json_only else sys.stderr
    profile_dir: Path | None = args.profile_dir
    if profile_dir is not None:
        profile_dir.mkdir(parents=True, exist_ok=True)
        if not shutil.which(args.py_spy):
            print(f"py-spy not found ({args.py_spy}); pip install py-spy", file=sys.stderr)
            return EXIT_FAILED
    phases: list[Phase] = []
    problems: list[str] = []
    try:
        with environment(args) as (procs, targets, sink, sink_url):
            chosen = [t for t in targets if args.only in (None, t.name)]
            for run in range(1, args.runs + 1):
                for target in chosen:
                    if log:
                        print(f"run {run}/{args.runs}: loading {target.name} …", file=log)
                    phase = run_phase(
                        procs, target, sink, sink_url, run, args, _child_env({}), profile_dir
                    )
                    phases.append(phase)
                    problems.extend(f"{target.name} run {run}: {p}" for p in phase.problems)
                if problems:
                    break
    except BenchError as error:
        problems.append(str(error))
    except KeyboardInterrupt:
        print("interrupted; all processes stopped", file=sys.stderr)
        return 130

    ours, stock = aggregate(phases, "ours"), aggregate(phases, "stock")
    both = bool(ours["runs"]) and bool(stock["runs"]) and stock["activities_per_s"] > 0
    ratio = ours["activities_per_s"] / stock["activities_per_s"] if both else 0.0
    p50_ratio = stock["p50_ms"] / ours["p50_ms"] if both and ours["p50_ms"] else 0.0
    # With --only there is nothing to compare: only the checks decide.
    passed = not problems and (args.only is not None or ratio >= args.min_ratio)
    report: dict[str, Any] = {
        "benchmark": "api_messages_load",
        "concurrency": args.concurrency,
        "warmup_s": args.warmup,
        "duration_s": args.duration,
        "users": args.users,
        "runs": args.runs,
        "ours": ours,
        "stock": stock,
        "ratio": round(ratio, 2) if both else None,
        "p50_ratio": round(p50_ratio, 2) if both else None,
        "min_ratio": args.min_ratio,
        "passed": passed,
        "problems": problems,
    }
    if not args.json_only:
        print_table(phases, report, sys.stdout)
        if profile_dir is not None:
            print(f"py-spy profiles (collapsed stacks) in {profile_dir}", file=sys.stdout)
    print(json.dumps(report, ensure_ascii=False), flush=True)
    if problems:
        return EXIT_FAILED
    return EXIT_OK if passed else EXIT_BELOW_TARGET


if __name__ == "__main__":
    if __package__ in (None, ""):
        # ``python bench/load.py``: the children are started as ``-m bench.*`` from REPO_ROOT.
        sys.path.insert(0, str(REPO_ROOT))
    sys.exit(main())

"""The `assistenz-bot` command line: serve, demo, migrate, package, eval-routing."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import ValidationError

from bot.settings import Settings

Command = Callable[[argparse.Namespace], int]


EXIT_BAD_SETTINGS = 2  # like argparse's usage errors: the invocation, not the bot, is wrong


def _load_settings() -> Settings:
    from bot.settings_errors import settings_error_lines

    try:
        return Settings()
    except ValidationError as error:
        for line in settings_error_lines(error):
            print(line, file=sys.stderr)
        raise SystemExit(EXIT_BAD_SETTINGS) from None


def _serve(args: argparse.Namespace) -> int:
    from aiohttp import web

    from bot.app import create_app
    from bot.logging import configure_logging

    settings = _load_settings()
    configure_logging(settings.log_level, settings.log_json)
    from bot.startup import prepare_database

    refusal = prepare_database(settings)
    if refusal is not None:
        print(refusal, file=sys.stderr)
        return 1
    from bot import __version__
    from bot.observability import configure_telemetry

    configure_telemetry(__version__)
    web.run_app(
        create_app(settings),
        host=args.host or settings.host,
        port=args.port or settings.port,
        access_log=None,
        shutdown_timeout=20,
        print=None,
    )
    return 0


def _migrate(args: argparse.Namespace) -> int:
    from bot.adapters.db.migrate import upgrade

    settings = _load_settings()
    upgrade(settings.database_url, args.revision)
    print(f"Datenbank ist auf Stand {args.revision}.")
    return 0


def _package(args: argparse.Namespace) -> int:
    from bot.appmanifest import build_app_package

    path = build_app_package(_load_settings(), Path(args.output))
    print(f"App-Paket geschrieben: {path}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    # The only place the application reaches for devkit: the production image leaves it out.
    try:
        from devkit.demo.runner import run_demo
    except ImportError:
        print(
            "Die lokale Demo gehört nicht zu diesem Paket (Produktions-Image). "
            "Im Quellbaum: ./dev demo",
            file=sys.stderr,
        )
        return 2
    return int(run_demo(_load_settings(), playground_port=args.playground_port))


def _eval_routing(args: argparse.Namespace) -> int:
    import json

    from bot.domain.routing import evaluation

    router = evaluation.build(Path(args.directory), Path(args.history), router=args.router)
    outcomes = evaluation.run(router, evaluation.load_questions(Path(args.questions)))
    result: dict[str, object] = dict(evaluation.summarise(outcomes))
    groups = evaluation.by_kind(outcomes) if args.by_kind else {}
    if args.clarify:
        from bot.domain.routing.evaluation_clarify import run_clarify, summarise_clarify

        questions = evaluation.load_questions(Path(args.questions))
        experts = evaluation.load_directory(Path(args.directory))
        result.update(summarise_clarify(run_clarify(router, questions, experts)))
    if args.offers:
        from bot.domain.routing.evaluation_offers import run_offers, summarise_offers
        from bot.domain.routing.index import ExpertRouter

        if not isinstance(router, ExpertRouter):
            print("--offers: nur mit --router ours (die Basislinie bietet keine Antworten an)")
            return 2
        questions = evaluation.load_questions(Path(args.questions))
        result.update(summarise_offers(run_offers(router, questions)))
    if args.json:
        if args.by_kind:
            result["by_kind"] = groups
        print(json.dumps(result))
        return 0
    for key, value in result.items():
        print(f"{key:>24}: {value}")
    if groups:
        print(_kind_table(groups))
    return 0


def _kind_table(groups: dict[str, dict[str, float]]) -> str:
    # Answerable groups show accuracy, noise groups their abstention share; "-" marks a figure
    # that has no meaning for the group (no answerable or no noise question in it).
    columns = ("n", "top1", "top3", "false_abstain", "noise_abstain")
    lines = [f"{'kind/lang':<18}" + "".join(f"{c:>14}" for c in columns)]
    for key, figures in groups.items():
        noise_only = key.startswith("noise/")
        cells = []
        for column in columns:
            value = figures[column]
            empty = column != "n" and (
                (noise_only and column != "noise_abstain")
                or (column == "noise_abstain" and not noise_only and not key.startswith("*/"))
            )
            cells.append(f"{'-' if empty else value:>14}")
        lines.append(f"{key:<18}" + "".join(cells))
    return "\n".join(lines)


def _import_experts(args: argparse.Namespace) -> int:
    import asyncio

    from bot.seeding import import_experts_file

    settings = _load_settings()
    summary = asyncio.run(import_experts_file(settings, Path(args.file), args.pool))
    print(
        f"Verzeichnis importiert: {summary.added} neu, {summary.updated} aktualisiert, "
        f"{summary.unchanged} unverändert (Pool {args.pool})."
    )
    return 0


def _seed_experts(args: argparse.Namespace) -> int:
    import asyncio

    from bot.seeding import seed_experts_from_graph

    settings = _load_settings()
    summary = asyncio.run(seed_experts_from_graph(settings, args.group, args.pool))
    print(
        f"Aus Graph übernommen: {summary.added} neu, {summary.updated} aktualisiert, "
        f"{summary.unchanged} unverändert (Pool {args.pool})."
    )
    return 0


def _check_config(args: argparse.Namespace) -> int:
    import asyncio

    from bot.check_config import check_config, format_results

    results = asyncio.run(check_config(_load_settings()))
    print(format_results(results))
    return 0 if all(result.ok for result in results) else 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistenz-bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="Bot-Endpunkt starten (Produktiv oder lokal)")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.set_defaults(run=_serve)

    demo = commands.add_parser(
        "demo", help="Alles lokal starten: SQLite, Graph-Simulator, Agents Playground"
    )
    demo.add_argument("--playground-port", type=int, default=56150)
    demo.set_defaults(run=_demo)

    migrate = commands.add_parser("migrate", help="Datenbank-Migrationen anwenden")
    migrate.add_argument("--revision", default="head")
    migrate.set_defaults(run=_migrate)

    package = commands.add_parser("package", help="Teams-App-Paket (zip) bauen")
    package.add_argument("--output", default="dist/assistenz-netzwerk.zip")
    package.set_defaults(run=_package)

    check = commands.add_parser(
        "check-config", help="Einstellungen prüfen, Datenbank und Graph erreichen"
    )
    check.set_defaults(run=_check_config)

    experts = commands.add_parser(
        "import-experts", help="Expertenverzeichnis (JSON) in einen Pool importieren"
    )
    experts.add_argument("--file", required=True)
    experts.add_argument("--pool", default="default")
    experts.set_defaults(run=_import_experts)

    seed = commands.add_parser(
        "seed-experts", help="Mitglieder einer Entra-Gruppe aus Graph als Experten anlegen"
    )
    seed.add_argument("--group", required=True, help="Objekt-ID der Entra-Gruppe")
    seed.add_argument("--pool", default="default")
    seed.set_defaults(run=_seed_experts)

    routing = commands.add_parser(
        "eval-routing", help="Routing-Qualität auf einem beschrifteten Datensatz messen"
    )
    routing.add_argument("--directory", required=True)
    routing.add_argument("--history", required=True)
    routing.add_argument("--questions", required=True)
    routing.add_argument("--router", choices=("ours", "baseline"), default="ours")
    routing.add_argument("--json", action="store_true")
    routing.add_argument(
        "--by-kind", action="store_true", help="zusätzlich je Fragenart und Sprache aufschlüsseln"
    )
    routing.add_argument(
        "--clarify",
        action="store_true",
        help="Rückfragen simulieren: wie oft gefragt wird und top1 nach dem Klick",
    )
    routing.add_argument(
        "--offers",
        action="store_true",
        help="frühere Antworten: wie oft eine angeboten wird und ob sie zum Thema passt",
    )
    routing.set_defaults(run=_eval_routing)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `assistenz-bot` script."""
    args = _parser().parse_args(argv)
    run: Command = args.run
    return int(run(args))


if __name__ == "__main__":
    sys.exit(main())

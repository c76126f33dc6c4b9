"""Scale benchmark of know-how routing: synthetic organisation, build time, latency, memory.

Run: python bench/routing_scale.py [--experts 2000] [--history 50000] [--questions 1000]
Prints one JSON object per line: the synthetic-scale figures, then the dev-set evaluation of the
baseline and of our router side by side (if the dev set is present).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.domain.routing import AnsweredQuestion, ExpertProfile, ExpertRouter
from bot.domain.routing.decisions import (
    DecisionAdjuster,
    DecisionSignal,
    LearntDecision,
    SignalKind,
)
from bot.domain.routing.evaluation import evaluate
from bot.domain.routing.router_cache import PoolRouter

DEV_SET = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "routing-dev"


# Compound modifiers and heads of German office language; their product gives a realistic,
# large vocabulary of compounds ("Reisekostenabrechnung", "Urlaubsantrag", ...).
def _list(text: str, sep: str | None = None) -> list[str]:
    return text.split(sep)


MODIFIERS = _list(
    "Reise Reisekosten Gehalts Lohn Urlaubs Kosten Budget Projekt Vertrags Personal Kunden "
    "Lieferanten Rechnungs Zahlungs Bestell Software Hardware Lizenz Zugangs Daten Schulungs "
    "Seminar Raum Gebäude Park Fahrzeug Dienstwagen Tank Kantinen Event Messe Presse Marketing "
    "Vertriebs Makler Schaden Steuer Bewerbungs Praktikums Ausbildungs Arbeitszeit Gleitzeit "
    "Homeoffice Telefon Drucker Laptop Monitor Netzwerk Postfach Kalender Termin Vorstands "
    "Compliance Datenschutz Sicherheits Brandschutz Gesundheits Umzugs Möbel Büro Material"
)
HEADS = _list(
    "abrechnung antrag freigabe planung richtlinie vertrag prüfung meldung portal vorlage "
    "bericht liste buchung bestellung verwaltung anfrage konto nummer termin frist regelung "
    "schulung vereinbarung ausweis karte zuschuss pauschale erstattung kontrolle beratung "
    "management übersicht formular"
)
PLAIN = _list(
    "VPN Outlook Teams SharePoint Excel Word Bahncard Visum Hotel Flug Mietwagen Catering "
    "Empfang Poststelle Schlüssel Klimaanlage Reinigung Betriebsrat Elternzeit Teilzeit "
    "Mutterschutz Krankengeld Pfändung Sabbatical Onboarding Recruiting Intranet Newsletter "
    "Logo Visitenkarten LinkedIn Sponsoring Provision Courtage Forecast Kostenstelle Skonto"
)
DEPARTMENTS = _list(
    "Personal|Entgeltabrechnung|Finanzen|Controlling|Einkauf|IT-Service|Recht|Datenschutz|"
    "Kommunikation|Vertrieb|Reisemanagement|Gebäudeservice|Vorstandsbüro|Arbeitssicherheit|"
    "Fuhrpark|Veranstaltungen|Schaden|Betriebsrat",
    "|",
)
CITIES = ("Hamburg", "Köln", "München", "Berlin", "Frankfurt", "Stuttgart", "Leipzig")
TEMPLATES = (
    "Wer kennt sich mit {t} aus?",
    "Wie läuft das mit {t} bei uns in {c}?",
    "Ich brauche Hilfe bei {t}, wer ist zuständig?",
    "Wo finde ich die aktuelle {t}?",
    "Kann mir jemand bei {t} und {u} helfen?",
    "Mein Chef fragt nach {t} – an wen wende ich mich?",
    "Bis wann muss {t} eingereicht werden?",
    "Who can help me with {t} in {c}?",
    "{t} geht seit gestern nicht mehr, wer hilft?",
)


def _topics() -> list[str]:
    compounds = [m + h for m in MODIFIERS for h in HEADS]
    return compounds + PLAIN


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 7:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def build_org(
    rng: random.Random, experts: int, history: int
) -> tuple[list[ExpertProfile], list[AnsweredQuestion]]:
    """A seeded synthetic organisation: expert profiles and answered questions."""
    pool = _topics()
    people: list[ExpertProfile] = []
    for n in range(experts):
        department = rng.choice(DEPARTMENTS)
        topics = tuple(rng.sample(pool, rng.randint(5, 10)))
        people.append(
            ExpertProfile(
                id=f"e{n:05d}",
                name=f"Person {n}",
                department=department,
                title=f"Assistenz {department}",
                location=rng.choice(CITIES),
                topics=topics,
                about=f"Ich betreue {topics[0]} und {topics[1]} für {department}.",
            )
        )
    start = datetime(2024, 1, 1, tzinfo=UTC)
    answered = [
        AnsweredQuestion(
            f"h{n}",
            _question(rng, rng.choice(people)),
            expert.id,
            start + timedelta(minutes=17 * n),
        )
        for n, expert in enumerate(rng.choice(people) for _ in range(history))
    ]
    return people, answered


def _question(rng: random.Random, expert: ExpertProfile, typo: bool = False) -> str:
    topic, other = rng.choice(expert.topics), rng.choice(expert.topics)
    if typo:
        topic = _typo(rng, topic)
    return rng.choice(TEMPLATES).format(t=topic, u=other, c=rng.choice(CITIES))


def _with_decisions(
    rng: random.Random,
    router: ExpertRouter,
    people: list[ExpertProfile],
    answered: list[AnsweredQuestion],
    count: int,
) -> PoolRouter:
    """The pool's router with ``count`` decisions of the last year on answered questions:
    every other one a decline by the answerer, the rest a forward to a random colleague."""
    now = datetime.now(UTC)
    learnt = []
    for n in range(count):
        asked = rng.choice(answered)
        expert = asked.answered_by if n % 2 == 0 else rng.choice(people).id
        kind: SignalKind = "declined" if n % 2 == 0 else "forwarded_to"
        when = now - timedelta(days=rng.uniform(0, 364))
        signal = DecisionSignal("bench", n, expert, kind, when)
        learnt.append(LearntDecision(signal, asked.text))
    return PoolRouter(router, len(people), DecisionAdjuster(learnt, router.coverage, now))


def main() -> None:
    """Run the benchmark and print JSON lines."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--experts", type=int, default=2000)
    parser.add_argument("--history", type=int, default=50000)
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--decisions", type=int, default=5000, help="declines/forwards learnt (the last year)"
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    people, answered = build_org(rng, args.experts, args.history)
    asked = [rng.choice(people) for _ in range(args.questions)]
    questions = [_question(rng, e, typo=rng.random() < 0.2) for e in asked]
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    router = ExpertRouter(people, answered)
    build_s = time.perf_counter() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    latencies, hits = [], 0
    for question, expert in zip(questions, asked, strict=True):
        t0 = time.perf_counter()
        result = router.rank(question, k=3)
        latencies.append((time.perf_counter() - t0) * 1000.0)
        hits += expert.id in [c.expert_id for c in result.candidates]
    latencies.sort()
    learnt = _with_decisions(rng, router, people, answered, args.decisions)
    decided = []
    for question in questions:
        t0 = time.perf_counter()
        learnt.rank(question, k=6)
        decided.append((time.perf_counter() - t0) * 1000.0)
    decided.sort()
    # A second build under tracemalloc measures the index's own allocations (slower).
    tracemalloc.start()
    ExpertRouter(people, answered)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        json.dumps(
            {
                "bench": "scale",
                "experts": args.experts,
                "history": args.history,
                "questions": args.questions,
                "build_s": round(build_s, 2),
                "p50_ms": round(latencies[len(latencies) // 2], 3),
                "p99_ms": round(latencies[max(0, int(len(latencies) * 0.99) - 1)], 3),
                "max_ms": round(latencies[-1], 3),
                # The same questions through the pool's router with the decisions learnt.
                "decisions": args.decisions,
                "with_decisions_p50_ms": round(decided[len(decided) // 2], 3),
                "with_decisions_p99_ms": round(decided[max(0, int(len(decided) * 0.99) - 1)], 3),
                # Topics are shared by several synthetic experts, so this is a sanity figure only.
                "asker_topic_owner_in_top3": round(hits / len(questions), 3),
                "build_peak_traced_mb": round(traced_peak / 2**20, 1),
                "rss_growth_during_build_mb": round((rss_after - rss_before) / 1024, 1),
                "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            }
        )
    )
    if DEV_SET.is_dir():
        directory, history, labelled = (
            DEV_SET / n for n in ("directory.json", "history.jsonl", "questions.jsonl")
        )
        for name in ("baseline", "ours"):
            figures = evaluate(
                directory, history, labelled, router="baseline" if name == "baseline" else "ours"
            )
            print(json.dumps({"bench": "dev-set", "router": name, **figures}))


if __name__ == "__main__":
    main()

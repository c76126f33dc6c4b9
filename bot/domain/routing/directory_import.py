"""Expert records from a directory file or from Graph, and the rule that merges an import."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from bot.domain.graph_types import Person
from bot.domain.routing.experts import DEFAULT_POOL, ExpertRecord

# Languages an expert can be asked in; endonyms, so the labels need no translation.
LANGUAGES: Mapping[str, str] = {
    "de": "Deutsch", "en": "English", "fr": "Français", "es": "Español", "it": "Italiano",
    "nl": "Nederlands", "pl": "Polski", "pt": "Português", "tr": "Türkçe", "ru": "Русский",
    "uk": "Українська", "ar": "العربية", "zh": "中文",
}  # fmt: skip
MAX_TOPICS = 30
MAX_TOPIC_LENGTH = 80
MAX_ABOUT_LENGTH = 1000
# What the expert maintains on the profile card; an import never overwrites it.
PROFILE_FIELDS = ("topics", "languages", "about", "deputy_key", "paused_until")
# Column sizes of the experts table: longer values would fail on PostgreSQL.
_TEXT_LIMITS = {"id": 200, "name": 200, "email": 320, "department": 200, "title": 200,
                "location": 300, "about": MAX_ABOUT_LENGTH}  # fmt: skip
_LIST_FIELDS = ("languages", "topics")


class DirectoryError(ValueError):
    """A directory file that cannot be imported; ``problems`` lists every finding in German."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("Die Verzeichnisdatei ist ungültig:\n- " + "\n- ".join(problems))
        self.problems = tuple(problems)


def clean_topics(topics: Iterable[str]) -> tuple[str, ...]:
    """Trimmed topics without empties and case-insensitive duplicates, in the given order."""
    seen: set[str] = set()
    result = []
    for topic in topics:
        text = " ".join(topic.split())
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            result.append(text)
    return tuple(result)


def topic_problem(topics: tuple[str, ...]) -> str | None:
    """A German description of why cleaned topics break the limits, or None."""
    if len(topics) > MAX_TOPICS:
        return f"höchstens {MAX_TOPICS} Themen erlaubt, angegeben sind {len(topics)}"
    for topic in topics:
        if len(topic) > MAX_TOPIC_LENGTH:
            return f"das Thema „{topic[:40]}…“ ist länger als {MAX_TOPIC_LENGTH} Zeichen"
    return None


def parse_directory(data: Mapping[str, Any], pool_id: str = DEFAULT_POOL) -> list[ExpertRecord]:
    """Validate a directory file ({"organization", "experts": [...]}) into expert records."""
    if not isinstance(data, Mapping):
        raise DirectoryError(["Die Datei muss ein JSON-Objekt sein."])
    entries = data.get("experts")
    if not isinstance(entries, list):
        missing = "experts" not in data
        raise DirectoryError(
            ["Das Feld „experts“ " + ("fehlt." if missing else "muss eine Liste sein.")]
        )
    problems: list[str] = []
    records: list[ExpertRecord] = []
    first_seen: dict[str, int] = {}
    for number, entry in enumerate(entries, start=1):
        record = _parse_entry(entry, number, pool_id, problems)
        if record is None:
            continue
        if record.user_key in first_seen:
            problems.append(
                f"Eintrag {number}: die id „{record.user_key}“ kommt schon in Eintrag "
                f"{first_seen[record.user_key]} vor."
            )
            continue
        first_seen[record.user_key] = number
        records.append(record)
    if problems:
        raise DirectoryError(problems)
    return records


def _parse_entry(
    entry: object, number: int, pool_id: str, problems: list[str]
) -> ExpertRecord | None:
    if not isinstance(entry, Mapping):
        problems.append(f"Eintrag {number}: muss ein JSON-Objekt sein.")
        return None
    label = f"Eintrag {number}" + (
        f" („{entry['id']}“)" if isinstance(entry.get("id"), str) else ""
    )
    before = len(problems)
    for name in sorted(set(entry) - set(_TEXT_LIMITS) - set(_LIST_FIELDS)):
        problems.append(f"{label}: unbekanntes Feld „{name}“.")
    for name in ("id", "name"):
        if not (isinstance(entry.get(name), str) and entry[name].strip()):
            problems.append(f"{label}: Pflichtfeld „{name}“ fehlt oder ist leer.")
    for name, limit in _TEXT_LIMITS.items():
        value = entry.get(name)
        if value is not None and not isinstance(value, str):
            problems.append(f"{label}: „{name}“ muss ein Text sein.")
        elif isinstance(value, str) and len(value) > limit:
            problems.append(f"{label}: „{name}“ ist länger als {limit} Zeichen.")
    lists = {name: entry.get(name) or [] for name in _LIST_FIELDS}
    for name, items in lists.items():
        if not (isinstance(items, list) and all(isinstance(i, str) for i in items)):
            problems.append(f"{label}: „{name}“ muss eine Liste von Texten sein.")
            lists[name] = []
    languages = tuple(dict.fromkeys(code.strip().lower() for code in lists["languages"]))
    for code in languages:
        if code not in LANGUAGES:
            problems.append(
                f"{label}: unbekannte Sprache „{code}“ (erlaubt: {', '.join(LANGUAGES)})."
            )
    topics = clean_topics(lists["topics"])
    if problem := topic_problem(topics):
        problems.append(f"{label}: {problem}.")
    if len(problems) > before:
        return None
    return ExpertRecord(
        pool_id=pool_id,
        user_key=entry["id"].strip(),
        name=entry["name"].strip(),
        email=(entry.get("email") or "").strip() or None,
        department=entry.get("department") or "",
        title=entry.get("title") or "",
        location=entry.get("location") or "",
        languages=languages,
        topics=topics,
        about=(entry.get("about") or "").strip(),
        source="directory",
    )


def record_from_person(person: Person, pool_id: str = DEFAULT_POOL) -> ExpertRecord:
    """Seed an expert from Graph profile data (no topics yet; the expert adds them)."""
    language = (person.preferred_language or "").split("-", 1)[0].lower()
    return ExpertRecord(
        pool_id=pool_id,
        user_key=person.id,
        # Graph allows longer values than the experts table holds.
        name=person.display_name[: _TEXT_LIMITS["name"]],
        email=(person.mail or "")[: _TEXT_LIMITS["email"]] or None,
        department=(person.department or "")[: _TEXT_LIMITS["department"]],
        title=(person.job_title or "")[: _TEXT_LIMITS["title"]],
        location=(person.office_location or "")[: _TEXT_LIMITS["location"]],
        languages=(language,) if language in LANGUAGES else (),
        source="graph",
    )


def merge_import(existing: ExpertRecord | None, imported: ExpertRecord) -> ExpertRecord:
    """Refresh directory data from an import; keep what the expert maintained on the profile.

    Empty imported values never blank stored ones: a source that lacks a field (Graph has no
    topics, a file may lack locations) says nothing about it.
    """
    if existing is None:
        return imported
    keep_profile = existing.source == "profile"
    changes: dict[str, Any] = {}
    for name in ("name", "email", "department", "title", "location", *PROFILE_FIELDS):
        new, old = getattr(imported, name), getattr(existing, name)
        profile_field = name in PROFILE_FIELDS
        changes[name] = old if (profile_field and keep_profile) or not new else new
    changes["source"] = "profile" if keep_profile else imported.source
    return replace(existing, **changes)

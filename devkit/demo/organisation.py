"""The demo organisation "Nordlicht Demo GmbH": typed view of organisation.json."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, model_validator
from pydantic.alias_generators import to_camel

from bot.domain.graph_types import AutomaticReplies, Person, Room

DEFAULT_PATH = Path(__file__).with_name("organisation.json")
PLAYGROUND_CONFIG_PATH = Path(__file__).with_name("m365agentsplayground.yml")


class _Model(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, frozen=True, extra="forbid"
    )


class Site(_Model):
    """A company site; room `building` and person `officeLocation` start with its name."""

    name: str
    city: str
    street: str
    postal_code: str
    country_or_region: str


class BotAccount(_Model):
    """The bot as the Teams client (Playground) knows it."""

    id: str
    name: str


class AutomaticRepliesSeed(_Model):
    """Out-of-office state; scheduled windows are whole days relative to "today"."""

    status: Literal["disabled", "alwaysEnabled", "scheduled"]
    start_day_offset: int | None = None
    end_day_offset: int | None = None
    internal_reply_message: str = ""
    external_reply_message: str = ""

    def resolve(self, today: date, zone: ZoneInfo) -> AutomaticReplies:
        """Return the concrete state with the schedule anchored at local midnight of today."""
        note = self.internal_reply_message
        if self.status != "scheduled":
            return AutomaticReplies(status=self.status, internal_message=note)
        start = _local_midnight(today + timedelta(days=self.start_day_offset or 0), zone)
        end = _local_midnight(today + timedelta(days=self.end_day_offset or 0), zone)
        return AutomaticReplies(
            status="scheduled", scheduled_start=start, scheduled_end=end, internal_message=note
        )


class DemoPerson(_Model):
    """A Graph user of the demo tenant, plus whether they are a department assistant and the
    object id of their manager (Entra's `manager`; an assistant's is the executive they assist)."""

    id: str
    display_name: str
    given_name: str
    surname: str
    mail: str
    user_principal_name: str
    department: str
    job_title: str
    office_location: str
    preferred_language: str
    is_assistant: bool = False
    automatic_replies: AutomaticRepliesSeed | None = None
    manager: str | None = None
    employee_hire_date: str | None = None  # Graph's employeeHireDate, "2016-12-13T00:00:00Z"

    def to_person(self) -> Person:
        """Map to the domain value type."""
        return Person(
            id=self.id,
            display_name=self.display_name,
            mail=self.mail,
            department=self.department,
            job_title=self.job_title,
            office_location=self.office_location,
            preferred_language=self.preferred_language,
            employee_hire_date=(
                datetime.fromisoformat(self.employee_hire_date)
                if self.employee_hire_date
                else None
            ),
        )


class DemoGroup(_Model):
    """An Entra group; members are user ids or ids of nested groups."""

    id: str
    display_name: str
    mail_nickname: str
    mail: str
    description: str
    group_types: tuple[str, ...] = ()
    members: tuple[str, ...] = ()


class Channel(_Model):
    """A Teams channel; General has the team's id."""

    id: str
    name: str


class DemoTeam(_Model):
    """The Teams team, backed by the Entra group `group_id`."""

    id: str
    name: str
    group_id: str
    channels: tuple[Channel, ...]


class DemoRoom(_Model):
    """A Graph room place plus bot policy data (restricted, owners) that Graph never serves."""

    id: str
    email_address: str
    display_name: str
    capacity: int
    building: str
    floor_number: int
    floor_label: str
    tags: tuple[str, ...] = ()
    is_wheel_chair_accessible: bool = False
    video_device_name: str | None = None
    audio_device_name: str | None = None
    display_device_name: str | None = None
    booking_type: Literal["standard", "reserved", "unknown"] = "standard"
    restricted: bool = False
    owners: tuple[str, ...] = ()

    def to_room(self, city: str | None = None) -> Room:
        """Map to the domain value type (``city``: from the site's postal address)."""
        return Room(
            id=self.id,
            email=self.email_address,
            display_name=self.display_name,
            capacity=self.capacity,
            building=self.building,
            city=city,
            floor_number=self.floor_number,
            floor_label=self.floor_label,
            tags=self.tags,
            is_wheelchair_accessible=self.is_wheel_chair_accessible,
            video_device_name=self.video_device_name,
            audio_device_name=self.audio_device_name,
            display_device_name=self.display_device_name,
            booking_type=self.booking_type,
        )


Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAYS: tuple[Weekday, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip


class CalendarSeed(_Model):
    """A busy block in a mailbox: weekly on `weekdays`, or once on today + `day_offset`."""

    mailbox: str
    organizer: str
    subject: str
    start: time
    end: time
    weekdays: tuple[Weekday, ...] = ()
    day_offset: int | None = None
    show_as: Literal["busy", "tentative", "oof"] = "busy"


class DemoOrganisation(_Model):
    """The whole demo tenant."""

    name: str
    domain: str
    tenant_id: str
    time_zone: str
    sites: tuple[Site, ...]
    bot: BotAccount
    people: tuple[DemoPerson, ...]
    groups: tuple[DemoGroup, ...]
    team: DemoTeam
    rooms: tuple[DemoRoom, ...]
    calendar_seeds: tuple[CalendarSeed, ...] = ()

    @model_validator(mode="after")
    def _managers_exist(self) -> DemoOrganisation:
        ids = {p.id for p in self.people}
        for person in self.people:
            if person.manager is not None and (
                person.manager not in ids or person.manager == person.id
            ):
                raise ValueError(f"{person.display_name}: unknown manager {person.manager!r}")
        return self

    @cached_property
    def zone(self) -> ZoneInfo:
        """The organisation's time zone."""
        return ZoneInfo(self.time_zone)

    def person(self, id_or_mail: str) -> DemoPerson | None:
        """Find a person by object id, mail or UPN (case-insensitive)."""
        key = id_or_mail.lower()
        for person in self.people:
            if key in (person.id.lower(), person.mail.lower(), person.user_principal_name.lower()):
                return person
        return None

    def group(self, group_id: str) -> DemoGroup | None:
        """Find a group by id."""
        return next((g for g in self.groups if g.id.lower() == group_id.lower()), None)

    def room(self, id_or_mail: str) -> DemoRoom | None:
        """Find a room by place id or mailbox address (case-insensitive)."""
        key = id_or_mail.lower()
        return next(
            (r for r in self.rooms if key in (r.id.lower(), r.email_address.lower())), None
        )

    def site_of(self, location: str) -> Site | None:
        """The site a room's building or a person's office location starts with."""
        return next((s for s in self.sites if location.startswith(s.name)), None)

    def graph_room(self, room: DemoRoom) -> Room:
        """The room as Graph places report it, with the city of its site's address."""
        site = self.site_of(room.building)
        return room.to_room(city=site.city if site else None)

    def room_policy(self) -> dict[str, list[str]]:
        """The demo's broker policy: restricted room mailbox -> approver object ids."""
        return {r.email_address.lower(): list(r.owners) for r in self.rooms if r.restricted}

    def transitive_people(self, group_id: str) -> list[DemoPerson]:
        """Users in a group, nested groups expanded, each once, in membership order."""
        seen: set[str] = set()
        result: list[DemoPerson] = []
        stack = [group_id]
        visited_groups: set[str] = set()
        while stack:
            group = self.group(stack.pop(0))
            if group is None or group.id in visited_groups:
                continue
            visited_groups.add(group.id)
            for member in group.members:
                person = self.person(member)
                if person is None:
                    stack.append(member)
                elif person.id not in seen:
                    seen.add(person.id)
                    result.append(person)
        return result

    def automatic_replies(self, id_or_mail: str, today: date) -> AutomaticReplies:
        """Out-of-office state of a person ("disabled" when none is configured, "unknown" for
        nobody of the organisation, as Graph's 404)."""
        person = self.person(id_or_mail)
        if person is None:
            return AutomaticReplies(status="unknown")
        if person.automatic_replies is None:
            return AutomaticReplies(status="disabled")
        return person.automatic_replies.resolve(today, self.zone)

    def local_today(self, now: datetime) -> date:
        """The calendar date in the organisation's time zone at `now`."""
        return now.astimezone(self.zone).date()


def _local_midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=zone).astimezone(UTC)


def load_demo_organisation(path: Path | None = None) -> DemoOrganisation:
    """Load and validate the demo organisation (default: the bundled organisation.json)."""
    text = (path or DEFAULT_PATH).read_text(encoding="utf-8")
    return DemoOrganisation.model_validate_json(text)

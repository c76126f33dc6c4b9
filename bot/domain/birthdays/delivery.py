"""What goes out: reminder DMs and greetings in the network channel, each one durable job
with a dedup key (consent checked again when it runs; one greeting per colleague and day,
also when clicked twice or on two replicas)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from bot.domain.birthdays.model import BirthdayError, BirthdayProfile, Occasion, Visibility
from bot.domain.birthdays.planning import may_learn_birthday
from bot.domain.birthdays.service import GREET_JOB, BirthdayService, UndeliverableError
from bot.domain.birthdays.views import Reminder

# A greeting may come a little late, never early, never for a birthday long past.
GREET_LATE = timedelta(days=2)


@dataclass
class BirthdayDelivery:
    """Sends reminders and posts greetings."""

    service: BirthdayService

    async def remind(self, payload: dict[str, Any]) -> bool:
        """Job: one reminder DM, if the person still shares it with the recipient (a consent
        withdrawn meanwhile wins) and both are still in a team with the app (who left since
        the daily run is neither announced nor reminded); False when nothing was sent."""
        service = self.service
        to, person = str(payload["to"]), str(payload["person"])
        occasion, day = Occasion(str(payload["occasion"])), date.fromisoformat(payload["day"])
        profile = await service.repo.get(person)
        if profile is None or not await self._still_shared(profile, to, occasion, day):
            return False
        if not await service.in_network(person) or not await service.in_network(to):
            return False  # one of them left every team since the daily run
        found = await service.directory.get_person(person)
        reminder = Reminder(
            person_key=person,
            person_name=found.display_name if found else profile.name,
            person_mail=found.mail if found else "",
            occasion=occasion,
            day=day,
            ahead=int(payload["ahead"]),
            years=int(payload.get("years") or 0),
            # Greetings go to the channel on the day, and from a belated note while a greeting
            # is still taken (GREET_LATE); before the day, or later, a chat link only.
            in_channel=occasion is Occasion.BIRTHDAY
            and profile.visibility is Visibility.NETWORK
            and -GREET_LATE.days <= int(payload["ahead"]) <= 0,
        )
        lang = await service.languages.language_of(to)
        card = service.views.reminder_card(reminder, lang)
        tenant = payload.get("tenant")
        if await service.notifier.send_direct(to, card, str(tenant) if tenant else None) is None:
            raise UndeliverableError(to)
        return True

    async def _still_shared(
        self, profile: BirthdayProfile, to: str, occasion: Occasion, day: date
    ) -> bool:
        repo = self.service.repo
        follows = any(f.followed_key == profile.user_key for f in await repo.following(to))
        if occasion is Occasion.JUBILEE:
            return profile.jubilee and follows
        recipient = await repo.get(to)
        subscriber = recipient is not None and recipient.remind_network
        shared = may_learn_birthday(profile, to, follows, subscriber)
        return shared and self.service.celebrated(profile, day)

    async def congratulate(self, from_key: str, from_name: str, person: str, day: date) -> bool:
        """Post a greeting in the network channel; False when this colleague already did.

        Refused (BirthdayError) unless the person shares the birthday with the network, is
        still in a team with the app, and it is that day or a day or two after: a stale or
        forged card changes nothing."""
        service = self.service
        profile = await service.repo.get(person)
        if profile is None or profile.visibility is not Visibility.NETWORK:
            raise BirthdayError("not_shared")
        today = service.today()
        near = day <= today <= day + GREET_LATE
        if not service.celebrated(profile, day) or not near:
            raise BirthdayError("stale")
        if from_key == person:
            raise BirthdayError("self")
        if not await service.in_network(person):
            raise BirthdayError("left")
        if await service.channel.place() is None:
            raise BirthdayError("no_channel")
        payload = {"from": from_key, "from_name": from_name[:200], "person": person,
                   "day": day.isoformat()}  # fmt: skip
        key = f"{GREET_JOB}:{day.isoformat()}:{person}:{from_key}"
        # A job and not a send now: its dedup key stays after the post, so a second click
        # (or the same click on another replica) posts nothing.
        return await service.jobs.schedule(GREET_JOB, payload, service.clock.now(), key)

    async def greet(self, payload: dict[str, Any]) -> None:
        """Job: post the greeting card (retried by the runner while the channel fails)."""
        service = self.service
        profile = await service.repo.get(str(payload["person"]))
        if profile is None or profile.visibility is not Visibility.NETWORK:
            return  # withdrawn meanwhile: nothing is posted about the person
        if not await service.in_network(profile.user_key):
            return  # left every team with the app meanwhile: not announced in its channel
        place = await service.channel.place()
        if place is None:
            raise UndeliverableError("channel")
        found = await service.directory.get_person(profile.user_key)
        name = found.display_name if found else profile.name
        lang = service.policy.channel_language
        card = service.views.greeting_card(str(payload["from_name"]), name, lang)
        await service.notifier.post_card(place, card)

"""The Directory port over msgraph-sdk: users, group members, automatic replies."""

from __future__ import annotations

import warnings
from collections.abc import Sequence

from kiota_abstractions.base_request_configuration import RequestConfiguration
from msgraph.generated.models.o_data_errors.o_data_error import ODataError
from msgraph.generated.models.user import User
from msgraph.graph_service_client import GraphServiceClient

from bot.adapters.graph.mapping import USER_FIELDS, enum_value, from_dtz, to_person
from bot.domain.graph_types import AutomaticReplies, Person

with warnings.catch_warnings():
    # msgraph-sdk's generated request builders warn about their own deprecated classes.
    warnings.simplefilter("ignore", DeprecationWarning)
    from msgraph.generated.groups.item.transitive_members.graph_user.graph_user_request_builder import (  # noqa: E501
        GraphUserRequestBuilder,
    )
    from msgraph.generated.users.item.direct_reports.direct_reports_request_builder import (
        DirectReportsRequestBuilder,
    )
    from msgraph.generated.users.item.mailbox_settings.mailbox_settings_request_builder import (
        MailboxSettingsRequestBuilder,
    )
    from msgraph.generated.users.item.manager.manager_request_builder import (
        ManagerRequestBuilder,
    )
    from msgraph.generated.users.item.user_item_request_builder import UserItemRequestBuilder
    from msgraph.generated.users.users_request_builder import UsersRequestBuilder


def is_not_found(exc: ODataError) -> bool:
    """True for Graph's 404 answers."""
    return exc.response_status_code == 404


class GraphDirectory:
    """People and groups from Microsoft Graph (needs User.Read.All, GroupMember.Read.All,
    MailboxSettings.Read)."""

    def __init__(self, client: GraphServiceClient) -> None:
        self._client = client

    async def get_person(self, user_id_or_mail: str) -> Person | None:
        """Look up by object id or UPN; a mail that is not the UPN is found via $filter."""
        config = RequestConfiguration(
            query_parameters=UserItemRequestBuilder.UserItemRequestBuilderGetQueryParameters(
                select=USER_FIELDS
            )
        )
        try:
            user = await self._client.users.by_user_id(user_id_or_mail).get(config)
        except ODataError as exc:
            if not is_not_found(exc):
                raise
            return await self._find_by_mail(user_id_or_mail) if "@" in user_id_or_mail else None
        return to_person(user) if user is not None else None

    async def _find_by_mail(self, mail: str) -> Person | None:
        literal = mail.replace("'", "''")
        config = RequestConfiguration(
            query_parameters=UsersRequestBuilder.UsersRequestBuilderGetQueryParameters(
                filter=f"mail eq '{literal}'", select=USER_FIELDS, top=1
            )
        )
        page = await self._client.users.get(config)
        users = page.value if page is not None and page.value else []
        return to_person(users[0]) if users else None

    async def get_manager(self, user_id_or_mail: str) -> Person | None:
        """The manager (a directoryObject; only a user counts); 404 = no manager or unknown."""
        query = ManagerRequestBuilder.ManagerRequestBuilderGetQueryParameters
        config = RequestConfiguration(query_parameters=query(select=USER_FIELDS))
        try:
            manager = await self._client.users.by_user_id(user_id_or_mail).manager.get(config)
        except ODataError as exc:
            if is_not_found(exc):
                return None
            raise
        return to_person(manager) if isinstance(manager, User) else None

    async def list_group_members(self, group_id: str) -> Sequence[Person]:
        """Transitive user members, following @odata.nextLink pages."""
        builder = self._client.groups.by_group_id(group_id).transitive_members.graph_user
        config = RequestConfiguration(
            query_parameters=GraphUserRequestBuilder.GraphUserRequestBuilderGetQueryParameters(
                select=USER_FIELDS, top=999
            )
        )
        people: list[Person] = []
        page = await builder.get(config)
        while page is not None:
            people.extend(to_person(user) for user in page.value or ())
            if not page.odata_next_link:
                break
            page = await builder.with_url(page.odata_next_link).get()
        return people

    async def find_people(self, name: str) -> Sequence[Person]:
        """Users whose surname, given name or display name starts with ``name`` (Graph's
        $filter has startswith but, on /users, no reliable "or": one query per property)."""
        literal = name.replace("'", "''")
        found: dict[str, Person] = {}
        for field in ("surname", "givenName", "displayName"):
            config = RequestConfiguration(
                query_parameters=UsersRequestBuilder.UsersRequestBuilderGetQueryParameters(
                    filter=f"startswith({field},'{literal}')", select=USER_FIELDS, top=25
                )
            )
            page = await self._client.users.get(config)
            for user in (page.value if page is not None else None) or ():
                person = to_person(user)
                found.setdefault(person.id, person)
        return list(found.values())

    async def direct_reports(self, user_id_or_mail: str) -> Sequence[Person]:
        """GET /users/{id}/directReports (users only); an unknown person has none."""
        query = DirectReportsRequestBuilder.DirectReportsRequestBuilderGetQueryParameters
        config = RequestConfiguration(query_parameters=query(select=USER_FIELDS, top=100))
        builder = self._client.users.by_user_id(user_id_or_mail).direct_reports
        try:
            page = await builder.get(config)
        except ODataError as exc:
            if is_not_found(exc):
                return []
            raise
        return [to_person(u) for u in (page.value if page else None) or () if isinstance(u, User)]

    async def get_automatic_replies(self, user_id_or_mail: str) -> AutomaticReplies:
        """Out-of-office state; an unknown mailbox has status "unknown" (never active)."""
        query = MailboxSettingsRequestBuilder.MailboxSettingsRequestBuilderGetQueryParameters
        config = RequestConfiguration(query_parameters=query(select=["automaticRepliesSetting"]))
        try:
            settings = await self._client.users.by_user_id(user_id_or_mail).mailbox_settings.get(
                config
            )
        except ODataError as exc:
            if is_not_found(exc):
                return AutomaticReplies(status="unknown")
            raise
        replies = settings.automatic_replies_setting if settings is not None else None
        if replies is None:
            return AutomaticReplies(status="disabled")
        status = enum_value(replies.status, "disabled")
        note = replies.internal_reply_message or ""
        if status != "scheduled":
            return AutomaticReplies(status=status, internal_message=note)
        return AutomaticReplies(
            status=status,
            scheduled_start=from_dtz(replies.scheduled_start_date_time),
            scheduled_end=from_dtz(replies.scheduled_end_date_time),
            internal_message=note,
        )

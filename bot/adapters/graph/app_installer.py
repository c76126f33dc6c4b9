"""The PersonalAppInstaller port over msgraph-sdk: users/{id}/teamwork/installedApps.

Needs the application permission TeamsAppInstallation.ReadWriteSelfForUser.All, which only
lets the bot install, list and remove its own app.
"""

from __future__ import annotations

import warnings

import structlog
from kiota_abstractions.api_error import APIError
from kiota_abstractions.base_request_configuration import RequestConfiguration
from msgraph.generated.models.o_data_errors.o_data_error import ODataError
from msgraph.generated.models.user_scope_teams_app_installation import (
    UserScopeTeamsAppInstallation,
)
from msgraph.graph_service_client import GraphServiceClient

from bot.domain.reach import InstallOutcome

with warnings.catch_warnings():
    # msgraph-sdk's generated request builders warn about their own deprecated classes.
    warnings.simplefilter("ignore", DeprecationWarning)
    from msgraph.generated.users.item.teamwork.installed_apps.installed_apps_request_builder import (  # noqa: E501
        InstalledAppsRequestBuilder,
    )

log = structlog.get_logger(__name__)

_OUTCOME_BY_STATUS = {
    409: InstallOutcome.ALREADY_INSTALLED,
    403: InstallOutcome.FORBIDDEN,
    404: InstallOutcome.NOT_FOUND,
    # msgraph-sdk's retry middleware has already waited and retried by the time 429 surfaces.
    429: InstallOutcome.THROTTLED,
}


class GraphAppInstaller:
    """Installs the catalogue app `catalog_app_id` for people and finds its 1:1 chat."""

    def __init__(self, client: GraphServiceClient, catalog_app_id: str) -> None:
        if not catalog_app_id:
            raise ValueError("catalog_app_id is required (TEAMS_APP_CATALOG_ID)")
        self._client = client
        self._literal = catalog_app_id.replace("'", "''")  # an OData string literal
        # Graph resolves the bind against its own service root: the configured base URL keeps
        # national clouds (and the simulator) working.
        base_url = client.request_adapter.base_url.rstrip("/")
        self._bind = f"{base_url}/appCatalogs/teamsApps/{catalog_app_id}"

    async def install_for(self, user_id: str) -> InstallOutcome:
        """POST installedApps; Graph answers 409 when the app is already there."""
        body = UserScopeTeamsAppInstallation(additional_data={"teamsApp@odata.bind": self._bind})
        try:
            await self._client.users.by_user_id(user_id).teamwork.installed_apps.post(body)
        except APIError as exc:
            outcome = _OUTCOME_BY_STATUS.get(exc.response_status_code or 0)
            if outcome is None:
                raise
            if outcome is InstallOutcome.FORBIDDEN:
                # 403 is either a policy blocking this person or a missing admin consent for
                # the whole app; only Graph's message tells them apart.
                log.warning("app_install_forbidden", user_id=user_id, error=_message(exc))
            return outcome
        return InstallOutcome.INSTALLED

    async def personal_chat_id(self, user_id: str) -> str | None:
        """Find our installation in the person's apps, then read its chat."""
        installed_apps = self._client.users.by_user_id(user_id).teamwork.installed_apps
        query = InstalledAppsRequestBuilder.InstalledAppsRequestBuilderGetQueryParameters(
            expand=["teamsApp"], filter=f"teamsApp/id eq '{self._literal}'"
        )
        try:
            page = await installed_apps.get(RequestConfiguration(query_parameters=query))
            found = page.value if page is not None and page.value else []
            if not found or not found[0].id:
                return None
            chat = await installed_apps.by_user_scope_teams_app_installation_id(
                found[0].id
            ).chat.get()
        except APIError as exc:
            if exc.response_status_code == 404:
                return None
            raise
        return chat.id if chat is not None and chat.id else None


def _message(exc: APIError) -> str:
    if isinstance(exc, ODataError) and exc.error is not None:
        return f"{exc.error.code}: {exc.error.message}"
    return str(exc)

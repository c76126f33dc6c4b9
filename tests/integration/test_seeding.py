"""Admin seeding: the demo directory file and the members of an Entra group via Graph."""

from __future__ import annotations

from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.experts import SqlExpertRepository
from bot.seeding import import_experts_file, seed_experts_from_graph
from devkit.demo.organisation import load_demo_organisation
from devkit.demo.runner import DEMO_EXPERTS
from devkit.graph_simulator import running_simulator
from tests.conftest import local_settings

NETWORK_GROUP = "6f3f5768-dc66-58e8-9a1a-7cb3acd78e08"


async def test_graph_seed_keeps_directory_topics_and_fills_pools(database_url: str) -> None:
    async with running_simulator(load_demo_organisation()) as graph_url:
        settings = local_settings(database_url, graph_base_url=graph_url)
        imported = await import_experts_file(settings, DEMO_EXPERTS, "default")
        seeded = await seed_experts_from_graph(settings, NETWORK_GROUP, "default")
        again = await seed_experts_from_graph(settings, NETWORK_GROUP, "second-team")
    assert imported.added == 13 and seeded.added == 0 and again.added == 12
    engine = create_engine(database_url)
    repo = SqlExpertRepository(create_session_factory(engine))
    try:
        default = {e.name: e for e in await repo.list_pool("default")}
        second = await repo.list_pool("second-team")
    finally:
        await engine.dispose()
    assert "Vorstandstermine" in default["Sabine Krüger"].topics  # directory data kept
    assert default["Sabine Krüger"].department == "Vorstand"
    assert {e.source for e in second} == {"graph"} and len(second) == 12

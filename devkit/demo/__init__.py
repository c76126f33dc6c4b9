"""Demo data: the "Nordlicht Demo GmbH" organisation and its Agents Playground config."""

from devkit.demo.calendar_seed import SeedOccurrence, expand_calendar_seeds
from devkit.demo.organisation import (
    DEFAULT_PATH,
    PLAYGROUND_CONFIG_PATH,
    DemoOrganisation,
    DemoPerson,
    DemoRoom,
    load_demo_organisation,
)

__all__ = [
    "DEFAULT_PATH",
    "PLAYGROUND_CONFIG_PATH",
    "DemoOrganisation",
    "DemoPerson",
    "DemoRoom",
    "SeedOccurrence",
    "expand_calendar_seeds",
    "load_demo_organisation",
]

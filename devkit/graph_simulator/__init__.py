"""A local Microsoft Graph stand-in (aiohttp) for demo mode and tests."""

from devkit.graph_simulator.server import create_simulator_app, running_simulator
from devkit.graph_simulator.state import STATE_KEY, Fault, SimulatorState

__all__ = ["STATE_KEY", "Fault", "SimulatorState", "create_simulator_app", "running_simulator"]

"""A local Microsoft Graph stand-in (aiohttp) for demo mode and tests."""

from bot.adapters.graph.simulator.server import create_simulator_app, running_simulator
from bot.adapters.graph.simulator.state import STATE_KEY, Fault, SimulatorState

__all__ = ["STATE_KEY", "Fault", "SimulatorState", "create_simulator_app", "running_simulator"]

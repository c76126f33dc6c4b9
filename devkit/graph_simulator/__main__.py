"""Serve the Graph simulator alone: `python -m devkit.graph_simulator --port 8765`."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
from pathlib import Path

from devkit.demo.organisation import load_demo_organisation
from devkit.graph_simulator.server import running_simulator


async def serve(host: str, port: int, organisation: Path | None) -> None:
    """Run until SIGTERM or Ctrl-C."""
    async with running_simulator(load_demo_organisation(organisation), host, port) as url:
        print(f"Graph-Simulator: {url}  (Steuerung: {url.removesuffix('/v1.0')}/_sim)", flush=True)
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        await stop.wait()


def main(argv: list[str] | None = None) -> None:
    """Parse arguments and serve."""
    parser = argparse.ArgumentParser(description="Lokaler Microsoft-Graph-Simulator")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--organisation", type=Path, default=None)
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args.host, args.port, args.organisation))


if __name__ == "__main__":
    main()

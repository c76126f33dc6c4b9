"""The lock files (README "Dependencies") against pyproject.toml and the environment under test.

requirements.lock is what the image installs, requirements-dev.lock what `./dev` installs,
requirements-build.lock pip and the build backend. All are installed with --require-hashes
--no-deps, so a package missing from a lock is never fetched silently: these tests find the
gap before a build does.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).parents[2]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
RUNTIME_LOCK = REPO / "requirements.lock"
DEV_LOCK = REPO / "requirements-dev.lock"
BUILD_LOCK = REPO / "requirements-build.lock"


@dataclass(frozen=True)
class Pin:
    version: str
    marker: Marker | None
    hashes: frozenset[str]

    def applies(self) -> bool:
        return self.marker is None or self.marker.evaluate()


def read_lock(path: Path) -> dict[str, Pin]:
    """name -> pin of a `uv pip compile --generate-hashes` file (continuation lines joined)."""
    text = re.sub(r"\\\n", " ", path.read_text("utf-8"))
    pins: dict[str, Pin] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        requirement, _, options = line.partition(" --hash=")
        options = "--hash=" + options if options else ""
        spec, _, marker = requirement.partition(";")
        name, sep, version = spec.strip().partition("==")
        assert sep, f"{path.name}: not pinned with ==: {line[:80]}"
        key = canonicalize_name(name)
        assert key not in pins, f"{path.name}: {name} twice"
        pins[key] = Pin(
            version=version.strip(),
            marker=Marker(marker.strip()) if marker.strip() else None,
            hashes=frozenset(re.findall(r"--hash=(sha256:[0-9a-f]{64})", options)),
        )
    return pins


def _requirements(specs: list[str]) -> dict[str, Requirement]:
    return {canonicalize_name(r.name): r for r in map(Requirement, specs)}


RUNTIME = read_lock(RUNTIME_LOCK)
DEV = read_lock(DEV_LOCK)
BUILD = read_lock(BUILD_LOCK)
DEPENDENCIES = _requirements(PYPROJECT["project"]["dependencies"])
DEV_EXTRA = _requirements(PYPROJECT["project"]["optional-dependencies"]["dev"])
BUILD_REQUIRES = _requirements(PYPROJECT["build-system"]["requires"])


def test_reader_sees_pins_markers_and_hashes(tmp_path: Path) -> None:
    lock = tmp_path / "x.lock"
    lock.write_text(
        "# header\n"
        "cffi==2.1.1 ; platform_python_implementation != 'PyPy' \\\n"
        f"    --hash=sha256:{'a' * 64} \\\n"
        f"    --hash=sha256:{'b' * 64}\n"
        "    # via cryptography\n"
        f"PyYAML==6.0.4 \\\n    --hash=sha256:{'c' * 64}\n",
        "utf-8",
    )
    pins = read_lock(lock)
    assert set(pins) == {"cffi", "pyyaml"}
    assert pins["cffi"].version == "2.1.1" and len(pins["cffi"].hashes) == 2
    assert str(pins["cffi"].marker) == 'platform_python_implementation != "PyPy"'
    assert pins["pyyaml"].marker is None


@pytest.mark.parametrize("lock", [RUNTIME, DEV, BUILD], ids=["runtime", "dev", "build"])
def test_every_pin_has_hashes(lock: dict[str, Pin]) -> None:
    assert lock
    unhashed = sorted(name for name, pin in lock.items() if not pin.hashes)
    assert not unhashed, f"pip --require-hashes would refuse: {unhashed}"


@pytest.mark.parametrize(
    ("requirements", "lock"),
    [(DEPENDENCIES, RUNTIME), (DEPENDENCIES, DEV), (DEV_EXTRA, DEV), (BUILD_REQUIRES, BUILD)],
    ids=["runtime", "runtime-in-dev", "dev-extra", "build-system"],
)
def test_lock_covers_and_satisfies_pyproject(
    requirements: dict[str, Requirement], lock: dict[str, Pin]
) -> None:
    missing = sorted(set(requirements) - set(lock))
    assert not missing, f"not locked (run ./dev lock): {missing}"
    for name, requirement in requirements.items():
        version = lock[name].version
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{name}: pyproject says {requirement.specifier}, the lock has {version}"
        )


def test_runtime_lock_is_closed_under_dependencies() -> None:
    """Every dependency of a locked runtime package is locked too (what `pip check` in the
    image build would find), read from the installed metadata of the same versions."""
    wanted = [(name, set(req.extras)) for name, req in DEPENDENCIES.items()]
    seen: set[str] = set()
    while wanted:
        name, extras = wanted.pop()
        pin = RUNTIME.get(name)
        assert pin is not None, f"{name} is needed at run time but missing in requirements.lock"
        if name in seen and not extras:
            continue
        seen.add(name)
        distribution = metadata.distribution(name)
        assert distribution.version == pin.version, f"{name}: the venv is not the locked one"
        for spec in distribution.requires or []:
            requirement = Requirement(spec)
            contexts = [{"extra": extra} for extra in extras] or [{"extra": ""}]
            if requirement.marker is None or any(
                requirement.marker.evaluate(context) for context in contexts
            ):
                wanted.append((canonicalize_name(requirement.name), set(requirement.extras)))


def test_image_gets_no_dev_tools() -> None:
    dev_only = set(DEV_EXTRA) - set(DEPENDENCIES)
    assert not dev_only & set(RUNTIME), "requirements.lock contains dev tools"


def test_locks_agree_on_shared_packages() -> None:
    # The tests run against exactly what the image ships (same versions, same files).
    for name, pin in RUNTIME.items():
        assert DEV.get(name) == pin, f"{name}: the dev lock differs from requirements.lock"
    # Build tools are installed next to the dev lock in .venv; two versions cannot coexist.
    for name in set(BUILD) & set(DEV):
        assert BUILD[name].version == DEV[name].version, name


def test_environment_under_test_is_the_locked_one() -> None:
    wrong = {}
    for name, pin in DEV.items():
        if not pin.applies():
            continue
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = "missing"
        if installed != pin.version:
            wrong[name] = (installed, pin.version)
    assert not wrong, f"installed vs locked (./dev installs the lock): {wrong}"

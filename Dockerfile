# syntax=docker/dockerfile:1
# The bot image: `assistenz-bot serve` on port 3978. Migrations are a separate step
# (`assistenz-bot migrate`, the Container Apps job in infra/), never run at start: several
# replicas starting at once would race on the schema.

# The base image by digest, so a rebuild gets the same Python and Debian packages the last
# one was tested with; the tag alone moves with every upstream patch release. How to read the
# current digest and update it: infra/README.md ("Basis-Image").
ARG BASE_IMAGE=python:3.11-slim

# --- build: the locked dependencies and a wheel of the app, installed into a venv -------------
# checkov cannot resolve an ARG in FROM; the tag (3.11-slim) is right above and a test keeps it.
#checkov:skip=CKV_DOCKER_7:BASE_IMAGE defaults to python:3.11-slim, digest step in infra/README.md
FROM ${BASE_IMAGE} AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore

WORKDIR /src
# Dependencies first: this layer is reused as long as the lock files do not change.
# --require-hashes: every file must match the hash recorded when it was locked (README
# "Dependencies"); --no-deps: nothing outside the lock is resolved at build time.
COPY requirements.lock requirements-build.lock ./
RUN pip install --require-hashes --no-deps -r requirements-build.lock \
 && python -m venv /opt/venv \
 && /opt/venv/bin/pip install --require-hashes --no-deps -r requirements.lock

# Only what the wheel is built from; tests, bench, docs and dev tooling stay out of the image.
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY dialogs ./dialogs
COPY cards ./cards
COPY appmanifest ./appmanifest

# Every runtime dependency ships manylinux wheels for Python 3.11, so no compiler is needed.
# No build isolation: the wheel is built with the locked setuptools, not today's newest.
# pip check fails the build if the lock misses a dependency of anything installed.
RUN pip wheel --no-deps --no-build-isolation --wheel-dir /wheels . \
 && /opt/venv/bin/pip install --no-deps /wheels/*.whl \
 && /opt/venv/bin/pip check

# --- runtime: the venv only, no build tools, no source tree ----------------------------------
FROM ${BASE_IMAGE}

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1

# A fixed numeric uid lets the platform verify "not root" without reading /etc/passwd.
RUN groupadd --system --gid 10001 bot \
 && useradd --system --uid 10001 --gid bot --no-create-home --shell /usr/sbin/nologin bot \
 && mkdir -p /app/var \
 && chown bot:bot /app/var

COPY --from=build /opt/venv /opt/venv

# /app/var is only written in local mode (the default SQLite file); production uses PostgreSQL.
WORKDIR /app
USER 10001:10001

EXPOSE 3978

# slim has no curl; the standard library is enough. Container Apps ignores this and uses the
# liveness/readiness probes from infra/containerapp.bicep; it serves `docker run` and Compose.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:3978/healthz', timeout=4)"]

# Exec form: the Python process gets SIGTERM directly and finishes in-flight turns.
CMD ["assistenz-bot", "serve", "--host", "0.0.0.0"]

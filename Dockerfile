# syntax=docker/dockerfile:1
# The bot image: `assistenz-bot serve` on port 3978. Migrations are a separate step
# (`assistenz-bot migrate`, the Container Apps job in infra/), never run at start: several
# replicas starting at once would race on the schema.

# --- build: a wheel of the app, installed with its runtime dependencies into a venv ----------
FROM python:3.11-slim AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
# Only what the wheel is built from; tests, bench, docs and dev tooling stay out of the image.
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY dialogs ./dialogs
COPY cards ./cards
COPY appmanifest ./appmanifest

# Every runtime dependency ships manylinux wheels for Python 3.11, so no compiler is needed.
RUN pip wheel --no-deps --wheel-dir /wheels . \
 && python -m venv /opt/venv \
 && /opt/venv/bin/pip install /wheels/*.whl

# --- runtime: the venv only, no build tools, no source tree ----------------------------------
FROM python:3.11-slim

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

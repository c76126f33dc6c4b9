"""Kaffee- und Mittags-Roulette: participants, rounds, pairs

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 03:00:00.000000
"""

from __future__ import annotations

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Filled in with the feature's tables (issue 15); the revision is reserved so that the
    # features built side by side keep one linear history.
    pass


def downgrade() -> None:
    pass

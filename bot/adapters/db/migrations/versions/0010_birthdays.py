"""Geburtstage und Jubiläen: opt-ins, followers, reminder subscriptions

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 03:00:00.000000
"""

from __future__ import annotations

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Filled in with the feature's tables (issue 15); the revision is reserved so that the
    # features built side by side keep one linear history.
    pass


def downgrade() -> None:
    pass

"""Dringender Termin: urgent call requests, the assistants asked, their answers

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 03:10:00.000000
"""

from __future__ import annotations

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Filled in with the feature's tables (issue 15); the revision is reserved so that the
    # features built side by side keep one linear history.
    pass


def downgrade() -> None:
    pass

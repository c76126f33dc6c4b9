"""room broker: room catalogue, room requests, audit trail

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rooms",
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("display_name", sa.String(length=300), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("building", sa.String(length=200), nullable=True),
        sa.Column("floor_number", sa.Integer(), nullable=True),
        sa.Column("floor_label", sa.String(length=100), nullable=True),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("is_wheelchair_accessible", sa.Boolean(), nullable=False),
        sa.Column("video_device_name", sa.String(length=200), nullable=True),
        sa.Column("audio_device_name", sa.String(length=200), nullable=True),
        sa.Column("display_device_name", sa.String(length=200), nullable=True),
        sa.Column("booking_type", sa.String(length=20), nullable=False),
        sa.Column("synced_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("email", name=op.f("pk_rooms")),
    )
    op.create_table(
        "room_requests",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("requester_key", sa.String(length=200), nullable=False),
        sa.Column("requester_name", sa.String(length=200), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=True),
        sa.Column("place", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("end_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attendees", sa.Integer(), nullable=False),
        sa.Column("features", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("room", sa.String(length=320), nullable=True),
        sa.Column("approvers", sa.JSON(), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("event_id", sa.String(length=500), nullable=True),
        sa.Column("cards", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_room_requests")),
    )
    with op.batch_alter_table("room_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_room_requests_end_at"), ["end_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_room_requests_requester_key"), ["requester_key"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_room_requests_state"), ["state"], unique=False)

    op.create_table(
        "room_audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_key", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["room_requests.id"],
            name=op.f("fk_room_audit_request_id_room_requests"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_room_audit")),
    )
    with op.batch_alter_table("room_audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_room_audit_request_id"), ["request_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("room_audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_room_audit_request_id"))

    op.drop_table("room_audit")
    with op.batch_alter_table("room_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_room_requests_state"))
        batch_op.drop_index(batch_op.f("ix_room_requests_requester_key"))
        batch_op.drop_index(batch_op.f("ix_room_requests_end_at"))

    op.drop_table("room_requests")
    op.drop_table("rooms")

"""nominations.pending_message_id: a nominee known only from a mail staff have not confirmed

A unit's clerk often sends the dossier from a personal address.  The bot reads such a mail
in full (its nominees, whom each file is for) but counts nothing until staff confirm the
sender; the nominees it names wait with it, kept out of quotas and exports.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 18:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("nominations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pending_message_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_nominations_pending_message", "messages", ["pending_message_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("nominations", schema=None) as batch_op:
        batch_op.drop_constraint("fk_nominations_pending_message", type_="foreignkey")
        batch_op.drop_column("pending_message_id")

"""outbox.rate_key: the normalised first recipient, indexed for the per-sender flood limit

Counting the acknowledgments sent to one address in the last hour used to read the
recipients of every acknowledgment of that hour (quadratic during a busy poll); the
column makes it one indexed count.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 02:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _normalize(address: str) -> str:
    # Same rule as bot.campaign.units.normalize_email, frozen here: a migration must not
    # change meaning when the application code changes later.
    address = address.strip().lower()
    local, _, domain = address.partition("@")
    local = local.split("+", 1)[0]
    return f"{local}@{domain}" if domain else local


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rate_key", sa.String(length=320), nullable=True))
        batch_op.create_index("ix_outbox_rate", ["kind", "rate_key", "created_at"], unique=False)
    outbox = sa.table(
        "outbox",
        sa.column("id", sa.Integer),
        sa.column("recipients", sa.JSON),
        sa.column("rate_key", sa.String),
    )
    conn = op.get_bind()
    for row_id, recipients in conn.execute(sa.select(outbox.c.id, outbox.c.recipients)).all():
        if recipients:
            conn.execute(
                outbox.update().where(outbox.c.id == row_id).values(rate_key=_normalize(str(recipients[0])))
            )


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_rate")
        batch_op.drop_column("rate_key")

"""Nominees: keys that group every spelling of one name; withdrawn nominees; file candidates

* ``nominations.name_key`` is recomputed with the key that also folds the short forms of
  collectives ("CB P. …" = "Chi bộ Phòng …") and more honorifics; nominations of one unit
  whose keys become equal are one nominee: their files move to the oldest row.
* ``nominations.withdrawn_at``: a nominee the unit dropped (a whole-dossier resend that no
  longer proposes it, or staff); its files stay as history but no longer count.
* ``submissions.candidates``: for a file waiting for review, the nominations it may be for.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 19:00:00
"""

import sqlalchemy as sa
from alembic import op

# The key is the application's own: recomputing it is the point of this migration (a later
# change of the key function comes with a migration of its own).
from bot.text import nominee_key

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("nominations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("withdrawn_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("submissions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("candidates", sa.JSON(), nullable=True))
    nominations = sa.table(
        "nominations",
        sa.column("id", sa.Integer),
        sa.column("campaign", sa.String),
        sa.column("unit_id", sa.Integer),
        sa.column("kind", sa.String),
        sa.column("name", sa.String),
        sa.column("name_key", sa.String),
    )
    submissions = sa.table("submissions", sa.column("nomination_id", sa.Integer))
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(
            nominations.c.id,
            nominations.c.campaign,
            nominations.c.unit_id,
            nominations.c.kind,
            nominations.c.name,
        ).order_by(nominations.c.id)
    ).all()
    kept: dict[tuple, int] = {}
    for row_id, campaign, unit_id, kind, name in rows:
        key = nominee_key(name)
        same = kept.setdefault((campaign, unit_id, kind, key), row_id)
        if same != row_id:
            conn.execute(
                submissions.update().where(submissions.c.nomination_id == row_id).values(nomination_id=same)
            )
            conn.execute(nominations.delete().where(nominations.c.id == row_id))
        else:
            conn.execute(nominations.update().where(nominations.c.id == row_id).values(name_key=key))


def downgrade() -> None:
    # The merged rows are not split again: the older keys grouped less, never more.
    with op.batch_alter_table("submissions", schema=None) as batch_op:
        batch_op.drop_column("candidates")
    with op.batch_alter_table("nominations", schema=None) as batch_op:
        batch_op.drop_column("withdrawn_at")

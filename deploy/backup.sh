#!/usr/bin/env bash
# Nightly backup of the database and the file store (see README, "Deployment").
# Run as intake-bot from cron or a systemd timer; DEST should be on another disk or host.
set -euo pipefail
cd /opt/intake-bot
DEST=${DEST:-/var/backups/intake-bot}
stamp=$(date +%Y%m%d-%H%M)
mkdir -p "$DEST/$stamp"
url=$(.venv/bin/python -c 'from bot.config import load_settings; import os; print(load_settings(os.environ.get("INTAKE_BOT_CONFIG", "config/bot.toml")).database.url)')
case "$url" in
  sqlite*) sqlite3 "${url#sqlite:///}" ".backup '$DEST/$stamp/intake.sqlite3'" ;;
  postgresql*) pg_dump --format=custom --file="$DEST/$stamp/intake.pgdump" "$(echo "$url" | sed 's/+psycopg//')" ;;
esac
# Files are content-addressed and never rewritten: a hard-linked incremental copy is cheap.
rsync -a --link-dest="$DEST/latest/files" var/files/ "$DEST/$stamp/files/"
ln -sfn "$DEST/$stamp" "$DEST/latest"

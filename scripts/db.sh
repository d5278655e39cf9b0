#!/bin/sh
# Back up and restore the PostgreSQL database DATABASE_URL names, with pg_dump / pg_restore.
#   scripts/db.sh backup [FILE]    a custom-format dump (default: $BACKUP_DIR/factcheck-<UTC time>.dump)
#   scripts/db.sh restore FILE     makes the database exactly the dump, in one transaction
# Natively: `make backup`, `make restore FILE=…`. Under docker compose: the db-tools service
# (README). Stop web, worker and beat before a restore; restore into the version that made the dump.
# POSIX sh: the PostgreSQL image runs it too.
set -eu

usage() {
  echo "usage: $0 backup [FILE] | restore FILE" >&2
  exit 2
}

case "${DATABASE_URL:-}" in
  postgres://* | postgresql://*) ;;
  "") echo "db.sh: DATABASE_URL is not set: it names the PostgreSQL database to back up or restore." >&2; exit 2 ;;
  *) echo "db.sh: DATABASE_URL is not a PostgreSQL URL (postgres://…); with the SQLite default, copy var/factcheck.sqlite3 while the service is stopped." >&2; exit 2 ;;
esac

command="${1:-}"
[ $# -ge 1 ] && shift
case "$command" in
  backup)
    [ $# -le 1 ] || usage
    dir="${BACKUP_DIR:-backups}"
    file="${1:-$dir/factcheck-$(date -u +%Y%m%dT%H%M%SZ).dump}"
    mkdir -p "$(dirname "$file")"
    # Written beside its final name first: an interrupted dump never looks like a good one.
    pg_dump --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$file.partial"
    mv "$file.partial" "$file"
    echo "db.sh: backed up to $file ($(wc -c < "$file") bytes)"
    ;;
  restore)
    [ $# -eq 1 ] || usage
    file="$1"
    [ -f "$file" ] || { echo "db.sh: no such backup file: $file" >&2; exit 2; }
    # The whole dump as SQL first: a damaged file stops here, before anything is dropped.
    sql="$(mktemp)"
    trap 'rm -f "$sql"' EXIT
    pg_restore --no-owner --no-privileges --file="$sql" "$file"
    # The database becomes exactly the dump (tables made since are dropped too), all or nothing:
    # on any error it is left as it was.
    { echo "SET client_min_messages = warning; DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
      cat "$sql"
    } | psql --quiet --no-psqlrc --set=ON_ERROR_STOP=1 --single-transaction \
      --dbname="$DATABASE_URL" > /dev/null
    echo "db.sh: restored $file"
    ;;
  *) usage ;;
esac

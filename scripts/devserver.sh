#!/usr/bin/env bash
# The laptop service for `make run`: a Celery worker (with beat inside it) and the development web
# server, side by side. Ctrl-C stops both and waits until they have exited; if either one dies,
# the other is stopped too.
set -u
BIN=${BIN:-.venv/bin}
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}

"$BIN/celery" -A factcheck worker --beat --loglevel INFO --concurrency 2 &
worker=$!
"$BIN/python" manage.py runserver "$HOST:$PORT" --noreload &
web=$!

stop() {
  trap - INT TERM
  kill -TERM "$worker" "$web" 2>/dev/null
  wait "$worker" "$web" 2>/dev/null
  echo "factcheck: worker and web server stopped"
  exit 0
}
trap stop INT TERM
wait -n "$worker" "$web"
stop

"""A webhook receiver for factcheck that verifies every delivery (docs/webhooks.md).

    pip install standardwebhooks==1.1.0
    FACTCHECK_WEBHOOK_SECRET=whsec_… python webhook_receiver.py 127.0.0.1 9000

It checks the Standard Webhooks signature over the raw body (`webhook-id`, `webhook-timestamp`,
`webhook-signature`; a timestamp more than five minutes away is refused too), answers 204 to a
delivery it accepts and 400 to anything else, and handles each message once: a retry of a message
already handled (same `webhook-id`) is acknowledged and skipped. Replace `handle()` with your work;
keep the handler quick and do slow work elsewhere, or the delivery times out and is retried.
"""

from __future__ import annotations

import json
import os
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

from standardwebhooks import Webhook, WebhookVerificationError

VERIFIER = Webhook(os.environ["FACTCHECK_WEBHOOK_SECRET"])
SEEN: set[str] = set()  # use your database in production: ids survive restarts there


def handle(event: dict) -> None:
    print(f"{event['type']} {json.dumps(event['data'], sort_keys=True)}", flush=True)


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            event = VERIFIER.verify(body, dict(self.headers))
        except (WebhookVerificationError, ValueError) as exc:
            print(f"refused: {exc}", flush=True)
            self.send_response(400)
            self.end_headers()
            return
        message_id = self.headers["webhook-id"]
        if message_id not in SEEN:
            handle(event)
            SEEN.add(message_id)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args) -> None:  # keep the output to the events
        pass


if __name__ == "__main__":
    host, port = sys.argv[1], int(sys.argv[2])
    server = HTTPServer((host, port), Receiver)
    print(f"listening on {host}:{server.server_address[1]}", flush=True)
    server.serve_forever()

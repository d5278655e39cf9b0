"""Signed webhooks: editors' endpoints, the events they subscribe to, and the delivery outbox."""

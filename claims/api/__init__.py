"""The REST API v1 (docs/architecture.md, "The API contract"): thin viewsets over `claims.services`
and `claims.selectors`."""

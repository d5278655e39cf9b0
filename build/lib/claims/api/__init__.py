"""The REST API v1 (DESIGN.md §5): thin ViewSets over `claims.services` and `claims.selectors`."""

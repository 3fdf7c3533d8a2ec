"""The JSON API, /api/v1/: thin views — access (permissions.py) → input check (serializers) → service → JSON.

One module per resource (organisation, plan, targets, actuals, evidence, achievements, documents, token, docs);
what they share — the scoped viewset, the input check, the file download — is in `base`.

Every list is a fixed number of queries whatever the page size (select_related / prefetch_related, and the
achievements through performance.selectors in one batch per page)."""

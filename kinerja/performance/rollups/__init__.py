"""Roll-ups kept by the writes (docs/scale.md §4, issue 22).

- `outbox.mark_figures_changed` — the one helper every service that writes figures calls, in its transaction;
- `compute` — the roll-up rows of a plan's year and of a region's year, by the pages' own functions;
- `worker.work` — takes dirty keys (SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL), recomputes them and their
  ancestors, deletes the keys in the same transaction (`manage.py rollups_work`);
- `verify.differences` — recomputes and compares with what is stored (`manage.py rollups_verify`);
- `read` — what the regency and province views read.

Why in `performance` and not an app of its own: the services that mark the outbox are performance's, and the
arithmetic is performance's (figures.py, selectors.rollup_of); an app above performance would be imported by
performance's services, a cycle the layer contract (pyproject.toml) forbids.
"""

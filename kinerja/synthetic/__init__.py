"""Synthetic regions for benchmarks, scale measurements and tests (docs/scale.md).

`region.generate_region` is the entry point (the `generate_region` command calls it); `digest.region_digest`
proves that one seed gives one region. The other modules write one part each: `organisation` (units and
positions), `people` (officials, users, roles), `plan` (the plan, indicators, programmes, decrees), `figures`
(targets, actuals, evidence, audit records); `vocabulary` holds the words and years, `drafts` the rows held
before they are written. This app writes every other app's rows, so nothing but its command, the tests and
`bench/` imports it (an import-linter contract).
"""

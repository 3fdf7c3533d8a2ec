"""Pages of the SAKIP evaluation: thin — access asks `kinerja.accounts.access`, reads go through `selectors`,
writes through `services`. Anything outside a user's reach answers 404.

By subject: `pages` (an agency's evaluations, starting one, the worksheet, the result), `answers` (a criterion's
self-assessment and evaluator's answer), `sending` (send the self-assessment, finalise), `evidence`, `follow_up`,
`region` (the region's summary); what they share in `base`."""

"""Settings of `make bench-cluster` (bench/cluster.py): bench.settings with the read replica on.

DATABASE_URL and DATABASE_REPLICA_URL point at PgBouncer (transaction mode): no server-side cursors, which
would outlive the transaction PgBouncer lends its server connection for. The router
(kinerja.core.db_router) sends the eligible pages' reads to `replica`.
"""

import os

import dj_database_url

from bench.settings import *  # noqa: F403
from bench.settings import DATABASES

# the test settings make `replica` a test mirror of `default`; here it is the real replica
DATABASES["replica"] = dj_database_url.parse(os.environ["DATABASE_REPLICA_URL"])
for database in DATABASES.values():
    database["DISABLE_SERVER_SIDE_CURSORS"] = True
KINERJA_READ_REPLICA = "replica"

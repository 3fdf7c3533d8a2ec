"""The shared world of the test suite: the built-in agency, loaded once, and named people in it.

- `seed` — the built-in agency (Dinas Kominfo dan Persandian Halmahera Utara), as `make run` loads it;
- `head_of_agency`, `secretary`, `division_head` (kabid-persandian), `section_head` (kasi-tata-kelola, below
  the division head) — officials of that agency with user accounts;
- `planner` (admin perencanaan of the agency), `inspector` (inspectorate of its region), `bappeda` (regional
  planning of its region) — users with a role grant and no position;
- `outsider` — an official of another agency in another region;
- `example_figures` — the seed with its example targets, actuals and budgets (`load_example_performance`),
  loaded through the services once per run (one xdist worker loads, the others read its rows) and inserted
  again, in bulk, into each test that asks.
"""

import fcntl
import functools
import hashlib
import inspect
import json
import pickle
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import translation

from kinerja.accounts.models import User
from kinerja.accounts.tests.factories import PASSWORD, RoleGrantFactory
from kinerja.exchange.dataset_io import read_dataset
from kinerja.exchange.loading.agency import load_agency_data
from kinerja.organisation.models import Agency, Official, Position
from kinerja.organisation.tests.factories import AgencyFactory, AssignmentFactory, PositionFactory

SEED_CODE = "halut-diskominfo"
# What every page costs for a logged-in user besides its own data: the user's reach (accounts.access, 2) and
# the navigation's verification counts (3). Page tests add it to their own fixed counts.
PER_REQUEST_QUERIES = 5


def load_builtin_dataset() -> Agency:
    data = read_dataset(settings.KINERJA_BUILTIN_DATASET)
    report = load_agency_data(actor=None, data=data, source=settings.KINERJA_BUILTIN_DATASET.name)
    return report.agency


def _person(username: str, name: str, nip: str, position: Position) -> None:
    """An official (Penata, III/c) holding `position` since 3 January 2022, with a user account."""
    AssignmentFactory(position=position, official__nip=nip, official__name=name, official__user__username=username)


def create_people(agency: Agency) -> None:
    head = Official.objects.get(nip="196507201991121001")
    head.user = User.objects.create_user("kadis", password=PASSWORD, first_name=head.name)
    head.save()
    positions = {position.code: position for position in agency.positions.all()}
    _person("sekretaris", "Sekretaris Uji, S.Sos", "197001012000031001", positions["sekretaris"])
    _person("kasi", "Kepala Seksi Uji, S.Kom", "198502022010012002", positions["kasi-tata-kelola"])
    _person("kabid", "Kepala Bidang Uji, ST", "197805052005011004", positions["kabid-persandian"])
    # users without position, with a role given explicitly
    RoleGrantFactory(user__username="perencana", user__first_name="Perencana Uji", agency=agency)
    RoleGrantFactory(
        user__username="inspektur", user__first_name="Inspektur Uji", inspectorate=True, region=agency.region
    )
    RoleGrantFactory(
        user__username="bappeda", user__first_name="Bappeda Uji", regional_planning=True, region=agency.region
    )
    other = AgencyFactory(code="luar-dinas", name="Dinas Lain", region__code="luar", region__name="Kabupaten Luar")
    outsider = PositionFactory(
        agency=other, code="kadis", title="Kepala Dinas", unit__code="dinas", unit__name="Dinas Lain"
    )
    _person("orang-luar", "Orang Luar, SE", "198003032005011003", outsider)


def ensure_builtin_dataset() -> Agency:
    """The built-in agency and its people, loaded again if a transactional test (the API fuzz, the round trips)
    emptied the database: pytest-django runs those after the database tests, and tests without the `db` fixture
    that read the seed through `django_db_blocker` (module-scoped prints) after them."""
    agency = Agency.objects.filter(code=SEED_CODE).first()
    if agency is None:
        agency = load_builtin_dataset()
        create_people(agency)
    return agency


# Fixtures that open the database to a test (pytest-django's and ours): a test with none of them, no `django_db`
# marker and no fixture or module that unblocks the database itself cannot touch it, since pytest-django blocks
# every query outside them ("Database access not allowed") and the SQLite run would fail it.
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "django_db_setup",
    "live_server",
}


@functools.cache
def _names_the_blocker(source) -> bool:
    try:
        return "django_db_blocker" in inspect.getsource(source)
    except (OSError, TypeError):
        return True  # cannot be read: assume it does


def _unblocks_the_database(item) -> bool:
    """True when the test's module, or a fixture it uses outside pytest-django, opens the database itself."""
    sources = [getattr(item, "module", None)]
    for definitions in item._fixtureinfo.name2fixturedefs.values():
        sources += [d.func for d in definitions if not d.func.__module__.startswith("pytest_django")]
    return any(_names_the_blocker(source) for source in sources if source is not None)


def pytest_collection_modifyitems(config, items):
    """Mark `db_independent` the tests that cannot touch the database (see DATABASE_FIXTURES): the pure
    arithmetic, the catalogue and architecture scans. `make test-postgres` leaves them out: they ran, unchanged,
    in the SQLite run. A test skipped on one database (skipif) is never marked."""
    for item in items:
        if (
            item.get_closest_marker("django_db")
            or item.get_closest_marker("skipif")
            or DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
            or _unblocks_the_database(item)
        ):
            continue
        item.add_marker(pytest.mark.db_independent)


@pytest.fixture(autouse=True)
def application_language():
    """Every test starts in the application's language (Bahasa Indonesia): a request that chose English
    activates it for the thread (core.middleware.ChosenLanguageMiddleware), and it must not leak into the next
    test that happens to run in the same worker."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the built-in dataset once, after migrations, for every test that uses the database."""
    with django_db_blocker.unblock():
        create_people(load_builtin_dataset())


@dataclass
class Rows:
    """What loading the example figures wrote: new rows and changed rows, per model, as field values."""

    created: dict
    changed: dict


def _table(model) -> dict:
    return {row["pk"]: row for row in model.objects.values("pk", *(f.attname for f in model._meta.concrete_fields))}


@pytest.fixture(scope="session")
def _example_rows(django_db_setup, django_db_blocker, tmp_path_factory, worker_id) -> Rows:
    """Load the seed's example figures once, through the services, note every row it wrote, and roll it back.

    Once per run, not once per xdist worker (5–25 s each): every worker's database is the seed loaded the same way,
    under the same keys, so the first worker that asks writes the rows to the run's shared temporary folder and
    the others read them. The file is named by the keys of every row in the database before loading: a worker
    whose database differs (a transactional test emptied it and the seed came back under new keys) loads its own.
    """
    models = [model for model in apps.get_models() if not model._meta.proxy and model._meta.managed]
    with django_db_blocker.unblock():
        before = {model: _table(model) for model in models}
        if worker_id == "master":  # not distributed: nobody to share with
            return _load_example_rows(models, before)
        keys = json.dumps({model._meta.label: sorted(rows) for model, rows in before.items()}, default=str).encode()
        shared = tmp_path_factory.getbasetemp().parent / f"example-rows-{hashlib.sha256(keys).hexdigest()[:16]}"
        with open(shared.with_suffix(".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # another worker loading them: wait for its file
            if shared.exists():
                return _thawed(pickle.loads(shared.read_bytes()))  # noqa: S301 - written by this run, just above
            rows = _load_example_rows(models, before)
            partial = shared.with_suffix(".partial")
            partial.write_bytes(pickle.dumps(_frozen(rows)))
            partial.rename(shared)
            return rows


def _load_example_rows(models: list, before: dict) -> Rows:
    from kinerja.performance.example_data import load_example_performance

    with transaction.atomic():
        load_example_performance(actor=None, agency=Agency.objects.get(code=SEED_CODE))
        rows = Rows(created={}, changed={})
        for model in models:
            after = _table(model)
            created = [row for pk, row in after.items() if pk not in before[model]]
            changed = [row for pk, row in after.items() if pk in before[model] and row != before[model][pk]]
            assert len(after) - len(created) == len(before[model]), f"{model.__name__}: rows removed"
            if created:
                rows.created[model] = created
            if changed:
                rows.changed[model] = changed
        transaction.set_rollback(True)
    assert rows.created, "the example figures wrote nothing"
    return rows


def _frozen(rows: Rows) -> dict:
    return {
        kind: {model._meta.label: values for model, values in getattr(rows, kind).items()}
        for kind in ("created", "changed")
    }


def _thawed(data: dict) -> Rows:
    return Rows(**{kind: {apps.get_model(label): values for label, values in data[kind].items()} for kind in data})


def _insert_with_new_keys(created: dict) -> dict:
    """Insert the remembered rows under keys the database gives now (another test may have taken the old ones:
    audit records are never deleted), rewriting the references between them; returns old -> new key per model."""
    keys: dict = {}
    pending = dict(created)
    while pending:
        # a model goes once every model it refers to among the pending ones has its new keys
        ready = [
            model
            for model in pending
            if not any(
                field.related_model in pending and field.related_model is not model
                for field in model._meta.concrete_fields
                if field.is_relation
            )
            # the audit trail names its objects by label and key, not by foreign key: it goes last
            and (model._meta.label_lower != "core.auditrecord" or len(pending) == 1)
        ]
        assert ready, f"circular references among {list(pending)}"
        for model in ready:
            keys[model] = {}
            for layer in _layers(model, pending.pop(model)):
                _insert_layer(model, layer, keys)
    return keys


def _layers(model, rows: list) -> list[list]:
    """The rows of a model that refers to itself (a work result hanging on another created one) in layers: each row
    after the created rows it refers to, so their new keys are known when it is inserted."""
    own = [f.attname for f in model._meta.concrete_fields if f.is_relation and f.related_model is model]
    created = {row["pk"] for row in rows}
    layers, placed, left = [], set(), list(rows)
    while left:
        layer = [row for row in left if all(row[name] not in created or row[name] in placed for name in own)]
        assert layer, f"circular references among the rows of {model.__name__}"
        layers.append(layer)
        placed |= {row["pk"] for row in layer}
        left = [row for row in left if row["pk"] not in placed]
    return layers


def _insert_layer(model, rows: list, keys: dict) -> None:
    objects = []
    # read once per layer, not once per row: the references to rewrite and, for the audit trail, the labels; a
    # reference to a row that was there before the example (a seed position of an example assignment) stays
    remapped = [f for f in model._meta.concrete_fields if f.is_relation and f.related_model in keys]
    labels = {other._meta.label_lower: other for other in keys}
    for row in rows:
        values = {key: value for key, value in row.items() if key not in ("pk", model._meta.pk.attname)}
        for field in remapped:
            if values.get(field.attname) is not None:
                values[field.attname] = keys[field.related_model].get(values[field.attname], values[field.attname])
        if model._meta.label_lower == "core.auditrecord":
            for label_field, pk_field in (("object_label", "object_pk"), ("about_label", "about_pk")):
                other = labels.get(values[label_field])
                if other is not None and int(values[pk_field]) in keys[other]:
                    values[pk_field] = str(keys[other][int(values[pk_field])])
        objects.append(model(**values))
    model.objects.bulk_create(objects, batch_size=500)
    keys[model].update({row["pk"]: item.pk for row, item in zip(rows, objects, strict=True)})


@pytest.fixture
def example_figures(seed, _example_rows: Rows) -> Agency:
    """The seed with its example figures: the rows the services wrote once, inserted again in bulk (a few queries
    instead of the ~9,000 and ~4.6 s of loading them), inside this test's transaction."""
    _insert_with_new_keys(_example_rows.created)
    for model, rows in _example_rows.changed.items():
        fields = [f.name for f in model._meta.concrete_fields if not f.primary_key]
        model.objects.bulk_update(
            [model(**{k: v for k, v in row.items() if k != "pk"}) for row in rows], fields, batch_size=500
        )
    return seed


@dataclass
class World:
    agency: Agency
    head_of_agency: User
    secretary: User
    section_head: User
    division_head: User
    planner: User
    inspector: User
    bappeda: User
    outsider: User


@pytest.fixture
def world(db) -> World:
    return World(
        agency=Agency.objects.select_related("region").get(code=SEED_CODE),
        head_of_agency=User.objects.get(username="kadis"),
        secretary=User.objects.get(username="sekretaris"),
        section_head=User.objects.get(username="kasi"),
        division_head=User.objects.get(username="kabid"),
        planner=User.objects.get(username="perencana"),
        inspector=User.objects.get(username="inspektur"),
        bappeda=User.objects.get(username="bappeda"),
        outsider=User.objects.get(username="orang-luar"),
    )


@pytest.fixture
def seed(world: World) -> Agency:
    return world.agency


@pytest.fixture
def logged_in(client, world: World):
    """A test client logged in as the head of agency."""
    client.force_login(world.head_of_agency)
    return client

"""The read-replica router (kinerja.core.db_router) and its middleware (kinerja.core.replica_middleware).

The test settings declare `replica` as a test mirror of `default`: the same test database through a connection
of its own, so the queries each connection sent tell which alias the router chose. The tests opt in with
KINERJA_READ_REPLICA="replica"; every other test of the suite runs with no replica. The tests are transactional:
a row written through `default` must be visible through the other connection, as on a real replica.
"""

import time

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connections, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import get_resolver, reverse

from conftest import PASSWORD, SEED_CODE, ensure_builtin_dataset
from kinerja.core import db_router
from kinerja.core.replica_middleware import PIN_COOKIE

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])
# core sits below the apps (pyproject.toml's layers): their models by name
User = get_user_model()
Agency = apps.get_model("organisation", "Agency")


@pytest.fixture
def agency(settings):
    settings.KINERJA_READ_REPLICA = "replica"
    return ensure_builtin_dataset()


@pytest.fixture
def head(agency):
    return User.objects.get(username="kadis")


def dashboard() -> str:
    return reverse("dashboard", args=[SEED_CODE])


def routed(call) -> tuple[object, int, int]:
    """The response of `call()` and how many queries went to the primary and to the replica."""
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = call()
    return response, len(primary.captured_queries), len(replica.captured_queries)


def log_in(client) -> None:
    """Log in through the login form: a POST, as a person does."""
    response = client.post(reverse("login"), {"username": "kadis", "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]


def test_an_eligible_page_reads_from_the_replica(client, agency, head):
    client.force_login(head)
    response, primary, replica = routed(lambda: client.get(dashboard()))
    assert response.status_code == 200
    assert agency.name in response.content.decode()
    # the session, the user, the reach and the figures: all read from the replica, nothing from the primary
    assert replica > 5
    assert primary == 0


def test_a_public_page_of_an_anonymous_visitor_reads_from_the_replica(client, agency):
    response, primary, replica = routed(lambda: client.get(reverse("public-index")))
    assert response.status_code == 200
    assert replica >= 1
    assert primary == 0
    assert PIN_COOKIE not in response.cookies


def test_a_write_pins_the_user_to_the_primary_for_the_window_then_the_replica_again(client, settings, agency):
    settings.KINERJA_READ_YOUR_WRITES_SECONDS = 5
    log_in(client)  # the login writes the session and the last login: a POST
    assert PIN_COOKIE in client.cookies
    response, primary, replica = routed(lambda: client.get(dashboard()))
    assert response.status_code == 200
    assert replica == 0, "a user who just wrote reads from the replica"
    assert primary > 5
    # the window passes (shortened, then really waited)
    settings.KINERJA_READ_YOUR_WRITES_SECONDS = 0.5
    time.sleep(0.6)
    response, primary, replica = routed(lambda: client.get(dashboard()))
    assert response.status_code == 200
    assert primary == 0
    assert replica > 5


def test_another_user_is_not_pinned_by_a_write(client, head):
    other = User.objects.get(username="sekretaris")
    writer, reader = client, Client()
    reader.force_login(other)
    log_in(writer)
    response, primary, replica = routed(lambda: reader.get(dashboard()))
    assert response.status_code == 200
    assert primary == 0
    assert replica > 5


def test_a_forged_pin_is_no_pin(client, head):
    client.force_login(head)
    client.cookies[PIN_COOKIE] = repr(time.time())  # unsigned
    _, primary, replica = routed(lambda: client.get(dashboard()))
    assert (primary, replica > 0) == (0, True)


def test_a_page_off_the_list_always_reads_from_the_primary(client, head):
    client.force_login(head)
    response, primary, replica = routed(lambda: client.get(reverse("agency-overview", args=[SEED_CODE])))
    assert response.status_code == 200
    assert replica == 0
    assert primary > 5


def test_a_write_to_a_listed_page_goes_to_the_primary(client, head):
    client.force_login(head)
    # a POST to a page of the list (a list of the API): never eligible, whatever it answers
    response, primary, replica = routed(lambda: client.post(reverse("api-agency-list"), {}))
    assert response.status_code in (403, 405)
    assert replica == 0
    assert primary >= 1


def test_inside_an_atomic_block_reads_go_to_the_primary(agency):
    with db_router.routing(replica_allowed=True):
        _, primary, replica = routed(lambda: Agency.objects.filter(code=SEED_CODE).count())
        assert (primary, replica) == (0, 1)
        with transaction.atomic():
            _, primary, replica = routed(lambda: Agency.objects.filter(code=SEED_CODE).count())
        assert (primary, replica) == (1, 0)


def test_outside_a_request_reads_go_to_the_primary(agency):
    assert db_router.current() is None
    _, primary, replica = routed(lambda: list(Agency.objects.all()))
    assert (primary, replica) == (1, 0)


def test_the_context_ends_with_the_request(client, head):
    client.force_login(head)
    client.get(dashboard())
    assert db_router.current() is None
    _, primary, replica = routed(lambda: Agency.objects.count())
    assert (primary, replica) == (1, 0)


def test_without_a_replica_everything_reads_from_the_primary(client, settings, head):
    settings.KINERJA_READ_REPLICA = None
    client.force_login(head)
    response, primary, replica = routed(lambda: client.get(dashboard()))
    assert response.status_code == 200
    assert replica == 0
    assert primary > 5
    log_in(client)
    assert PIN_COOKIE not in client.cookies  # no replica, no pin: nothing changes for the client either
    with db_router.routing(replica_allowed=True):
        _, primary, replica = routed(lambda: Agency.objects.count())
    assert (primary, replica) == (1, 0)


def test_writes_always_go_to_the_primary(agency):
    with db_router.routing(replica_allowed=True):
        _, primary, replica = routed(lambda: Agency.objects.filter(code=SEED_CODE).update(name="Dinas Baru"))
    assert (primary, replica) == (1, 0)
    assert db_router.ReplicaRouter().allow_migrate("replica", "core") is False
    assert db_router.ReplicaRouter().allow_migrate("default", "core") is True


def test_every_listed_page_exists(settings):
    names = set()

    def walk(resolver, namespace=""):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern, inner)
            elif pattern.name:
                names.add(namespace + pattern.name)

    walk(get_resolver())
    missing = set(settings.KINERJA_REPLICA_PAGES) - names
    assert not missing, f"KINERJA_REPLICA_PAGES names pages that do not exist: {sorted(missing)}"
    for entry in ("entry-page", "entry-save", "verification", "agency-targets", "documents", "home", "login"):
        assert entry not in settings.KINERJA_REPLICA_PAGES, f"{entry} must read its own writes"

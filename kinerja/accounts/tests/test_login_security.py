"""Logging in: guessing is locked out (django-axes), passwords are checked, sessions end.

Addresses: the test client comes from 127.0.0.1 (REMOTE_ADDR); other addresses are given as REMOTE_ADDR, or
as X-Forwarded-For where a trusted proxy is configured."""

import datetime
import html

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import PASSWORD
from kinerja.accounts.models import User

LOGIN = reverse("login")


def log_in(client, username: str, password: str, **headers):
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def is_logged_in(client) -> bool:
    return SESSION_KEY in client.session


def test_a_login_guessed_20_times_is_locked_and_then_refuses_the_right_password(client, world):
    answers = [log_in(client, "kasi", f"tebakan-{n}").status_code for n in range(20)]
    limit = settings.AXES_FAILURE_LIMIT
    assert limit == 5
    assert set(answers[: limit - 1]) == {200}  # the login form again, "did not match"
    assert set(answers[limit:]) == {429}  # locked: the guesses are no longer even checked
    response = log_in(client, "kasi", PASSWORD)
    assert response.status_code == 429
    assert not is_logged_in(client)
    assert "accounts/locked.html" in [template.name for template in response.templates]
    page = html.unescape(response.content.decode())
    assert "Login dikunci sementara" in page
    assert "30 menit" in page
    assert "bahkan dengan kata sandi yang benar" in page


def test_another_user_is_not_locked_by_someone_elses_guesses(client, world):
    for n in range(settings.AXES_FAILURE_LIMIT + 1):
        log_in(client, "kasi", f"tebakan-{n}")
    response = log_in(client, "sekretaris", PASSWORD)
    assert response.status_code == 302
    assert is_logged_in(client)


def test_the_lock_ends_after_the_cool_off(client, world):
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "kasi", f"tebakan-{n}")
    assert log_in(client, "kasi", PASSWORD).status_code == 429
    # Time passes: the attempts are as old as the cool-off.
    AccessAttempt.objects.update(attempt_time=datetime.datetime.now(datetime.UTC) - settings.AXES_COOLOFF_TIME)
    response = log_in(client, "kasi", PASSWORD)
    assert response.status_code == 302
    assert is_logged_in(client)


def test_a_few_mistakes_then_the_right_password_logs_in_and_forgets_the_mistakes(client, world):
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "kasi", f"tebakan-{n}").status_code == 200
    assert log_in(client, "kasi", PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="kasi").exists()


def test_the_admin_login_is_throttled_too(client, world, django_user_model):
    django_user_model.objects.create_superuser("super", password=PASSWORD)
    url = reverse("admin:login")
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "super", "password": f"tebakan-{n}"})
    assert client.post(url, {"username": "super", "password": PASSWORD}).status_code == 429


def test_a_user_locked_from_one_address_still_logs_in_from_another(client, world):
    """Locking is by username *and* address: an attacker guessing kasi's password locks only themselves."""
    attacker, office = {"REMOTE_ADDR": "192.0.2.66"}, {"REMOTE_ADDR": "10.1.2.3"}
    for n in range(settings.AXES_FAILURE_LIMIT + 3):
        log_in(client, "kasi", f"tebakan-{n}", **attacker)
    assert log_in(client, "kasi", PASSWORD, **attacker).status_code == 429
    assert not is_logged_in(client)
    response = log_in(client, "kasi", PASSWORD, **office)
    assert response.status_code == 302
    assert is_logged_in(client)


def test_no_lockout_rule_locks_a_username_by_itself():
    assert "username" not in settings.AXES_LOCKOUT_PARAMETERS
    assert ["username", "ip_address"] in settings.AXES_LOCKOUT_PARAMETERS
    assert "ip_address" in settings.AXES_LOCKOUT_PARAMETERS


def spray(client, usernames, **headers) -> list[int]:
    """One common password tried once on each account."""
    return [log_in(client, username, "Rahasia-2024!", **headers).status_code for username in usernames]


@pytest.fixture
def twenty_accounts(world) -> list[str]:
    names = [f"pegawai{n:02}" for n in range(20)]
    User.objects.bulk_create(User(username=name, password=make_password(PASSWORD)) for name in names)
    return names


def test_one_password_tried_on_twenty_accounts_from_one_address_is_throttled(client, world, twenty_accounts):
    limit = settings.KINERJA_LOGIN_ADDRESS_FAILURE_LIMIT
    assert limit == 20
    answers = spray(client, twenty_accounts)
    assert answers[: limit - 1] == [200] * (limit - 1)  # each account guessed once: no per-login lock
    # The address has used up its failures: every further login from it is refused, even a right one.
    assert spray(client, ["sekretaris", "kabid"]) == [429, 429]
    response = log_in(client, "kasi", PASSWORD)
    assert response.status_code == 429
    assert not is_logged_in(client)
    # Another address is not concerned.
    assert log_in(client, "kasi", PASSWORD, REMOTE_ADDR="10.1.2.3").status_code == 302


def test_the_address_count_is_not_wiped_by_logging_into_an_account_of_ones_own(client, world, twenty_accounts):
    limit = settings.KINERJA_LOGIN_ADDRESS_FAILURE_LIMIT
    assert spray(client, twenty_accounts[: limit - 1]) == [200] * (limit - 1)
    # Below the limit the address is not throttled: a right password logs in ...
    assert log_in(client, "kasi", PASSWORD).status_code == 302
    client.logout()
    # ... and forgets kasi's own failures only, not the address's: one more guess reaches the limit.
    assert spray(client, twenty_accounts[limit - 1 :]) == [429]
    assert log_in(client, "kabid", PASSWORD).status_code == 429


def test_behind_the_configured_proxy_the_forwarded_address_is_the_clients(client, world, settings):
    settings.KINERJA_BEHIND_TRUSTED_PROXY = True
    # Everything arrives from the proxy's address; the proxy appends the client's address to X-Forwarded-For
    # (what comes before it is whatever the client sent, and is ignored).
    attacker = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.1.1.1, 192.0.2.66"}
    office = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "192.0.2.66, 198.51.100.7"}
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "kasi", f"tebakan-{n}", **attacker)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"192.0.2.66"}
    assert log_in(client, "kasi", PASSWORD, **attacker).status_code == 429
    response = log_in(client, "kasi", PASSWORD, **office)
    assert response.status_code == 302
    assert is_logged_in(client)


def test_without_a_configured_proxy_the_forwarded_header_is_ignored(client, world, settings):
    settings.KINERJA_BEHIND_TRUSTED_PROXY = False
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "kasi", f"tebakan-{n}", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}
    # A forged header does not make the locked client someone else.
    assert log_in(client, "kasi", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 429
    assert not is_logged_in(client)


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("Pendek-1", "terlalu pendek"),  # 8 characters: the minimum is 10
        ("password123", "terlalu umum"),
        ("8172635490172", "seluruhnya terdiri dari angka"),
        ("kepala-seksi-uji", "terlalu mirip"),
    ],
)
def test_weak_passwords_are_refused(world, password, reason):
    world.section_head.first_name = "Kepala Seksi Uji"
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user=world.section_head)
    assert any(reason in message for message in refused.value.messages), refused.value.messages


def test_a_long_uncommon_password_is_accepted(world):
    validate_password("Laporan-Kinerja-Triwulan-2", user=world.section_head)


def test_the_session_ends_with_the_browser_and_after_a_working_day(client, world):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    response = log_in(client, "kasi", PASSWORD)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # a browser-session cookie
    assert client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == 8 * 60 * 60
    assert cookie["httponly"]

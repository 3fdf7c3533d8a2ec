"""Logging in: guessing is locked out (django-axes), passwords are checked, sessions end."""

import datetime
import html

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import PASSWORD

LOGIN = reverse("login")


def log_in(client, username: str, password: str):
    return client.post(LOGIN, {"username": username, "password": password})


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

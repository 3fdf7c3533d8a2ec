"""API tokens end: after KINERJA_API_TOKEN_DAYS (401 with a message), and when their user logs out; a new one
is made only in a session logged in with the password."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token

from conftest import PASSWORD

AGENCIES = reverse("api-agency-list")
EXPIRED = (
    "Token API sudah kedaluwarsa (berlaku 30 hari). Masuk dengan kata sandi dan buat token baru: POST /api/v1/token/."
)


def with_token(token: Token) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token {token.key}")


def made_days_ago(token: Token, days: float) -> None:
    Token.objects.filter(pk=token.pk).update(created=timezone.now() - datetime.timedelta(days=days))


@pytest.fixture
def token(world) -> Token:
    return Token.objects.create(user=world.section_head)


def test_a_token_works_within_its_lifetime_and_then_answers_401_with_a_message(token, settings):
    assert settings.KINERJA_API_TOKEN_DAYS == 30
    made_days_ago(token, 29.9)
    assert with_token(token).get(AGENCIES).status_code == 200
    made_days_ago(token, 30)
    response = with_token(token).get(AGENCIES)
    assert response.status_code == 401
    assert response.json() == {"detail": EXPIRED}
    assert response["WWW-Authenticate"] == "Token"


def test_the_lifetime_is_a_setting(token, settings):
    settings.KINERJA_API_TOKEN_DAYS = 1
    made_days_ago(token, 2)
    assert with_token(token).get(AGENCIES).status_code == 401
    settings.KINERJA_API_TOKEN_DAYS = 3
    assert with_token(token).get(AGENCIES).status_code == 200


def test_an_expired_token_is_not_shown_and_a_new_one_works(world, token):
    made_days_ago(token, 31)
    session = Client()
    session.force_login(world.section_head)
    assert session.get(reverse("api-token")).json() == {"token": None}
    new = session.post(reverse("api-token")).json()["token"]
    assert with_token(Token.objects.get(key=new)).get(AGENCIES).status_code == 200


def test_a_token_cannot_make_its_successor(token):
    response = with_token(token).post(reverse("api-token"))
    assert response.status_code == 403
    assert response.json() == {"detail": "Token baru hanya dibuat setelah masuk dengan kata sandi, bukan dengan token."}
    assert list(Token.objects.values_list("key", flat=True)) == [token.key]


def test_logging_out_ends_the_users_token_and_no_one_elses(world, token):
    others = Token.objects.create(user=world.head_of_agency)
    session = Client()
    assert session.post(reverse("login"), {"username": "kasi", "password": PASSWORD}).status_code == 302
    assert with_token(token).get(AGENCIES).status_code == 200
    assert session.post(reverse("logout")).status_code == 302
    assert with_token(token).get(AGENCIES).status_code == 401
    assert not Token.objects.filter(user=world.section_head).exists()
    assert with_token(others).get(AGENCIES).status_code == 200


def test_logging_out_of_the_admin_ends_the_token_too(django_user_model):
    admin = django_user_model.objects.create_superuser("admin-uji", password=PASSWORD)
    token = Token.objects.create(user=admin)
    session = Client()
    session.force_login(admin)
    session.post(reverse("admin:logout"))
    assert "_auth_user_id" not in session.session
    assert with_token(token).get(AGENCIES).status_code == 401

"""URLs of the dashboard app (included from config/urls.py)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []

"""A selector's NotFound answers 404 with its message, like Django's Http404; nothing below the views knows HTTP."""

from django.urls import reverse


def test_an_unknown_position_or_indicator_answers_404(logged_in, seed):
    for url in (
        reverse("position-page", args=[seed.code, "tidak-ada"]),
        reverse("indicator-detail", args=[seed.code, "TIDAK.ADA"]),
    ):
        assert logged_in.get(url).status_code == 404, url

"""Every page of the seed agency is reachable by links from the home page."""

import re
from urllib.parse import urldefrag

import pytest
from django.urls import reverse

from kinerja.strategy.models import Indicator

LINK = re.compile(r'href="(/[^"]*)"')
DOWNLOAD = re.compile(r"\.(pdf|docx|xlsx|json)(\?|$)")  # printed documents and exported files: tests of their own


@pytest.mark.slow
def test_every_page_is_reachable_from_home_and_answers_200(logged_in, seed):
    seen: set[str] = set()
    downloads: set[str] = set()
    queue = ["/"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = logged_in.get(url, follow=True)  # the menu's "Realisasi" leads on to one's entry page
        assert response.status_code == 200, url
        for link in LINK.findall(response.content.decode()):
            link = urldefrag(link)[0]
            if DOWNLOAD.search(link):
                downloads.add(link.split("?")[0])
                continue
            if link.startswith(("/admin/", "/static/", "/keluar/", "/i18n/")) or link in seen:
                continue
            queue.append(link)
    expected = {
        "/",
        reverse("agency-overview", args=[seed.code]),
        reverse("organisation-tree", args=[seed.code]),
        reverse("plan-detail", args=[seed.code]),
        reverse("documents", args=[seed.code]),
        *(reverse("position-page", args=[seed.code, code]) for code in seed.positions.values_list("code", flat=True)),
        *(
            reverse("indicator-detail", args=[seed.code, code])
            for code in Indicator.objects.filter(plan__agency=seed).values_list("code", flat=True)
        ),
    }
    assert expected - seen == set()
    assert reverse("document-download", args=[seed.code, "keputusan-iku-iki", "pdf"]) in downloads

from django.urls import reverse


def test_browser_language_does_not_switch_the_interface_away_from_indonesian(client, seed, world):
    client.force_login(world.head_of_agency)
    url = reverse("agency-overview", args=[seed.code])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Ringkasan" in page


def test_the_chosen_language_is_kept(client, seed, world):
    client.force_login(world.head_of_agency)
    url = reverse("agency-overview", args=[seed.code])
    client.post(reverse("set_language"), {"language": "en", "next": url})
    assert "Overview" in client.get(url).content.decode()

"""A year to evaluate that is not one (kinerja.core.periods.parse_year) is a message, never a 500."""

import pytest
from django.urls import reverse

from kinerja.evaluation.models import Evaluation


@pytest.mark.parametrize("year", ["²", "99999999999", "1999", "abc", ""])
def test_starting_an_evaluation_of_a_year_that_is_not_one_answers_with_a_message(client, world, seed, year):
    client.force_login(world.planner)
    response = client.post(reverse("evaluation-start", args=[seed.code]), {"year": year}, follow=True)
    assert response.status_code == 200
    assert "Isi tahun yang dievaluasi (2000–2100)." in response.content.decode()
    assert not Evaluation.objects.filter(agency=seed).exists()

"""The evaluation speaks the user's language (issue 19, point 5): its refusals and messages are English msgids with
the Indonesian of the catalogue, so the English interface gets English and the Indonesian one the same text as
before; what it stores for everyone — the audit trail, the fed actual's note and evidence — is written in the
record language (Bahasa Indonesia) whoever's request wrote it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from kinerja.core.models import AuditRecord
from kinerja.evaluation import services
from kinerja.evaluation.models import Answer
from kinerja.performance.models import Actual

from .conftest import answer_all

YEAR = 2022


def _refusal(call) -> str:
    with pytest.raises(ValidationError) as refused:
        call()
    return " ".join(refused.value.messages)


def _start_again(world):
    return lambda: services.start_evaluation(actor=world.planner, agency=world.agency, year=YEAR)


def test_a_refusal_is_in_the_language_of_the_user(world, lke):
    services.start_evaluation(actor=world.planner, agency=world.agency, year=YEAR)
    with translation.override("en"):
        english = _refusal(_start_again(world))
        too_long = _refusal(
            lambda: services.save_self_assessment(
                actor=world.planner,
                answer=Answer.objects.select_related("evaluation", "criterion").first(),
                self_answer="A",
                self_note="x" * 4001,
            )
        )
        incomplete = services.incomplete_message(1, 80)
    with translation.override("id"):
        indonesian = _refusal(_start_again(world))
    assert english == "The SAKIP evaluation of 2022 already exists."
    assert too_long == "At most 4000 characters (4001 written)."
    assert incomplete.startswith("1 of 80 criteria of the self-assessment is not answered yet.")
    assert indonesian == "Evaluasi SAKIP tahun 2022 sudah ada."


def test_the_finalising_refusal_counts_in_english_and_in_indonesian(world, under_evaluation):
    answer_all(under_evaluation, world.inspector, skip={"D.c.5"})
    finalise = lambda: services.finalise(actor=world.inspector, evaluation=under_evaluation)  # noqa: E731
    with translation.override("en"):
        assert _refusal(finalise) == "1 criterion is not answered by the evaluator yet: D.c.5."
    assert _refusal(finalise) == "Masih ada 1 kriteria yang belum dijawab evaluator: D.c.5."


def test_what_the_evaluation_stores_is_in_indonesian_whoever_writes_it(world, under_evaluation):
    with translation.override("en"):
        answer_all(under_evaluation, world.inspector, "AA")
        services.finalise(actor=world.inspector, evaluation=under_evaluation)
    descriptions = list(
        AuditRecord.objects.filter(description__startswith="Evaluasi SAKIP 2022: ")
        .order_by("pk")
        .values_list("description", flat=True)
    )
    assert descriptions[0] == "Evaluasi SAKIP 2022: dimulai dengan lembar kerja 2021 (80 kriteria)"
    assert "Evaluasi SAKIP 2022: jawaban evaluator kriteria A.a.1" in descriptions
    assert descriptions[-1].startswith("Evaluasi SAKIP 2022: ditetapkan final, nilai 100")
    assert not AuditRecord.objects.filter(description__contains="SAKIP evaluation").exists()
    actual = Actual.objects.get(indicator__plan__agency=world.agency, indicator__code="IKU.1", year=YEAR)
    assert actual.note.startswith("Nilai hasil evaluasi SAKIP tahun 2022 oleh Inspektorat: 100")
    assert actual.evidence.get().original_name == "Hasil evaluasi SAKIP 2022"


def test_a_page_message_is_in_the_chosen_language(client, world, seed):
    client.force_login(world.planner)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.post(reverse("evaluation-start", args=[seed.code]), {"year": ""}, follow=True)
    page = response.content.decode()
    assert "Fill in the year to evaluate (2000–2100)." in page
    assert "Isi tahun yang dievaluasi" not in page

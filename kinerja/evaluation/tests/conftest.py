import pytest

from kinerja.evaluation import services
from kinerja.evaluation.models import Answer, Evaluation, WorksheetVersion
from kinerja.evaluation.worksheet import builtin_worksheet_path, load_worksheet, read_worksheet_file


@pytest.fixture
def lke(db):
    """The 2021 worksheet (loaded by the migration; loaded again if a transactional test emptied the tables)."""
    version = WorksheetVersion.objects.filter(code="2021").first()
    return version or load_worksheet(actor=None, worksheet=read_worksheet_file(builtin_worksheet_path()))


def answer_all(evaluation: Evaluation, actor, letter="BB", *, skip=(), recommendation_for=()) -> None:
    for answer in Answer.objects.filter(evaluation=evaluation).select_related("criterion", "evaluation"):
        if answer.criterion.code in skip:
            continue
        services.save_evaluator_answer(
            actor=actor,
            answer=answer,
            value=letter(answer.criterion.code) if callable(letter) else letter,
            recommendation="Perbaiki " + answer.criterion.code if answer.criterion.code in recommendation_for else "",
        )


@pytest.fixture
def under_evaluation(world, lke, settings, tmp_path):
    """The seed agency's 2022 evaluation, started and sent by its planner."""
    settings.MEDIA_ROOT = tmp_path
    evaluation = services.start_evaluation(actor=world.planner, agency=world.agency, year=2022)
    return services.submit_self_assessment(actor=world.planner, evaluation=evaluation, send_incomplete=True)

"""URLs of the evaluation app (included from config/urls.py)."""

from django.urls import path

from .views import answers, evidence, follow_up, pages, region, sending

AT = "instansi/<slug:agency>/evaluasi-sakip/"
YEAR = AT + "<int:year>/"

urlpatterns = [
    path(AT, pages.index, name="evaluation-index"),
    path(AT + "mulai/", pages.start, name="evaluation-start"),
    path(YEAR, pages.evaluation_page, name="evaluation-page"),
    path(YEAR + "hasil/", pages.result, name="evaluation-result"),
    path(YEAR + "kirim/", sending.submit, name="evaluation-submit"),
    path(YEAR + "final/", sending.finalise, name="evaluation-finalise"),
    path(YEAR + "kriteria/<str:criterion>/mandiri/", answers.self_assessment, name="evaluation-self"),
    path(YEAR + "kriteria/<str:criterion>/evaluator/", answers.evaluator_answer, name="evaluation-answer"),
    path(YEAR + "kriteria/<str:criterion>/bukti/", evidence.add_evidence, name="evaluation-evidence-add"),
    path(YEAR + "bukti/<int:evidence>/", evidence.evidence_download, name="evaluation-evidence"),
    path(YEAR + "bukti/<int:evidence>/hapus/", evidence.remove_evidence, name="evaluation-evidence-remove"),
    path(YEAR + "tindak-lanjut/<int:follow_up>/", follow_up.follow_up, name="evaluation-follow-up"),
    path("wilayah/<slug:region>/evaluasi-sakip/<int:year>/", region.region_summary, name="evaluation-region"),
]

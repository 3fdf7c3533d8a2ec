"""URLs of the evaluation app (included from config/urls.py)."""

from django.urls import path

from . import views

AT = "instansi/<slug:agency>/evaluasi-sakip/"
YEAR = AT + "<int:year>/"

urlpatterns = [
    path(AT, views.index, name="evaluation-index"),
    path(AT + "mulai/", views.start, name="evaluation-start"),
    path(YEAR, views.evaluation_page, name="evaluation-page"),
    path(YEAR + "hasil/", views.result, name="evaluation-result"),
    path(YEAR + "kirim/", views.submit, name="evaluation-submit"),
    path(YEAR + "final/", views.finalise, name="evaluation-finalise"),
    path(YEAR + "kriteria/<str:criterion>/mandiri/", views.self_assessment, name="evaluation-self"),
    path(YEAR + "kriteria/<str:criterion>/evaluator/", views.evaluator_answer, name="evaluation-answer"),
    path(YEAR + "kriteria/<str:criterion>/bukti/", views.add_evidence, name="evaluation-evidence-add"),
    path(YEAR + "bukti/<int:evidence>/", views.evidence_download, name="evaluation-evidence"),
    path(YEAR + "bukti/<int:evidence>/hapus/", views.remove_evidence, name="evaluation-evidence-remove"),
    path(YEAR + "tindak-lanjut/<int:follow_up>/", views.follow_up, name="evaluation-follow-up"),
    path("wilayah/<slug:region>/evaluasi-sakip/<int:year>/", views.region_summary, name="evaluation-region"),
]

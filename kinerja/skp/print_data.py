"""What the printed SKP needs beyond its page's selector (reports.skp_form prints it): the rater, the superior's
result each RHK supports, and what keeps the print a draft (KONSEP), shown on the SKP page too."""

import datetime

from django.conf import settings
from django.utils import translation

from kinerja.organisation.models import Official, Position
from kinerja.organisation.selectors import current_assignments, in_force

from .models import Skp
from .selectors import Link, ResultView, SkpView

Rater = tuple[Position | None, Official | None]


def rater_of(skp: Skp) -> tuple[Position | None, Official | None]:
    """The rater's post (the position above) and who rates: who rated, else its holder at the year's end (2
    queries)."""
    position = skp.position
    if position.superior_id is None:
        return None, skp.rated_by
    superior = Position.objects.select_related("unit").get(pk=position.superior_id)
    if skp.rated_by is not None:
        return superior, skp.rated_by
    day = min(datetime.date(skp.year, 12, 31), datetime.date.today())
    assignment = in_force(current_assignments(day).filter(position=superior), day)
    return superior, assignment.official if assignment else None


def intervened(view: ResultView, position: Position) -> Link | None:
    """The superior's result this RHK supports: the first link of its chain that is not the official's own (the
    superior's RHK, a superior's objective, or the strategic objective)."""
    for link in view.chain:
        if link.strategic or link.owner != position.title:
            return link
    return None


def missing(view: SkpView, rater: Rater) -> list[str]:
    skp, sentences = view.skp, []
    if not view.results:
        sentences.append("SKP belum mempunyai rencana hasil kerja (RHK).")
    for number, item in enumerate(view.results, start=1):
        name = f"RHK {number} “{item.result.text[:80]}”"
        if not item.indicators:
            sentences.append(f"{name} belum mempunyai indikator kinerja individu.")
        sentences += [
            f"{name}: indikator “{indicator.name[:60]}” belum mempunyai target."
            for indicator in item.indicators
            if indicator.target is None
        ]
        if not item.reaches_objective:
            sentences.append(f"{name} belum tersambung sampai sasaran strategis.")
    if not skp.work_rating:
        sentences.append("Rating hasil kerja belum diberikan.")
    sentences += [
        f"Rating perilaku “{key.replace('_', ' ').title()}” belum diberikan."
        for key, _name, rating in skp.behaviours
        if not rating
    ]
    if not skp.predicate:
        sentences.append("Predikat kinerja pegawai belum ditetapkan.")
    if rater[1] is None:
        sentences.append("Pejabat penilai kinerja belum tercatat.")
    return sentences


def what_is_missing(view: SkpView) -> list[str]:
    """What keeps the SKP of `view` a draft (KONSEP) when printed, for its page (2 queries: the rater)."""
    with translation.override(settings.LANGUAGE_CODE):
        return missing(view, rater_of(view.skp))

"""What the printed SKP needs beyond its page's selector (reports.skp_form prints it): the rater, the superior's
result each RHK supports, and what keeps the print a draft (KONSEP), shown on the SKP page too."""

import datetime

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

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
    """What keeps the SKP a draft (KONSEP), in sentences of the active language."""
    skp, sentences = view.skp, []
    if not view.results:
        sentences.append(gettext("The SKP has no work result (RHK) yet."))
    for number, item in enumerate(view.results, start=1):
        name = f"RHK {number} “{item.result.text[:80]}”"
        if not item.indicators:
            sentences.append(gettext("%(result)s has no individual performance indicator yet.") % {"result": name})
        sentences += [
            gettext("%(result)s: indicator “%(indicator)s” has no target yet.")
            % {"result": name, "indicator": indicator.name[:60]}
            for indicator in item.indicators
            if indicator.target is None
        ]
        if not item.reaches_objective:
            sentences.append(gettext("%(result)s is not yet linked up to a strategic objective.") % {"result": name})
    if not skp.work_rating:
        sentences.append(gettext("The work result rating has not been given yet."))
    sentences += [
        gettext("The behaviour rating “%(behaviour)s” has not been given yet.") % {"behaviour": behaviour}
        for _key, behaviour, rating in skp.behaviours
        if not rating
    ]
    if not skp.predicate:
        sentences.append(gettext("The official's performance predicate has not been set yet."))
    if rater[1] is None:
        sentences.append(gettext("The performance rater is not recorded yet."))
    return sentences


def what_is_missing(view: SkpView) -> list[str]:
    """What keeps the SKP of `view` a draft (KONSEP) when printed, for its page (2 queries: the rater)."""
    with translation.override(settings.LANGUAGE_CODE):
        return missing(view, rater_of(view.skp))

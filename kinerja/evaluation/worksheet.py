"""Reading, checking and loading a worksheet version file (`data/lke-2021.yaml`): the worksheet is data.

`parse_worksheet` checks everything first and raises `WorksheetError` with every problem named by its place
(component / sub-component / criterion); `load_worksheet` then writes it in one transaction, audited. Nothing is
written when anything is wrong. Loading a version again (same code) replaces its wording while no evaluation
uses it; a version in use is refused (load the corrected worksheet under a new code).
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.utils.translation import gettext, pgettext

from kinerja.core import audit
from kinerja.core.actors import Actor
from kinerja.core.models import AuditRecord

HUNDRED = Decimal(100)


class WorksheetError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class CriterionData:
    code: str
    text: str


@dataclass
class SubComponentData:
    code: str
    name: str
    weight: Decimal
    criteria: list[CriterionData]


@dataclass
class ComponentData:
    code: str
    name: str
    weight: Decimal
    sub_components: list[SubComponentData]


@dataclass
class WorksheetData:
    code: str
    name: str
    regulation: str
    components: list[ComponentData]
    source: str = ""


def _text(item: Any, key: str, place: str, problems: list[str]) -> str:
    value = item.get(key) if isinstance(item, dict) else None
    if value is None or not str(value).strip():
        problems.append(gettext("%(place)s: “%(key)s” is missing.") % {"place": place, "key": key})
        return ""
    return str(value).strip()


def _weight(item: Any, place: str, problems: list[str]) -> Decimal:
    raw = item.get("weight") if isinstance(item, dict) else None
    try:
        value = Decimal(str(raw).strip())
        if not value.is_finite() or value <= 0:
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        problems.append(
            gettext("%(place)s: the weight “%(raw)s” is not a number greater than 0.") % {"place": place, "raw": raw}
        )
        return Decimal(0)
    return value


def _items(item: Any, key: str, place: str, problems: list[str]) -> list:
    value = item.get(key) if isinstance(item, dict) else None
    if not isinstance(value, list) or not value:
        problems.append(gettext("%(place)s: the list “%(key)s” is empty or missing.") % {"place": place, "key": key})
        return []
    return value


def _unique(code: str, seen: set[str], place: str, problems: list[str]) -> None:
    if code and code in seen:
        problems.append(
            gettext("%(place)s: the code “%(code)s” is used more than once.") % {"place": place, "code": code}
        )
    seen.add(code)


def parse_worksheet(data: Any, source: str = "") -> WorksheetData:
    """The checked worksheet; WorksheetError listing every problem with its place."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise WorksheetError([gettext("A worksheet file must hold one object (code, name, regulation, components).")])
    code = _text(data, "code", pgettext("evaluation worksheet", "Worksheet"), problems)
    name = _text(data, "name", pgettext("evaluation worksheet", "Worksheet"), problems)
    regulation = _text(data, "regulation", pgettext("evaluation worksheet", "Worksheet"), problems)
    seen: set[str] = set()
    components = []
    for index, raw in enumerate(
        _items(data, "components", pgettext("evaluation worksheet", "Worksheet"), problems), start=1
    ):
        place = gettext("Component no. %(number)s") % {"number": index}
        component_code = _text(raw, "code", place, problems)
        if component_code:
            place = gettext("Component %(code)s") % {"code": component_code}
        _unique(component_code, seen, place, problems)
        weight = _weight(raw, place, problems)
        subs = []
        for sub_index, raw_sub in enumerate(_items(raw, "sub_components", place, problems), start=1):
            numbered = gettext("%(place)s, sub-component no. %(number)s") % {"place": place, "number": sub_index}
            sub_code = _text(raw_sub, "code", numbered, problems)
            sub_place = (
                gettext("%(place)s, sub-component %(code)s") % {"place": place, "code": sub_code}
                if sub_code
                else numbered
            )
            _unique(sub_code, seen, sub_place, problems)
            criteria = []
            for criterion_index, raw_criterion in enumerate(_items(raw_sub, "criteria", sub_place, problems), 1):
                numbered = gettext("%(place)s, criterion no. %(number)s") % {
                    "place": sub_place,
                    "number": criterion_index,
                }
                criterion_code = _text(raw_criterion, "code", numbered, problems)
                criterion_place = (
                    gettext("%(place)s, criterion %(code)s") % {"place": sub_place, "code": criterion_code}
                    if criterion_code
                    else numbered
                )
                _unique(criterion_code, seen, criterion_place, problems)
                criteria.append(CriterionData(criterion_code, _text(raw_criterion, "text", criterion_place, problems)))
            subs.append(
                SubComponentData(
                    sub_code,
                    _text(raw_sub, "name", sub_place, problems),
                    _weight(raw_sub, sub_place, problems),
                    criteria,
                )
            )
        if subs and weight and all(sub.weight for sub in subs):
            sub_total = sum((sub.weight for sub in subs), Decimal(0))
            if sub_total != weight:
                problems.append(
                    gettext(
                        "%(place)s: the weights of the sub-components add up to %(total)s, not the component's "
                        "weight %(weight)s."
                    )
                    % {"place": place, "total": format(sub_total, "f"), "weight": format(weight, "f")}
                )
        components.append(ComponentData(component_code, _text(raw, "name", place, problems), weight, subs))
    if components and all(component.weight for component in components):
        total = sum((component.weight for component in components), Decimal(0))
        if total != HUNDRED:
            problems.append(
                gettext("Worksheet: the weights of the components add up to %(total)s, not 100.")
                % {"total": format(total, "f")}
            )
    if problems:
        raise WorksheetError(problems)
    return WorksheetData(code, name, regulation, components, source)


def read_worksheet_file(path: str | Path) -> WorksheetData:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise WorksheetError(
            [gettext("The file %(path)s cannot be read: %(error)s.") % {"path": path, "error": error.strerror}]
        ) from error
    except yaml.YAMLError as error:
        raise WorksheetError(
            [gettext("The file %(path)s is not valid YAML: %(error)s.") % {"path": path, "error": error}]
        ) from error
    return parse_worksheet(data, source=path.name)


def write_worksheet(worksheet: WorksheetData, models: Any) -> Any:
    """Write a checked worksheet with the given model classes (the app's, or a migration's historical ones):
    the version and all its rows. Returns the version. Refuses a version that an evaluation uses."""
    version = models.WorksheetVersion.objects.filter(code=worksheet.code).first()
    if version is not None:
        if models.Evaluation.objects.filter(version=version).exists():
            raise WorksheetError(
                [
                    (
                        gettext(
                            "Worksheet %(code)s is already used by an evaluation; load the changes under a new "
                            "version code."
                        )
                        % {"code": worksheet.code}
                    )
                ]
            )
        models.Component.objects.filter(version=version).delete()
        version.name, version.regulation, version.source = worksheet.name, worksheet.regulation, worksheet.source
        version.save()
    else:
        version = models.WorksheetVersion.objects.create(
            code=worksheet.code, name=worksheet.name, regulation=worksheet.regulation, source=worksheet.source
        )
    for order, component in enumerate(worksheet.components, start=1):
        component_row = models.Component.objects.create(
            version=version, code=component.code, name=component.name, weight=component.weight, order=order
        )
        for sub_order, sub in enumerate(component.sub_components, start=1):
            sub_row = models.SubComponent.objects.create(
                component=component_row, code=sub.code, name=sub.name, weight=sub.weight, order=sub_order
            )
            models.Criterion.objects.bulk_create(
                [
                    models.Criterion(sub_component=sub_row, code=criterion.code, text=criterion.text, order=number)
                    for number, criterion in enumerate(sub.criteria, start=1)
                ]
            )
    return version


@transaction.atomic
def load_worksheet(*, actor: Actor, worksheet: WorksheetData) -> Any:
    """Load a checked worksheet (the app's models), recorded in the audit trail with its counts."""
    from . import models

    before = models.WorksheetVersion.objects.filter(code=worksheet.code).first()
    before_values = audit.snapshot(before)
    version = write_worksheet(worksheet, models)
    counts = {
        "components": len(worksheet.components),
        "sub_components": sum(len(c.sub_components) for c in worksheet.components),
        "criteria": sum(len(s.criteria) for c in worksheet.components for s in c.sub_components),
    }
    action = AuditRecord.Action.CHANGED if before else AuditRecord.Action.CREATED
    with audit.in_record_language():
        description = (
            f"Lembar kerja evaluasi SAKIP {version.code} dimuat ({counts['components']} komponen, "
            f"{counts['sub_components']} subkomponen, {counts['criteria']} kriteria)"
        )
    audit.record(
        actor=actor,
        action=action,
        obj=version,
        before=before_values,
        after={**audit.snapshot(version), **counts},
        description=description,
    )
    return version


def builtin_worksheet_path() -> Path:
    return Path(__file__).resolve().parents[2] / "data" / "lke-2021.yaml"

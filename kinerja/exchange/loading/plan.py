"""The plan of a dataset: the strategic plan, its goals, strategic objectives, indicators, the IKU table, the
programmes with their activities and sub-activities, the IKI pages (performance objectives and their indicator
rows) and the decree with its clauses and chapters."""

from typing import Any

from django.utils.translation import gettext, pgettext

from kinerja.core.chains import cycle_of_codes
from kinerja.core.numbers import from_dataset
from kinerja.organisation.models import Agency
from kinerja.strategy.models import (
    Activity,
    Decree,
    DecreeChapter,
    DecreeClause,
    Goal,
    Indicator,
    KeyIndicatorRow,
    Objective,
    PageIndicator,
    Programme,
    StrategicPlan,
    SubActivity,
)
from kinerja.strategy.models.plan_rules import cycle_message
from kinerja.strategy.page_editing import unless_same

from .unit_of_work import UnitOfWork, dataset_date


def preload_plan(work: UnitOfWork, plan: StrategicPlan) -> None:
    """Every row of the plan the load compares, one query per table."""
    for model in (Goal, Objective, Indicator, Programme):
        work.preload(model, model.objects.filter(plan=plan), "plan", "code")
    work.preload(Activity, Activity.objects.filter(programme__plan=plan), "programme", "code")
    work.preload(SubActivity, SubActivity.objects.filter(activity__programme__plan=plan), "activity", "code")
    work.preload(Decree, Decree.objects.filter(plan=plan), "plan", "year")
    work.preload_children(KeyIndicatorRow, "plan", KeyIndicatorRow.objects.filter(plan=plan).order_by("order"))
    work.preload_children(
        DecreeClause, "decree", DecreeClause.objects.filter(decree__plan=plan).order_by("kind", "order")
    )
    work.preload_children(DecreeChapter, "decree", DecreeChapter.objects.filter(decree__plan=plan).order_by("order"))
    programmes = Programme.objects.filter(plan=plan)
    activities = Activity.objects.filter(programme__plan=plan)
    work.preload_links(Programme, "objectives", programmes)
    work.preload_links(Programme, "indicators", programmes)
    work.preload_links(Activity, "indicators", activities)
    work.preload_links(SubActivity, "indicators", SubActivity.objects.filter(activity__in=activities))


def load_plan(work: UnitOfWork, agency: Agency) -> StrategicPlan | None:
    item = work.data["plan"]
    # the plan's own rules (its years among them) are StrategicPlan.clean(), asked by `save`
    plan = work.save(
        StrategicPlan,
        "plan",
        {"agency": agency, "first_year": item["first_year"]},
        {
            "name": item["name"],
            "last_year": item["last_year"],
        },
    )
    if plan is None:
        return None
    preload_plan(work, plan)
    for index, goal in enumerate(item.get("goals", [])):
        record = f"plan.goals[{index + 1}] ({goal['code']})"
        saved = work.save(
            Goal, record, {"plan": plan, "code": goal["code"]}, {"text": goal["text"], "order": index + 1}
        )
        work.register(work.goals, goal["code"], record, saved)
    for index, objective in enumerate(item.get("objectives", [])):
        record = f"plan.objectives[{index + 1}] ({objective['code']})"
        goal = work.lookup(work.goals, objective.get("goal"), record, "goal", pgettext("dataset record", "goal"))
        saved = work.save(
            Objective,
            record,
            {"plan": plan, "code": objective["code"]},
            {
                "text": objective["text"],
                "level": Objective.Level.STRATEGIC,
                "goal": goal,
                "position": None,
                "contributes_to": None,
                "order": index + 1,
            },
        )
        work.register(work.objectives, objective["code"], record, saved)
    for index, indicator in enumerate(item.get("indicators", [])):
        load_indicator(work, plan, index, indicator)
    work.create_new(Indicator)  # their keys: the key rows, the links, the pages, the figures
    load_key_rows(work, plan, item.get("key_indicator_rows", []))
    load_programmes(work, plan, item.get("programmes", []))
    return plan


def load_indicator(work: UnitOfWork, plan: StrategicPlan, index: int, item: dict) -> None:
    record = f"plan.indicators[{index + 1}] ({item['code']})"
    objective = work.lookup(
        work.objectives, item.get("objective"), record, "objective", pgettext("dataset record", "objective")
    )
    responsible = work.lookup(
        work.positions, item.get("responsible"), record, "responsible", pgettext("dataset record", "position")
    )
    factor = item.get("factor")
    try:
        factor = from_dataset(factor)
    except ValueError as error:
        work.problem(record, "factor", str(error))
        factor = None
    ratio = item["formula"] == Indicator.Formula.RATIO
    saved = work.save(
        Indicator,
        record,
        {"plan": plan, "code": item["code"]},
        {
            "name": item["name"],
            "objective": objective,
            "is_key": item.get("is_key", False),
            "formula": item["formula"],
            "numerator": item.get("numerator", "") if ratio else "",
            "denominator": item.get("denominator", "") if ratio else "",
            "factor": factor if ratio else None,
            "definition": item.get("definition", ""),
            "unit": item["unit"],
            "data_source": item.get("data_source", ""),
            "responsible_position": responsible,
            "polarity": item.get("polarity", Indicator.Polarity.HIGHER),
            "quarter_rule": item["quarter_rule"],
            "decimals": item.get("decimals", 2),
            "order": index + 1,
            "fed_by": item.get("fed_by", ""),
        },
    )
    work.register(work.indicators, item["code"], record, saved)


def load_key_rows(work: UnitOfWork, plan: StrategicPlan, items: list[dict]) -> None:
    rows = []
    for index, item in enumerate(items):
        record = f"plan.key_indicator_rows[{index + 1}] ({item['indicator']})"
        indicator = work.lookup(
            work.indicators, item["indicator"], record, "indicator", pgettext("dataset record", "indicator")
        )
        if indicator is None:
            continue
        if not indicator.is_key:
            work.problem(
                record,
                "indicator",
                gettext("indicator '%(code)s' is not an IKU (is_key: false).") % {"code": item["indicator"]},
            )
        objective = objective_of(work, indicator)
        rows.append(
            {
                "indicator_id": indicator.pk,
                "order": index + 1,
                "printed_objective": unless_same(
                    item.get("printed_objective", ""), objective.text if objective else ""
                ),
                "printed_name": unless_same(item.get("printed_name", ""), indicator.name),
                "printed_definition": unless_same(item.get("printed_definition", ""), indicator.definition),
                "printed_data_source": unless_same(item.get("printed_data_source", ""), indicator.data_source),
                "printed_responsible": item.get("printed_responsible", ""),
            }
        )
    if len({row["indicator_id"] for row in rows}) != len(rows):
        work.problem("plan.key_indicator_rows", "indicator", gettext("an indicator appears twice in the IKU table."))
        return
    work.sync_rows(KeyIndicatorRow, "plan.key_indicator_rows", {"plan": plan}, rows)


def objective_of(work: UnitOfWork, indicator: Indicator) -> Objective | None:
    """The indicator's objective from the rows loaded (no query), the database's when it is not one of them."""
    if indicator.objective_id is None:
        return None
    for objective in work.objectives.values():
        if objective is not None and objective.pk == indicator.objective_id:
            return objective
    return indicator.objective


def load_programmes(work: UnitOfWork, plan: StrategicPlan, items: list[dict]) -> None:
    for index, item in enumerate(items):
        record = f"plan.programmes[{index + 1}] ({item['code']})"
        programme = work.save(
            Programme, record, {"plan": plan, "code": item["code"]}, {"name": item["name"], "order": index + 1}
        )
        objectives = work.codes_to(
            work.objectives,
            item.get("objectives", []),
            record,
            "objectives",
            pgettext("dataset record", "objective"),
        )
        indicators = work.codes_to(
            work.indicators,
            item.get("indicators", []),
            record,
            "indicators",
            pgettext("dataset record", "indicator"),
        )
        if programme is None:
            continue
        work.set_links(programme, "objectives", objectives)
        work.set_links(programme, "indicators", indicators)
        for a_index, activity_item in enumerate(item.get("activities", [])):
            a_record = f"{record}.activities[{a_index + 1}] ({activity_item['code']})"
            activity = work.save(
                Activity,
                a_record,
                {"programme": programme, "code": activity_item["code"]},
                {"name": activity_item["name"], "order": a_index + 1},
            )
            links = work.codes_to(
                work.indicators, activity_item.get("indicators", []), a_record, "indicators", "indikator"
            )
            if activity is None:
                continue
            work.set_links(activity, "indicators", links)
            for s_index, sub_item in enumerate(activity_item.get("sub_activities", [])):
                s_record = f"{a_record}.sub_activities[{s_index + 1}] ({sub_item['code']})"
                sub = work.save(
                    SubActivity,
                    s_record,
                    {"activity": activity, "code": sub_item["code"]},
                    {"name": sub_item["name"], "order": s_index + 1},
                )
                links = work.codes_to(
                    work.indicators, sub_item.get("indicators", []), s_record, "indicators", "indikator"
                )
                if sub is not None:
                    work.set_links(sub, "indicators", links)


def contribution_links(data: dict) -> dict[str, str | None]:
    """Every objective of the file, by code, with the code it contributes to (a strategic objective: none)."""
    links: dict[str, str | None] = {item["code"]: None for item in data.get("plan", {}).get("objectives", [])}
    for page in data.get("pages", []):
        for item in page["objectives"]:
            links[item["code"]] = item.get("contributes_to")
    return links


def load_pages(work: UnitOfWork, plan: StrategicPlan) -> None:
    seen_positions: set[str] = set()
    links = contribution_links(work.data)
    for p_index, page in enumerate(work.data.get("pages", [])):
        page_record = f"pages[{p_index + 1}] ({page['position']})"
        position = work.lookup(
            work.positions, page["position"], page_record, "position", pgettext("dataset record", "position")
        )
        if page["position"] in seen_positions:
            work.problem(
                page_record,
                "position",
                gettext("the page of position '%(code)s' is a duplicate.") % {"code": page["position"]},
            )
        seen_positions.add(page["position"])
        if position is None:
            continue
        rows = []
        for o_index, item in enumerate(page["objectives"]):
            record = f"{page_record}.objectives[{o_index + 1}] ({item['code']})"
            # the file is read top-down: an objective above that comes later in the file is not known yet. When it
            # leads back here, the file holds a circle: say so (the model's rule, in its words), not "not known".
            if item.get("contributes_to") not in work.objectives and (chain := cycle_of_codes(links, item["code"])):
                work.problem(record, "contributes_to", cycle_message(chain))
                item = {**item, "contributes_to": None}
            above = work.lookup(
                work.objectives,
                item.get("contributes_to"),
                record,
                "contributes_to",
                pgettext("dataset record", "objective"),
            )
            objective = work.save(
                Objective,
                record,
                {"plan": plan, "code": item["code"]},
                {
                    "text": item["text"],
                    "level": Objective.Level.PERFORMANCE,
                    "goal": None,
                    "position": position,
                    "contributes_to": above,
                    "order": o_index + 1,
                },
            )
            work.register(work.objectives, item["code"], record, objective)
            for r_index, row in enumerate(item.get("indicators", [])):
                r_record = f"{record}.indicators[{r_index + 1}] ({row['indicator']})"
                indicator = work.lookup(
                    work.indicators,
                    row["indicator"],
                    r_record,
                    "indicator",
                    pgettext("dataset record", "indicator"),
                )
                if indicator is None or objective is None:
                    continue
                rows.append(
                    {
                        "objective_id": objective.pk,
                        "indicator_id": indicator.pk,
                        "order": r_index + 1,
                        "printed_name": unless_same(row.get("printed_name", ""), indicator.name),
                        "printed_definition": unless_same(row.get("printed_definition", ""), indicator.definition),
                        "printed_data_source": unless_same(row.get("printed_data_source", ""), indicator.data_source),
                    }
                )
        indicator_ids = [row["indicator_id"] for row in rows]
        if len(set(indicator_ids)) != len(indicator_ids):
            work.problem(page_record, "indicators", gettext("an indicator appears twice on this position's page."))
            continue
        work.sync_rows(
            PageIndicator,
            f"{page_record}.indicators",
            {"position": position},
            rows,
            order_by=("objective__order", "order"),
            sort_by=page_row_order(work),
        )


def page_row_order(work: UnitOfWork) -> Any:
    """How stored page rows are ordered (objective__order, order) with the objectives' order as loaded so far:
    a row of an objective the file does not name differs from the file's rows whatever its place."""
    orders = {objective.pk: objective.order for objective in work.objectives.values() if objective is not None}
    return lambda row: (orders.get(row["objective_id"], 0), row["order"])


def load_decree(work: UnitOfWork, plan: StrategicPlan) -> None:
    item = work.data["decree"]
    signatory = work.lookup(
        work.positions, item["signatory"], "decree", "signatory", pgettext("dataset record", "position")
    )
    if signatory is None:
        return
    decree = work.save(
        Decree,
        "decree",
        {"plan": plan, "year": item["year"]},
        {
            "number": item["number"],
            "date": dataset_date(item["date"]),
            "place": item["place"],
            "title": item["title"],
            "subject": item["subject"],
            "signatory": signatory,
        },
    )
    if decree is None:
        return
    rows = [
        *(
            {"kind": DecreeClause.Kind.CONSIDERATION.value, "order": i, "number": "", "text": text}
            for i, text in enumerate(item.get("considerations", []), 1)
        ),
        *(
            {"kind": DecreeClause.Kind.LEGAL_BASIS.value, "order": i, "number": "", "text": text}
            for i, text in enumerate(item.get("legal_bases", []), 1)
        ),
        *(
            {"kind": DecreeClause.Kind.DICTUM.value, "order": i, "number": d["label"], "text": d["text"]}
            for i, d in enumerate(item.get("dictums", []), 1)
        ),
    ]
    rows.sort(key=lambda row: (row["kind"], row["order"]))
    work.sync_rows(DecreeClause, "decree", {"decree": decree}, rows, order_by=("kind", "order"))
    chapters = [
        {"kind": c["kind"], "order": i, "title": c["title"], "body": c.get("body", "")}
        for i, c in enumerate(item.get("chapters", []), 1)
    ]
    if len({c["kind"] for c in chapters}) != len(chapters):
        work.problem("decree.chapters", "kind", gettext("a chapter appears twice."))
        return
    work.sync_rows(DecreeChapter, "decree.chapters", {"decree": decree}, chapters)

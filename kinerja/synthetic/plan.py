"""The plan of a synthetic agency: the strategic plan, goal, objectives, indicators and their pages, the IKU
table, programmes with activities, sub-activities and budgets, and the decrees."""

import datetime
from decimal import Decimal

from kinerja.strategy.models import (
    Activity,
    Budget,
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
from kinerja.synthetic.drafts import AgencyDraft, Writer
from kinerja.synthetic.vocabulary import (
    CHAPTERS,
    COUNT_VERBS,
    FIRST_YEAR,
    LAST_YEAR,
    RATIO_WORDS,
    SHARED,
    TOPICS,
    VALUE_WORDS,
)


def _indicator(item: AgencyDraft, code: str, order: int, objective: Objective | None) -> Indicator:
    rng = item.rng
    if rng.random() < 0.2:
        name, formula, unit, polarity, rule, numerator, denominator = SHARED[rng.randrange(len(SHARED))]
    else:
        formula = rng.choice(["ratio", "ratio", "count", "count", "value"])
        topic = TOPICS[rng.randrange(len(TOPICS))]
        polarity = rng.choices(["higher", "lower", "range"], [8, 1, 1])[0]
        numerator = denominator = ""
        if formula == "ratio":
            name, unit = f"{rng.choice(RATIO_WORDS)} {topic} yang memenuhi standar", "Persen"
            numerator, denominator = f"Jumlah {topic} yang memenuhi standar", f"Jumlah {topic}"
            rule = rng.choice(["last", "average", "sum"])
        elif formula == "count":
            name, unit, rule = f"{rng.choice(COUNT_VERBS)} {topic}", "Unit", rng.choice(["sum", "sum", "last"])
        else:
            name, unit, rule = f"{rng.choice(VALUE_WORDS)} {topic}", "Nilai", rng.choice(["last", "average"])
    return Indicator(
        plan=item.plan,
        code=code,
        name=name,
        objective=objective,
        formula=formula,
        numerator=numerator,
        denominator=denominator,
        factor=Decimal(100) if formula == "ratio" else None,
        definition=f"{name} ({unit.lower()})",
        unit=unit,
        data_source=f"Laporan {item.agency.short_name}",
        polarity=polarity,
        quarter_rule=rule,
        decimals=0 if formula == "count" else 2,
        order=order,
    )


def write_plans(items: list[AgencyDraft], write: Writer) -> None:
    for item in items:
        item.plan = StrategicPlan(
            agency=item.agency, name=f"Renstra {FIRST_YEAR}–{LAST_YEAR}", first_year=FIRST_YEAR, last_year=LAST_YEAR
        )
    write(StrategicPlan, [item.plan for item in items])
    goals = {
        item.index: Goal(plan=item.plan, code="T1", order=1, text=f"Meningkatnya kinerja {item.agency.name}")
        for item in items
    }
    write(Goal, list(goals.values()))
    for item in items:
        item.strategic = [
            Objective(
                plan=item.plan,
                code=f"S{k + 1}",
                level="strategic",
                goal=goals[item.index],
                order=k + 1,
                text=f"Meningkatnya {TOPICS[item.rng.randrange(len(TOPICS))]} yang berkualitas",
            )
            for k in range(item.rng.randint(2, 4))
        ]
    write(Objective, [objective for item in items for objective in item.strategic], "strategy.objective")
    for level in range(4):  # a position's objective contributes to its superior's (or a strategic one)
        rows = []
        for item in items:
            for position_code in item.levels[level]:
                superior = item.superior[position_code]
                above = item.objectives[superior] if superior else item.strategic
                objectives = [
                    Objective(
                        plan=item.plan,
                        code=f"{position_code}.O{k + 1}",
                        level="performance",
                        position=item.positions[position_code],
                        contributes_to=above[k % len(above)],
                        order=k + 1,
                        text=f"Terlaksananya {TOPICS[item.rng.randrange(len(TOPICS))]}",
                    )
                    for k in range(1 if level == 3 else item.rng.randint(1, 2))
                ]
                item.objectives[position_code] = objectives
                rows += objectives
        write(Objective, rows, "strategy.objective")
    key_rows, page_rows = [], []
    for item in items:
        rng = item.rng
        total = rng.randint(40, 120)
        iku = [
            _indicator(item, f"IKU.{k + 1}", k + 1, item.strategic[k % len(item.strategic)])
            for k in range(rng.randint(4, 8))
        ]
        for number, indicator in enumerate(iku):
            indicator.is_key = number % 4 != 3
            indicator.responsible_position = item.positions[item.levels[1][number % len(item.levels[1])]]
        item.indicators = list(iku)
        item.pages["kadis"] = [
            (item.objectives["kadis"][k % len(item.objectives["kadis"])], indicator) for k, indicator in enumerate(iku)
        ]
        item.owner.update((indicator.code, "kadis") for indicator in iku)
        others = [code for level in item.levels[1:] for code in level]
        for k in range(total - len(iku)):
            position_code = others[k % len(others)]
            objectives = item.objectives[position_code]
            objective = objectives[k // len(others) % len(objectives)]
            number = sum(1 for o, _ in item.pages.get(position_code, []) if o is objective) + 1
            indicator = _indicator(item, f"{objective.code}.I{number}", len(iku) + k + 1, None)
            item.indicators.append(indicator)
            item.pages.setdefault(position_code, []).append((objective, indicator))
            item.owner[indicator.code] = position_code
        key_rows += [
            KeyIndicatorRow(plan=item.plan, indicator=indicator, order=k + 1)
            for k, indicator in enumerate(i for i in iku if i.is_key)
        ]
    write(Indicator, [indicator for item in items for indicator in item.indicators])
    for item in items:
        # the secretary's page also prints the first indicator of each sub-division head (printed twice)
        for position_code in item.levels[2]:
            if item.superior[position_code] == "sekretaris" and item.pages.get(position_code):
                item.pages.setdefault("sekretaris", []).append(
                    (item.objectives["sekretaris"][0], item.pages[position_code][0][1])
                )
        for position_code, rows in item.pages.items():
            orders: dict[int, int] = {}
            for objective, indicator in rows:
                orders[id(objective)] = orders.get(id(objective), 0) + 1
                page_rows.append(
                    PageIndicator(
                        position=item.positions[position_code],
                        objective=objective,
                        indicator=indicator,
                        order=orders[id(objective)],
                    )
                )
    write(KeyIndicatorRow, key_rows)
    write(PageIndicator, page_rows)


def write_budget_tree(items: list[AgencyDraft], write: Writer) -> None:
    programmes, activities, subs = [], [], []
    for item in items:
        for d, kabid in enumerate(item.levels[1]):
            programme = Programme(
                plan=item.plan,
                code=f"1.{item.index + 1:02d}.{d + 1:02d}",
                order=d + 1,
                name=f"Program {item.units[item.unit_of[kabid]].name}",
            )
            programme._agency, programme._kabid = item, kabid
            programmes.append(programme)
    write(Programme, programmes)
    for programme in programmes:
        item = programme._agency
        below = [code for code in item.levels[2] if item.superior[code] == programme._kabid]
        for a, position_code in enumerate(below):
            activity = Activity(
                programme=programme,
                code=f"{programme.code}.{a + 1}",
                order=a + 1,
                name=f"Kegiatan {item.units[item.unit_of[position_code]].name}",
                responsible_position=item.positions[position_code],
            )
            activity._agency, activity._owner = item, position_code
            activities.append(activity)
    write(Activity, activities)
    for activity in activities:
        for s in range(2):
            sub = SubActivity(
                activity=activity,
                code=f"{activity.code}.{s + 1:02d}",
                order=s + 1,
                name=f"Sub kegiatan {s + 1} {activity.name.lower()}",
                responsible_position=activity.responsible_position,
            )
            sub._activity = activity
            subs.append(sub)
    write(SubActivity, subs)
    links: dict[str, list] = {"programme": [], "objective": [], "activity": [], "sub": []}
    for programme in programmes:
        item = programme._agency
        iku = [indicator for indicator in item.indicators if indicator.code.startswith("IKU.")]
        links["programme"] += [
            Programme.indicators.through(programme=programme, indicator=indicator)
            for indicator in iku[programme.order - 1 :: max(1, len(item.levels[1]))]
        ]
        links["objective"] += [
            Programme.objectives.through(programme=programme, objective=objective) for objective in item.strategic[:1]
        ]
    for activity in activities:
        rows = activity._agency.pages.get(activity._owner, [])
        links["activity"] += [
            Activity.indicators.through(activity=activity, indicator=indicator) for _, indicator in rows[:2]
        ]
    for sub in subs:
        rows = sub._activity._agency.pages.get(sub._activity._owner, [])
        links["sub"] += [
            SubActivity.indicators.through(subactivity=sub, indicator=indicator) for _, indicator in rows[2:4]
        ]
    write(Programme.indicators.through, links["programme"], "strategy.programme_indicators")
    write(Programme.objectives.through, links["objective"], "strategy.programme_objectives")
    write(Activity.indicators.through, links["activity"], "strategy.activity_indicators")
    write(SubActivity.indicators.through, links["sub"], "strategy.subactivity_indicators")
    budgets = []
    for year in (2025, 2026):
        budgets += [
            Budget(sub_activity=sub, year=year, amount=Decimal(50_000_000 + 1_000_000 * (n % 97)))
            for n, sub in enumerate(subs)
        ]
        budgets += [
            Budget(activity=activity, year=year, amount=Decimal(120_000_000 + 1_000_000 * (n % 53)))
            for n, activity in enumerate(activities)
        ]
        budgets += [
            Budget(programme=programme, year=year, amount=Decimal(400_000_000 + 5_000_000 * (n % 31)))
            for n, programme in enumerate(programmes)
        ]
    write(Budget, budgets)


def write_decrees(items: list[AgencyDraft], write: Writer) -> None:
    decrees = [
        Decree(
            plan=item.plan,
            year=year,
            number=f"800/{item.index + 1}/{year}",
            date=datetime.date(year, 2, 1),
            place=item.agency.city,
            title=f"KEPUTUSAN KEPALA {item.agency.name.upper()}",
            subject=f"INDIKATOR KINERJA UTAMA (IKU) DAN INDIKATOR KINERJA INDIVIDU (IKI) TAHUN {year}",
            signatory=item.positions["kadis"],
        )
        for item in items
        for year in (2025, 2026)
    ]
    write(Decree, decrees)
    clauses, chapters = [], []
    for decree in decrees:
        for kind, texts in (
            (
                "consideration",
                [
                    "Bahwa untuk mengukur kinerja diperlukan Indikator Kinerja Utama dan Individu;",
                    "Bahwa berdasarkan pertimbangan tersebut perlu ditetapkan Keputusan;",
                ],
            ),
            (
                "legal_basis",
                [
                    "Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara;",
                    "Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP;",
                    "Peraturan Menteri PANRB Nomor 53 Tahun 2014;",
                ],
            ),
            (
                "dictum",
                [
                    "IKU dan IKI sebagaimana tersebut dalam Lampiran Keputusan ini.",
                    "Keputusan ini mulai berlaku sejak tanggal ditetapkan.",
                ],
            ),
        ):
            labels = ["KESATU", "KEDUA", "KETIGA"] if kind == "dictum" else [""] * 3
            clauses += [
                DecreeClause(decree=decree, kind=kind, order=k + 1, number=labels[k], text=text)
                for k, text in enumerate(texts)
            ]
        chapters += [
            DecreeChapter(
                decree=decree,
                kind=kind,
                order=k + 1,
                title=title,
                body=f"{title.title()} keputusan tahun {decree.year}.",
            )
            for k, (kind, title) in enumerate(CHAPTERS)
        ]
    write(DecreeClause, clauses)
    write(DecreeChapter, chapters)

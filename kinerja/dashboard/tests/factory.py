"""A generated agency of any size, written in a few bulk inserts: for the tests that a page's query count does
not grow with the data."""

from decimal import Decimal

from kinerja.organisation.models import Agency, Position, Region, Unit
from kinerja.performance.models import Actual, Target
from kinerja.performance.rollups.worker import mark_everything, work
from kinerja.strategy.models import Goal, Indicator, Objective, PageIndicator, StrategicPlan


def make_agency(code: str, *, region: Region, divisions: int, sections: int, indicators: int) -> Agency:
    """An agency: a head, `divisions` heads of division each over `sections` section heads; one strategic
    objective per division with one IKU; every position one performance objective with `indicators`
    indicators (targets for 2022, quarter 1 actuals on every other one, some verified)."""
    agency = Agency.objects.create(region=region, code=code, name=f"Dinas {code}")
    top = Unit.objects.create(agency=agency, code="dinas", kind=Unit.Kind.AGENCY, name=f"Dinas {code}")
    head = Position.objects.create(agency=agency, code="kadis", unit=top, title="Kepala Dinas")
    plan = StrategicPlan.objects.create(agency=agency, name="Renstra", first_year=2021, last_year=2026)
    goal = Goal.objects.create(plan=plan, code="T1", text="Tujuan")
    created: list[Indicator] = []
    for d in range(divisions):
        unit = Unit.objects.create(
            agency=agency, code=f"bid{d}", kind=Unit.Kind.DIVISION, name=f"Bidang {d}", parent=top, order=d + 1
        )
        division = Position.objects.create(
            agency=agency, code=f"kabid{d}", unit=unit, title=f"Kabid {d}", superior=head, order=d + 1
        )
        strategic = Objective.objects.create(
            plan=plan, code=f"S{d}", text=f"Sasaran {d}", level="strategic", goal=goal, order=d
        )
        iku = Indicator.objects.create(
            plan=plan,
            code=f"IKU.{d}",
            name=f"IKU {d}",
            objective=strategic,
            is_key=True,
            formula="value",
            unit="Persen",
            order=d,
            quarter_rule="last",
            polarity="higher",
        )
        created.append(iku)
        upper = Objective.objects.create(
            plan=plan,
            code=f"kabid{d}.O1",
            text=f"Sasaran bidang {d}",
            level="performance",
            position=division,
            contributes_to=strategic,
        )
        PageIndicator.objects.create(position=division, objective=upper, indicator=iku)
        for s in range(sections):
            position = Position.objects.create(
                agency=agency, code=f"kasi{d}-{s}", unit=unit, title=f"Kasi {d}.{s}", superior=division, order=100 + s
            )
            objective = Objective.objects.create(
                plan=plan,
                code=f"kasi{d}-{s}.O1",
                text=f"Sasaran seksi {d}.{s}",
                level="performance",
                position=position,
                contributes_to=upper,
            )
            items = Indicator.objects.bulk_create(
                [
                    Indicator(
                        plan=plan,
                        code=f"I{d}.{s}.{i}",
                        name=f"Indikator {d}.{s}.{i}",
                        formula="value",
                        unit="Dokumen",
                        order=1000 + i,
                        quarter_rule="sum",
                        polarity="higher",
                    )
                    for i in range(indicators)
                ]
            )
            PageIndicator.objects.bulk_create(
                [
                    PageIndicator(position=position, objective=objective, indicator=item, order=i)
                    for i, item in enumerate(items)
                ]
            )
            created += items
    Target.objects.bulk_create(
        [Target(indicator=item, kind="year", year=2022, quarter=0, value=Decimal(10)) for item in created]
    )
    Actual.objects.bulk_create(
        [
            Actual(
                indicator=item,
                year=2022,
                quarter=1,
                value=Decimal(3 + n % 9),
                status="verified" if n % 3 == 0 else "submitted",
            )
            for n, item in enumerate(created)
            if n % 2 == 0
        ]
    )
    return agency


def refresh_rollups() -> int:
    """The roll-ups of rows written around the services (these bulk inserts, `update()` in a test, the example
    fixture): every key marked and computed, as `manage.py rollups_work --all` does."""
    mark_everything()
    return work()


def published(code: str) -> str:
    """Publish the agency's public page (for the access table); returns its code."""
    from kinerja.dashboard.services import set_published

    set_published(actor=None, agency=Agency.objects.get(code=code), published=True)
    return code

"""A few rows the SKP tests share: the seed's section head and division head with their SKP 2022, a staff
position below the section head with its holder (user "staf")."""

from kinerja.organisation.models import Official, Position
from kinerja.organisation.staff_positions import add_staff_position
from kinerja.organisation.tests.factories import AssignmentFactory
from kinerja.skp import services
from kinerja.skp.models import Skp

YEAR = 2022
SECTION = "kasi-tata-kelola"  # held by the user "kasi"; its superior kabid-persandian by "kabid"
DIVISION = "kabid-persandian"


def position(agency, code: str) -> Position:
    return Position.objects.select_related("agency", "superior", "unit").get(agency=agency, code=code)


def official_of(user) -> Official:
    return Official.objects.get(user=user)


def staff_position(world, code: str = "pranata-komputer") -> Position:
    return add_staff_position(
        actor=world.planner,
        superior=position(world.agency, SECTION),
        code=code,
        title="Pranata Komputer Ahli Pertama",
    )


def staff_member(world, code: str = "pranata-komputer", username: str = "staf") -> tuple[Position, object]:
    """A staff position below the section head and its holder since 3 January 2022, with a login."""
    staff = staff_position(world, code)
    assignment = AssignmentFactory(position=staff, official__name="Staf Uji, A.Md", official__user__username=username)
    return staff, assignment.official.user


def section_skp(world) -> Skp:
    return services.prepare_skp(
        actor=world.section_head,
        position=position(world.agency, SECTION),
        official=official_of(world.section_head),
        year=YEAR,
    )


def example_section_skp(world) -> Skp:
    """The section head's SKP 2022 that the example data (`example_figures`) prepared, left unrated there."""
    return Skp.objects.select_related("position__agency", "official").get(
        official=official_of(world.section_head), position__code=SECTION, year=YEAR, is_example=True
    )


def staff_skp(world, staff: Position, user) -> Skp:
    return services.prepare_skp(actor=world.section_head, position=staff, official=official_of(user), year=YEAR)


ALL_AS_EXPECTED = dict.fromkeys(
    ("berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif"), "sesuai"
)

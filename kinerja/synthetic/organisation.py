"""The shape of a synthetic agency: units and positions in a tree of four levels, written one tree level at a
time."""

from kinerja.organisation.models import Position, PositionFunction, Unit
from kinerja.synthetic.drafts import AgencyDraft, Writer
from kinerja.synthetic.vocabulary import FUNCTIONS, TOPICS

# The kind a unit's name begins with; what follows is its field ("Bidang Layanan Perizinan" → "layanan perizinan").
UNIT_KINDS = ("Bidang ", "Seksi ", "Sub Bagian ")


def duty_of(title: str, unit_name: str) -> str:
    """ "Kepala Bidang Aduan Masyarakat melaksanakan tugas di bidang aduan masyarakat" (never "bidang bidang");
    a unit named without a field (the agency, "Sekretariat") is named whole: "… melaksanakan tugas pada …"."""
    for kind in UNIT_KINDS:
        if unit_name.startswith(kind):
            return f"{title} melaksanakan tugas di bidang {unit_name.removeprefix(kind).lower()}"
    return f"{title} melaksanakan tugas pada {unit_name}"


def shape_agency(item: AgencyDraft) -> None:
    """Units and positions of one agency: 10–40 positions in four levels."""
    rng = item.rng
    size = rng.randint(10, 40)
    divisions = max(1, min(5, (size - 4) // 7))
    sub_divisions = rng.randint(2, 3)
    sections = [rng.randint(2, 3) for _ in range(divisions)]
    units = [("dinas", "dinas", item.agency.name, None), ("sekretariat", "sekretariat", "Sekretariat", "dinas")]
    units += [
        (f"subbag-{k + 1}", "sub_bagian", f"Sub Bagian {TOPICS[rng.randrange(len(TOPICS))].title()}", "sekretariat")
        for k in range(sub_divisions)
    ]
    for d in range(divisions):
        units.append((f"bidang-{d + 1}", "bidang", f"Bidang {TOPICS[rng.randrange(len(TOPICS))].title()}", "dinas"))
        units += [
            (
                f"seksi-{d + 1}-{s + 1}",
                "seksi",
                f"Seksi {TOPICS[rng.randrange(len(TOPICS))].title()}",
                f"bidang-{d + 1}",
            )
            for s in range(sections[d])
        ]
    for order, (unit_code, kind, name, parent) in enumerate(units):
        item.units[unit_code] = Unit(agency=item.agency, code=unit_code, kind=kind, name=name, order=order + 1)
        item.units[unit_code]._parent_code = parent

    def post(level: int, position_code: str, unit_code: str, title: str, superior: str | None) -> None:
        item.levels[level].append(position_code)
        item.superior[position_code], item.unit_of[position_code] = superior, unit_code
        item.positions[position_code] = Position(
            agency=item.agency,
            code=position_code,
            title=title,
            order=len(item.positions) + 1,
            duty=duty_of(title, item.units[unit_code].name),
        )

    post(0, "kadis", "dinas", "Kepala Dinas", None)
    post(1, "sekretaris", "sekretariat", "Sekretaris", "kadis")
    for k in range(sub_divisions):
        post(2, f"kasubbag-{k + 1}", f"subbag-{k + 1}", f"Kepala {item.units[f'subbag-{k + 1}'].name}", "sekretaris")
    for d in range(divisions):
        post(1, f"kabid-{d + 1}", f"bidang-{d + 1}", f"Kepala {item.units[f'bidang-{d + 1}'].name}", "kadis")
        for s in range(sections[d]):
            unit_code = f"seksi-{d + 1}-{s + 1}"
            post(2, f"kasi-{d + 1}-{s + 1}", unit_code, f"Kepala {item.units[unit_code].name}", f"kabid-{d + 1}")
    third = list(item.levels[2])
    for n in range(max(1, size - len(item.positions))):
        above = third[n % len(third)]
        post(3, f"staf-{n + 1}", item.unit_of[above], f"Pelaksana {item.units[item.unit_of[above]].name}", above)


def write_units(items: list[AgencyDraft], write: Writer) -> None:
    for parents in ({None}, {"dinas"}, {"sekretariat"} | {f"bidang-{d}" for d in range(1, 6)}):
        level = []
        for item in items:
            for unit in item.units.values():
                if unit._parent_code in parents:
                    unit.parent = item.units[unit._parent_code] if unit._parent_code else None
                    level.append(unit)
        write(Unit, level, "organisation.unit")


def write_positions(items: list[AgencyDraft], write: Writer) -> None:
    for level in range(4):
        rows = []
        for item in items:
            for position_code in item.levels[level]:
                position = item.positions[position_code]
                position.unit = item.units[item.unit_of[position_code]]
                superior = item.superior[position_code]
                position.superior = item.positions[superior] if superior else None
                rows.append(position)
        write(Position, rows, "organisation.position")
    write(
        PositionFunction,
        [
            PositionFunction(position=position, order=order + 1, text=text.format(unit=position.unit.name.lower()))
            for item in items
            for position in item.positions.values()
            for order, text in enumerate(FUNCTIONS[:3])
        ],
    )

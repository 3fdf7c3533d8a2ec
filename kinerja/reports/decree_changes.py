"""What changed in the IKU/IKI decree since its last enacted version: a pure comparison of two printed documents.

`changes_between(enacted, draft)` reads both documents as the decree builder (decree.py) lays them out — the decree's
texts, Lampiran I (the IKU table) and Lampiran II (one IKI page per position) — and lists, grouped, what was added,
removed, changed ("before → after") or reordered, in words a planner reads.

Things are matched by what they are, never by where they stand: a position by its code (the IKI table's title), an
objective, a goal or an indicator by its code (the cells' unprinted `key`), a clause of the decree by its label
("Menimbang b.", "KESATU"). So a reorder reads as one reorder. A version enacted before the cells carried their codes
is matched by the printed texts instead: a renamed indicator then reads as one removed and one added.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .document import Cell, Document, Letterhead, Paragraph, Section, Signatures, Table, Text

ADDED, REMOVED, CHANGED, REORDERED = "added", "removed", "changed", "reordered"
NUMBERING = re.compile(r"\d+\.\s*")


@dataclass(frozen=True)
class Change:
    """One change, in words: `subject` names the thing ("Indikator IKU-1.2"), `field` what of it changed."""

    kind: str
    subject: str
    field: str = ""
    before: str = ""
    after: str = ""

    @property
    def sentence(self) -> str:
        values = {"subject": self.subject, "field": self.field, "before": self.before, "after": self.after}
        if self.kind == ADDED:
            return (_("%(subject)s added: '%(after)s'") if self.after else _("%(subject)s added")) % values
        if self.kind == REMOVED:
            return (_("%(subject)s removed: '%(before)s'") if self.before else _("%(subject)s removed")) % values
        if self.kind == REORDERED:
            return _("%(subject)s: order %(before)s → %(after)s") % values
        if self.field:
            return _("%(subject)s: %(field)s '%(before)s' → '%(after)s'") % values
        return _("%(subject)s: '%(before)s' → '%(after)s'") % values


@dataclass
class Group:
    title: str
    changes: list[Change]


@dataclass
class DecreeChanges:
    """The changes, by group (positions, objectives, indicators, IKI page rows, the decree's texts)."""

    groups: list[Group]

    @property
    def count(self) -> int:
        return sum(len(group.changes) for group in self.groups)

    @property
    def sentences(self) -> list[str]:
        return [change.sentence for group in self.groups for change in group.changes]


# -- reading a printed decree ---------------------------------------------------------------------------------------


@dataclass
class _Item:
    """A thing of the decree: its key (code, or text), how a person names it, and its fields as
    {label: (compared, shown)} — an objective a row serves is compared by its code and shown by its text."""

    key: str
    name: str
    fields: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def shown(self) -> str:
        return next(iter(self.fields.values()), ("", ""))[1]


@dataclass
class _Outline:
    record: list[_Item] = field(default_factory=list)
    goals_and_objectives: list[_Item] = field(default_factory=list)
    key_rows: list[_Item] = field(default_factory=list)
    positions: list[_Item] = field(default_factory=list)
    position_objectives: dict[str, list[_Item]] = field(default_factory=dict)
    page_rows: dict[str, list[_Item]] = field(default_factory=dict)
    headings: dict[str, str] = field(default_factory=dict)  # position code → its heading
    keyed: bool = False


def _plain(text: str) -> str:
    return " ".join(text.split())


def _cell(cell: Cell) -> str:
    return _plain(" ".join(paragraph.plain for paragraph in cell.paragraphs))


def _row_name(cell: Cell) -> str:
    """An IKI row's indicator without the "1. " the page numbers it with when its objective has several."""
    runs = cell.paragraphs[0].runs if cell.paragraphs else []
    if len(runs) > 1 and isinstance(runs[0], Text) and (not runs[0].text or NUMBERING.fullmatch(runs[0].text)):
        return _plain(Paragraph(runs[1:]).plain)
    return _cell(cell)


def _keyed(document: Document) -> bool:
    return any(cell.key for table in document.tables() for row in table.rows for cell in row)


def _unique(items: list[_Item]) -> list[_Item]:
    """The same key twice (two rows printed alike, matched by text) gets a number, so that each is matched once."""
    seen: dict[str, int] = {}
    for item in items:
        seen[item.key] = seen.get(item.key, 0) + 1
        if seen[item.key] > 1:
            item.key = f"{item.key} #{seen[item.key]}"
    return items


def _fields_table(section: Section) -> dict[str, str]:
    """INSTANSI / JABATAN, TUGAS, FUNGSI of an appendix page."""
    for block in section.blocks:
        if isinstance(block, Table) and block.style == "plain":
            return {_cell(row[0]): _cell(row[-1]) for row in block.rows if len(row) >= 3}
    return {}


def _clauses(table: Table) -> list[_Item]:
    """Menimbang a., b. / Mengingat 1., 2. / the dictums (KESATU, …), each named by its label."""
    items, head = [], ""
    for row in table.rows:
        texts = [_cell(cell) for cell in row]
        head = texts[0] or head
        label, text = (f"{head} {texts[2]}", texts[3]) if len(texts) >= 4 else (texts[0] or head, texts[-1])
        if text:
            items.append(_Item(label, label, {"": (text, text)}))
    return items


def _record(section: Section, outline: _Outline) -> None:
    paragraphs = [_plain(block.plain) for block in section.blocks if isinstance(block, Paragraph)]
    texts: dict[str, str] = {}
    if paragraphs:
        texts[_("Decree title")] = paragraphs[0]
    for index, text in enumerate(paragraphs):
        if text.startswith("NOMOR:"):
            texts[_("Number of the decree")] = text.removeprefix("NOMOR:").strip()
        elif text == "TENTANG" and index + 1 < len(paragraphs):
            texts[_("Decree subject (TENTANG)")] = paragraphs[index + 1]
    for block in section.blocks:
        if isinstance(block, Letterhead):
            texts[_("Letterhead")] = _plain(" · ".join([block.region, block.agency, *block.lines]))
        elif isinstance(block, Signatures) and block.blocks:
            signature = block.blocks[0]
            above = [_plain(line) for line in signature.above]
            texts[_("Place and date of enactment")] = " · ".join(above[:-1])
            texts[_("Signatory")] = " · ".join([*above[-1:], signature.name, *signature.below])
    outline.record += [_Item(label, label, {"": (text, text)}) for label, text in texts.items()]
    for block in section.blocks:
        if isinstance(block, Table):
            outline.record += _clauses(block)


def _key_table(section: Section, outline: _Outline) -> None:
    agency = _fields_table(section)
    for label, name in (("TUGAS", _("Duty of the agency")), ("FUNGSI", _("Functions of the agency"))):
        if label in agency:
            outline.record.append(_Item(name, name, {"": (agency[label], agency[label])}))
    tables = [block for block in section.blocks if isinstance(block, Table) and block.style == "grid"]
    goal: Cell | None = None
    texts: dict[str, list[str]] = {}  # a goal or objective may print other words on other rows
    for row in tables[0].rows if tables else []:
        if len(row) == 6:
            goal, row = row[0], row[1:]
        if len(row) != 5:
            continue  # the table without rows
        objective, name = row[0], row[1]
        for cell, what in ((goal, _("Goal")), (objective, _("Strategic objective"))):
            if cell is not None and _cell(cell):
                if _key(cell, outline) not in texts:
                    label = f"{what} {cell.key}" if outline.keyed and cell.key else what
                    outline.goals_and_objectives.append(_Item(_key(cell, outline), label))
                texts.setdefault(_key(cell, outline), []).append(_cell(cell))
        shown = {
            _("name"): name,
            _("goal"): goal,
            _("strategic objective"): objective,
            _("definition/formula"): row[2],
            _("data source"): row[3],
            _("responsible position"): row[4],
        }
        fields = {
            label: ((_key(cell, outline) if cell is goal or cell is objective else _cell(cell)), _cell(cell))
            for label, cell in shown.items()
            if cell is not None
        }
        code = _key(name, outline)
        outline.key_rows.append(_Item(code, _("Indicator %(code)s") % {"code": code}, fields))
    outline.key_rows = _unique(outline.key_rows)
    for item in outline.goals_and_objectives:
        text = " / ".join(sorted(set(texts[item.key])))
        item.fields = {_("text"): (text, text)}


def _key(cell: Cell, outline: _Outline) -> str:
    """A cell's code when both versions carry codes (its words when it has none, an objective-less IKU's), else its
    words."""
    return (cell.key or _cell(cell)) if outline.keyed else _cell(cell)


def _position(section: Section, outline: _Outline) -> None:
    page = _fields_table(section)
    heading = page.get("JABATAN", section.name.removeprefix("Lampiran II — "))
    tables = [block for block in section.blocks if isinstance(block, Table) and block.style == "grid"]
    code = tables[0].title.removeprefix("IKI ") if tables and tables[0].title.startswith("IKI ") else heading
    outline.headings[code] = heading
    outline.positions.append(
        _Item(
            code,
            _("Position %(name)s") % {"name": heading},
            {
                _("title"): (heading, heading),
                _("duty"): (page.get("TUGAS", ""),) * 2,
                _("functions"): (page.get("FUNGSI", ""),) * 2,
            },
        )
    )
    objectives, rows = outline.position_objectives.setdefault(code, []), outline.page_rows.setdefault(code, [])
    objective: Cell | None = None
    for row in tables[0].rows if tables else []:
        if len(row) == 5:
            objective, row = row[1], row[2:]
            name = f"{objective.key} ({heading})" if outline.keyed and objective.key else f"({heading})"
            objectives.append(
                _Item(
                    _key(objective, outline),
                    _("Performance objective %(name)s") % {"name": name},
                    {_("text"): (_cell(objective),) * 2},
                )
            )
        if len(row) != 3 or objective is None:
            continue
        indicator = (row[0].key if outline.keyed else "") or _row_name(row[0])
        rows.append(
            _Item(
                indicator,
                _("Indicator %(code)s on the page of %(position)s") % {"code": indicator, "position": heading},
                {
                    _("name"): (_row_name(row[0]),) * 2,
                    _("performance objective"): (_key(objective, outline), _cell(objective)),
                    _("definition/formula"): (_cell(row[1]),) * 2,
                    _("data source"): (_cell(row[2]),) * 2,
                },
            )
        )
    _unique(objectives)
    _unique(rows)


def outline_of(document: Document, *, keyed: bool) -> _Outline:
    """The things of a printed decree, keyed by code when `keyed` (both versions carry codes), else by text."""
    outline = _Outline(keyed=keyed)
    for section in document.sections:
        if section.name == "Keputusan":
            _record(section, outline)
        elif section.name == "Lampiran I":
            _key_table(section, outline)
        elif section.name.startswith("Lampiran II"):
            _position(section, outline)
    _unique(outline.positions)
    return outline


# -- comparing ------------------------------------------------------------------------------------------------------


def _compare(before: list[_Item], after: list[_Item], container: str = "", *, ordered: bool = True) -> list[Change]:
    """Added, removed and changed items by key; one "reordered" when the items both have stand in another order."""
    old, new = {item.key: item for item in before}, {item.key: item for item in after}
    changes = [Change(REMOVED, item.name, before=_named(item)) for item in before if item.key not in new]
    for item in after:
        if item.key not in old:
            changes.append(Change(ADDED, item.name, after=_named(item)))
            continue
        earlier = old[item.key]
        for label, (compared, shown) in item.fields.items():
            was_compared, was_shown = earlier.fields.get(label, ("", ""))
            if compared != was_compared:  # an objective a row serves: its code (its text is the objective's own)
                changes.append(Change(CHANGED, item.name, label, was_shown or "—", shown or "—"))
    kept_before = [item.key for item in before if item.key in new]
    kept_after = [item.key for item in after if item.key in old]
    if ordered and container and kept_before != kept_after:
        changes.append(Change(REORDERED, container, before=", ".join(kept_before), after=", ".join(kept_after)))
    return changes


def _named(item: _Item) -> str:
    """What an added or removed item says besides its name: its main text, unless its name is that text."""
    return "" if item.shown in item.name else item.shown


def changes_between(enacted: Document | None, draft: Document) -> DecreeChanges | None:
    """What the draft changes in the enacted version, grouped; None when there is no enacted version."""
    if enacted is None:
        return None
    keyed = _keyed(enacted) and _keyed(draft)
    old, new = outline_of(enacted, keyed=keyed), outline_of(draft, keyed=keyed)
    objectives: list[Change] = _compare(old.goals_and_objectives, new.goals_and_objectives, ordered=False)
    rows: list[Change] = []
    for code in dict.fromkeys([*new.position_objectives, *old.position_objectives]):
        position = {"position": new.headings.get(code) or old.headings.get(code, code)}
        objectives += _compare(
            old.position_objectives.get(code, []),
            new.position_objectives.get(code, []),
            _("Objectives on the IKI page of %(position)s") % position,
        )
        rows += _compare(
            old.page_rows.get(code, []),
            new.page_rows.get(code, []),
            _("Rows of the IKI page of %(position)s") % position,
        )
    groups = [
        Group(_("Positions"), _compare(old.positions, new.positions, _("Positions in Lampiran II"))),
        Group(_("Goals and objectives"), objectives),
        Group(_("Key performance indicators (IKU)"), _compare(old.key_rows, new.key_rows, _("IKU table"))),
        Group(_("Rows of the IKI pages"), rows),
        Group(_("Decree texts"), _compare(old.record, new.record, ordered=False)),
    ]
    return DecreeChanges([group for group in groups if group.changes])

"""What the generator holds while it writes: one agency's rows before they are saved, the batch writer and its
counts, and two small number and text shapers."""

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.accounts.models import User
from kinerja.organisation.models import Agency, Position, Unit
from kinerja.strategy.models import Indicator, Objective, StrategicPlan
from kinerja.synthetic.vocabulary import BATCH


@dataclass
class Counts:
    """How many rows of each kind were written, and how long each step took."""

    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-").replace("--", "-")


def rounded(value: float, places: int) -> Decimal:
    return Decimal(str(round(value, places))).quantize(Decimal(1).scaleb(-places))


@dataclass
class AgencyDraft:
    index: int
    rng: random.Random
    agency: Agency
    units: dict[str, Unit] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)
    levels: list[list[str]] = field(default_factory=lambda: [[], [], [], []])
    superior: dict[str, str | None] = field(default_factory=dict)
    unit_of: dict[str, str] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    plan: StrategicPlan | None = None
    strategic: list[Objective] = field(default_factory=list)
    objectives: dict[str, list[Objective]] = field(default_factory=dict)
    indicators: list[Indicator] = field(default_factory=list)
    pages: dict[str, list[tuple[Objective, Indicator]]] = field(default_factory=dict)
    owner: dict[str, str] = field(default_factory=dict)  # indicator code → position code that enters it


class Writer:
    """bulk_create in batches, counting rows and time per kind."""

    def __init__(self, progress: Callable[[str], None]) -> None:
        self.counts = Counts()
        self.progress = progress
        self.started = time.monotonic()

    def __call__(self, model: type, rows: list, label: str | None = None) -> list:
        label = label or model._meta.label_lower
        began = time.monotonic()
        created = model.objects.bulk_create(rows, batch_size=BATCH) if rows else []
        self.counts.rows[label] = self.counts.rows.get(label, 0) + len(rows)
        self.counts.seconds[label] = self.counts.seconds.get(label, 0.0) + time.monotonic() - began
        self.progress(f"  {label}: {len(rows)} ({time.monotonic() - self.started:.1f} s)")
        return created

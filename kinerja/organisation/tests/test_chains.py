"""A unit's parent and a position's superior never lead back to themselves, however long the chain: refused in
the models' clean(), so by the admin's forms, the import and every service that validates with full_clean()."""

import pytest
from django.core.exceptions import ValidationError

from kinerja.core.chains import cycle

from .factories import AgencyFactory, PositionFactory, UnitFactory

pytestmark = pytest.mark.django_db


def test_a_unit_cannot_become_the_parent_of_its_own_parent():
    top = UnitFactory(name="Dinas Uji")
    middle = UnitFactory(agency=top.agency, parent=top, kind="bidang", name="Bidang A")
    below = UnitFactory(agency=top.agency, parent=middle, kind="seksi", name="Seksi B")
    top.parent = below
    with pytest.raises(ValidationError) as refused:
        top.full_clean()
    message = refused.value.message_dict["parent"][0]
    assert "Dinas Uji → Seksi B → Bidang A → Dinas Uji" in message
    assert "melingkar" in message


def test_a_position_cannot_be_the_superior_of_its_superior():
    agency = AgencyFactory()
    head = PositionFactory(agency=agency, title="Kepala Dinas")
    secretary = PositionFactory(agency=agency, unit=head.unit, superior=head, title="Sekretaris")
    head.superior = secretary
    with pytest.raises(ValidationError) as refused:
        head.full_clean()
    assert "Kepala Dinas → Sekretaris → Kepala Dinas" in refused.value.message_dict["superior"][0]


def test_a_chain_that_ends_at_a_top_passes():
    agency = AgencyFactory()
    head = PositionFactory(agency=agency)
    secretary = PositionFactory(agency=agency, unit=head.unit, superior=head)
    secretary.full_clean()
    assert cycle(secretary, "superior", lambda position: position.title) == []

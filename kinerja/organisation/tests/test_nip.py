import pytest
from django.core.exceptions import ValidationError

from kinerja.organisation.nip import nip_problem, validate_nip


@pytest.mark.parametrize("nip", ["196507201991121001", "198502022010012002", "200001012024122999"])
def test_valid_nips_pass(nip):
    assert nip_problem(nip) is None
    validate_nip(nip)


@pytest.mark.parametrize(
    ("nip", "reason"),
    [
        ("19650720199112100", "18"),  # 17 digits
        ("1965072019911210011", "18"),  # 19 digits
        ("19650720199112100A", "18"),
        ("196513201991121001", "birth"),  # month 13
        ("196502301991121001", "birth"),  # 30 February
        ("196507201991131001", "appointment"),  # appointment month 13
        ("196507201960121001", "appointment"),  # appointed before birth
        ("196507201991123001", "sex"),  # sex digit 3
    ],
)
def test_malformed_nips_are_refused_with_a_reason(nip, reason):
    problem = nip_problem(nip)
    assert problem is not None
    assert nip in problem
    with pytest.raises(ValidationError):
        validate_nip(nip)
    keywords = {"18": "18", "birth": "YYYYMMDD", "appointment": "YYYYMM)", "sex": "15"}
    assert keywords[reason] in problem

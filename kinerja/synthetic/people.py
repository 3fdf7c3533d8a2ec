"""The people of a synthetic region: an official with a user account on every position, a planner per agency,
the regent, the inspectorate and Bappeda."""

import datetime
import zlib

from kinerja.accounts.models import RoleGrant, User
from kinerja.organisation.models import Assignment, Official, Region
from kinerja.synthetic.drafts import AgencyDraft, Writer
from kinerja.synthetic.vocabulary import START


def _nip(code: str, index: int) -> str:
    """An 18-digit NIP, unique within the region and (by the region code's checksum) across regions."""
    salt = zlib.crc32(code.encode())
    birth = datetime.date(1966, 1, 1) + datetime.timedelta(days=index)
    appointed = birth.year + 24 + (index % 6)
    month = salt % 12 + 1
    sex = 1 + (salt >> 4) % 2
    return f"{birth:%Y%m%d}{appointed}{month:02d}{sex}{(salt >> 8) % 1000:03d}"


def write_people(region: Region, items: list[AgencyDraft], password_hash: str, write: Writer) -> None:
    """A user and an official on every position, a planner per agency, the regent, the inspectorate and
    Bappeda of the region."""
    users, officials, assignments, grants = [], [], [], []
    index = numbered = 0
    for item in items:
        for number, position_code in enumerate(item.positions, start=numbered + 1):
            user = User(
                username=f"{item.agency.code}.{position_code}"[:150],
                password=password_hash,
                first_name=f"Pejabat {number}",  # the number of its official below ("Pejabat 7, S.E.")
            )
            item.users[position_code] = user
            users.append(user)
        numbered += len(item.positions)
        planner = User(
            username=f"{item.agency.code}.perencana"[:150],
            password=password_hash,
            first_name=f"Perencana {item.agency.short_name}",
        )
        item.users["perencana"] = planner
        users.append(planner)
    region_users = {
        role: User(username=f"{region.code}.{role}", password=password_hash, first_name=role.title())
        for role in ("inspektorat", "bappeda")
    }
    write(User, users + list(region_users.values()), "accounts.user")
    for item in items:
        for position_code, position in item.positions.items():
            user = item.users[position_code]
            official = Official(
                region=region,
                nip=_nip(region.code, index),
                name=f"Pejabat {index + 1}, S.E.",
                rank="Penata",
                grade="III/c",
                user=user,
            )
            officials.append(official)
            assignments.append(
                Assignment(official=official, position=position, start=START, acting=item.rng.random() < 0.05)
            )
            index += 1
        grants.append(RoleGrant(user=item.users["perencana"], role=RoleGrant.Role.PLANNER, agency=item.agency))
    regent = Official(region=region, name=f"Bupati {region.code.upper()}")
    write(Official, [*officials, regent])
    Region.objects.filter(pk=region.pk).update(head=regent)
    write(Assignment, assignments)
    grants += [
        RoleGrant(user=region_users["inspektorat"], role=RoleGrant.Role.INSPECTORATE, region=region),
        RoleGrant(user=region_users["bappeda"], role=RoleGrant.Role.REGIONAL_PLANNING, region=region),
    ]
    write(RoleGrant, grants)

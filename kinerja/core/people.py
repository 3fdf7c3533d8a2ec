"""A person as others read them: the one function that turns a user account into the name a page, a log, a
message or a document shows.

An account that stands for an official (`organisation.Official.user`) is named as the official is named — name
with titles, "Ir. Yohanis Tobelo, M.T." — never by its user name ("kabid.infra"); an account without an official
by its full name, and only when it has none by its user name. No account (the command line, the system) is
"Sistem". The official is reached through the reverse relation `user.official`, so this module needs no import
of `organisation` (core stays below it); load it with `select_related("official")` (or `actor__official`, …) to
name many people in one query.
"""

from django.core.exceptions import ObjectDoesNotExist

SYSTEM = "Sistem"
NOBODY = "—"


def display_name(user: object) -> str:
    """The name a person reads for `user`: the official's name with titles, else the full name, else the user
    name; "—" for no user."""
    if user is None:
        return NOBODY
    if not getattr(user, "is_authenticated", False):
        return NOBODY
    try:
        official = getattr(user, "official", None)
    except ObjectDoesNotExist:
        official = None
    name = getattr(official, "name", "") if official is not None else ""
    if name:
        return str(name)
    full = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return str(full or getattr(user, "username", "") or NOBODY)

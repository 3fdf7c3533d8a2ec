"""Who does a write: a user — whose reach `kinerja/accounts/access.py` decides — or None, the system itself (a
management command, the built-in dataset, the example figures: the trusted paths the services name)."""

from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser

Actor: TypeAlias = "AbstractBaseUser | AnonymousUser | None"

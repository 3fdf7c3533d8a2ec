"""The login backend: Django's own, reading the user of each request together with their official (one query
with a join, as before one query without it), so the user box names the person with titles
(`core.people.display_name`, the `|person` filter) without a query of its own on every page."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.base_user import AbstractBaseUser


class PersonBackend(ModelBackend):
    def get_user(self, user_id: object) -> AbstractBaseUser | None:
        model = get_user_model()
        try:
            user = model._default_manager.select_related("official").get(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, Permission
from django.db.models import ManyToManyField
from django.http import HttpRequest

from .admin_words import permission_label
from .models import RoleGrant, User


class PermissionChoices(forms.ModelMultipleChoiceField):
    """The permissions of a user or a group, each named in Indonesian ("Akun | peran | Dapat menambah peran")."""

    def label_from_instance(self, obj: Permission) -> str:
        return permission_label(obj)


class IndonesianPermissions:
    """For the user and group admins: their permission lists read in Indonesian."""

    def formfield_for_manytomany(self, db_field: ManyToManyField, request: HttpRequest, **kwargs: object):
        if db_field.remote_field.model is Permission:
            kwargs["form_class"] = PermissionChoices
        return super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[misc]


@admin.register(User)
class KinerjaUserAdmin(IndonesianPermissions, UserAdmin):
    search_fields = ["username", "first_name", "last_name", "email"]


admin.site.unregister(Group)


@admin.register(Group)
class KinerjaGroupAdmin(IndonesianPermissions, GroupAdmin):
    pass


@admin.register(RoleGrant)
class RoleGrantAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "agency", "region"]
    list_filter = ["role"]
    autocomplete_fields = ["user"]

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import RoleGrant, User


@admin.register(User)
class KinerjaUserAdmin(UserAdmin):
    search_fields = ["username", "first_name", "last_name", "email"]


@admin.register(RoleGrant)
class RoleGrantAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "agency", "region"]
    list_filter = ["role"]
    autocomplete_fields = ["user"]

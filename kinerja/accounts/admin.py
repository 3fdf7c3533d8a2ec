from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User


@admin.register(User)
class KinerjaUserAdmin(UserAdmin):
    search_fields = ["username", "first_name", "last_name", "email"]

"""The words of the Django admin that people read, put right in Bahasa Indonesia.

Django, django-axes and Django REST framework bring their own Indonesian catalogues; some of their strings are
missing there ("Path", "Locked Out") and some are broken ("Autentidikasi berdasarkan-sandi", "Rubah",
"Diadakan"). Our catalogue (`LOCALE_PATHS`) is read before theirs, so a string listed here with its English msgid
is translated by our `django.po` instead: `gettext_noop` only marks it for `makemessages`, which would otherwise
drop an entry no source of ours uses. The JavaScript strings of the admin's widgets ("Choose", "Available %s")
are in our `djangojs.po`, which the admin's JavaScript catalogue merges the same way.

Permissions are rows whose English names ("Can add role") Django wrote at migration time; `permission_label`
names them in Indonesian from the action and the model's verbose name.
"""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext, gettext_noop

# django.contrib.auth
gettext_noop("Password-based authentication")
gettext_noop("Enabled")
gettext_noop("Disabled")
gettext_noop(
    "Whether the user will be able to authenticate using a password or not. If disabled, they may still be able "
    "to authenticate using other backends, such as Single Sign-On or LDAP."
)
gettext_noop("Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only.")
# django.contrib.admin
gettext_noop("Change or view list link")
gettext_noop("After you’ve created a user, you’ll be able to edit more user options.")
gettext_noop("Go")
gettext_noop("Filter navigation items")
gettext_noop("Start typing to filter…")
gettext_noop("Yes")
gettext_noop("No")
# django-axes
gettext_noop("Path")
gettext_noop("Locked Out")
gettext_noop("User Agent")
gettext_noop("HTTP Accept")
gettext_noop("Meta Data")
gettext_noop("Logout Time")
gettext_noop("Failed Logins")
gettext_noop("Attempt Remaining")
gettext_noop("Expires At")
gettext_noop("Session key hash (sha256)")
gettext_noop("access attempt expiration")
gettext_noop("access attempt expirations")
gettext_noop("The time when access attempt expires and is no longer valid.")
gettext_noop("Not set")

ACTIONS = {
    "add": gettext_noop("Can add %(name)s"),
    "change": gettext_noop("Can change %(name)s"),
    "delete": gettext_noop("Can delete %(name)s"),
    "view": gettext_noop("Can view %(name)s"),
}


def permission_label(permission: Permission) -> str:
    """ "Akun | peran | Dapat menambah peran": the app, the model and the action, as Indonesian as the rest of
    the admin; a permission of another kind keeps its own name (read `content_type` with `select_related`)."""
    content_type = permission.content_type
    model = content_type.model_class()
    action, _, model_name = permission.codename.partition("_")
    if model is None or action not in ACTIONS or model_name != model._meta.model_name:
        return str(permission)
    name = gettext(ACTIONS[action]) % {"name": model._meta.verbose_name}
    return f"{content_type} | {name}"

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who logs in. The official it stands for links to it (organisation.Official.user)."""

    must_change_password = models.BooleanField(
        _("must change the password"),
        default=False,
        help_text=_(
            "Set when a planner gives an initial password (they have seen it): the person chooses their own at "
            "the next login before any other page."
        ),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def set_password(self, raw_password: str | None) -> None:
        """A password the person sets themselves (change, reset link) ends the duty to change the initial one;
        `organisation.people.give_login` sets the duty again after it sets an initial password."""
        super().set_password(raw_password)
        self.must_change_password = False


class RoleGrant(models.Model):
    """A role given to a user that the position tree does not give: agency planner (for one agency),
    inspectorate or regional planning (for every agency of one region), the ministry (reads every region and the
    national view; scoped to nothing). Official, superior and head of agency
    come from the positions the user's official holds; system administrator is `is_superuser`."""

    class Role(models.TextChoices):
        PLANNER = "planner", _("Agency planner (admin perencanaan)")
        INSPECTORATE = "inspectorate", _("Inspectorate (inspektorat)")
        REGIONAL_PLANNING = "regional_planning", _("Regional planning (Bappeda)")
        MINISTRY = "ministry", _("Ministry (kementerian): reads every region")

    user = models.ForeignKey(User, models.CASCADE, related_name="role_grants", verbose_name=_("user"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    agency = models.ForeignKey(
        "organisation.Agency",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="role_grants",
        verbose_name=_("agency"),
    )
    region = models.ForeignKey(
        "organisation.Region",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="role_grants",
        verbose_name=_("region"),
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(role="planner", agency__isnull=False, region__isnull=True)
                    | Q(role="ministry", agency__isnull=True, region__isnull=True)
                    | (~Q(role__in=["planner", "ministry"]) & Q(agency__isnull=True, region__isnull=False))
                ),
                name="role_grant_scope",
            ),
            models.UniqueConstraint(fields=["user", "role", "agency", "region"], name="role_grant_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}"

    def clean(self) -> None:
        """The rules of `role_grant_scope` and `role_grant_once` as sentences that say what to change (the admin's
        form and the services show them before the database would refuse with the constraint's name)."""
        errors = {}
        if self.role == self.Role.PLANNER:
            message = _("An agency planner is given for one agency: choose the agency and leave the region empty.")
            if self.region_id is not None:
                errors["region"] = message
            if self.agency_id is None:
                errors["agency"] = message
        elif self.role == self.Role.MINISTRY:
            message = _("The ministry reads the whole country: leave the agency and the region empty.")
            if self.agency_id is not None:
                errors["agency"] = message
            if self.region_id is not None:
                errors["region"] = message
        elif self.role:
            message = _(
                "The inspectorate and regional planning are given for one region: choose the region and leave the "
                "agency empty."
            )
            if self.agency_id is not None:
                errors["agency"] = message
            if self.region_id is None:
                errors["region"] = message
        if errors:
            raise ValidationError(errors)
        # the database's `role_grant_once` lets a NULL agency or region repeat: the rule is asked here
        given = RoleGrant.objects.filter(
            user_id=self.user_id, role=self.role, agency_id=self.agency_id, region_id=self.region_id
        )
        if self.user_id is not None and given.exclude(pk=self.pk).exists():
            raise ValidationError({"role": _("This person already has this role; nothing to add.")})

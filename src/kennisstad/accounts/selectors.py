"""Reads over the accounts: who is on the team."""

from django.db.models import QuerySet

from .models import Role, User


def team_members() -> QuerySet[User]:
    """Active team members and administrators, by name: relationship owners, hosts, owners."""
    return User.objects.filter(
        is_active=True, role__in=[Role.TEAM_MEMBER, Role.ADMINISTRATOR]
    ).order_by("first_name", "last_name", "username")

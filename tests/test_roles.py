"""The role groups the migrations leave behind hold exactly the permissions claims/roles.py lists
(each migration that adds models gives the roles theirs)."""

import pytest
from django.contrib.auth.models import Group

from claims.roles import ROLE_PERMISSIONS


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(ROLE_PERMISSIONS))
def test_each_role_holds_exactly_its_permissions(role):
    group = Group.objects.get(name=role)
    held = set(group.permissions.values_list("codename", flat=True))
    assert held == set(ROLE_PERMISSIONS[role])

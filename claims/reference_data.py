"""Rows the service cannot work without: the role groups and the default checklist templates.

Created by data migrations (0002, 0003) through these functions, which take an app registry so
they work with the migration's historical models and with the live ones. Idempotent: existing
templates are never overwritten (editors own them once created). Tests call `ensure()` after a
transactional test has flushed the database.
"""

from __future__ import annotations

from django.apps import apps as live_apps

from workers.checklists import DEFAULT_TEMPLATES

from .roles import ROLE_PERMISSIONS


def ensure_roles(apps=live_apps, *, strict: bool = True) -> None:
    """The viewer, fact-checker and editor groups with exactly their permissions.

    `strict=False` (an early migration) gives the permissions that exist so far; a later
    migration that adds models runs this again, strictly, to give theirs."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        perms = list(
            Permission.objects.filter(content_type__app_label="claims", codename__in=codenames)
        )
        missing = set(codenames) - {p.codename for p in perms}
        if missing and strict:
            raise RuntimeError(f"permissions missing for role {role}: {sorted(missing)}")
        group.permissions.set(perms)


def ensure_checklist_templates(apps=live_apps) -> None:
    """One template per claim type, with its items, unless that type has one already."""
    Template = apps.get_model("claims", "ChecklistTemplate")
    Item = apps.get_model("claims", "ChecklistTemplateItem")
    for claim_type, (name, description, items) in DEFAULT_TEMPLATES.items():
        template, created = Template.objects.get_or_create(
            claim_type=claim_type, defaults={"name": name, "description": description}
        )
        if not created:
            continue
        Item.objects.bulk_create(
            Item(
                template=template,
                order=order,
                title=spec.title,
                guidance=spec.guidance,
                required=spec.required,
                check_key=spec.check_key,
            )
            for order, spec in enumerate(items, start=1)
        )


def ensure() -> None:
    """Both, on the live models, in as few queries as possible when nothing is missing."""
    Group = live_apps.get_model("auth", "Group")
    Template = live_apps.get_model("claims", "ChecklistTemplate")
    if Group.objects.filter(name__in=list(ROLE_PERMISSIONS)).count() < len(ROLE_PERMISSIONS):
        ensure_roles()
    if Template.objects.count() < len(DEFAULT_TEMPLATES):
        ensure_checklist_templates()

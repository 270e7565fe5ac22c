"""Staff roles: each app lists its groups and their permissions in its own `roles.py`
(GROUPS = {"group name": ["app_label.codename" or "app_label.*"]}); `manage.py setup_roles`
creates the groups and sets exactly those permissions. Group names are what staff read in the
admin, so they are Arabic."""

from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Group, Permission


def declared_groups() -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for app in apps.get_app_configs():
        try:
            module = import_module(f"{app.name}.roles")
        except ModuleNotFoundError as error:
            if error.name != f"{app.name}.roles":
                raise
            continue
        for name, perms in getattr(module, "GROUPS", {}).items():
            groups.setdefault(name, []).extend(perms)
    return groups


def resolve(perm: str):
    app_label, codename = perm.split(".", 1)
    permissions = Permission.objects.filter(content_type__app_label=app_label)
    if codename != "*":
        permissions = permissions.filter(codename=codename)
    found = list(permissions)
    if not found:
        raise LookupError(f"No permission matches {perm!r}")
    return found


def setup_roles() -> dict[str, int]:
    """Create every declared group with exactly its permissions; return {group: permission count}."""
    result = {}
    for name, perms in declared_groups().items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = {p for perm in perms for p in resolve(perm)}
        group.permissions.set(permissions)
        result[name] = len(permissions)
    return result

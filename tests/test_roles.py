import io

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from content.roles import CONTENT_EDITORS
from tests.helpers import sign_in


def test_content_editors_can_edit_content_and_nothing_else(content_editor):
    perms = content_editor.get_all_permissions()
    assert "content.change_page" in perms and "content.view_principle" in perms
    assert {perm.split(".")[0] for perm in perms} == {"content"}


def test_content_editor_sees_content_in_the_admin(client, content_editor, party_content):
    sign_in(client, content_editor)
    assert client.get("/admin/content/page/").status_code == 200
    assert client.get("/admin/party_site/outgoingemail/").status_code == 403


def permissions_by_group():
    return {
        group.name: {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        for group in Group.objects.prefetch_related("permissions__content_type")
    }


def test_setup_roles_is_repeatable_and_resets_what_was_changed(roles):
    declared = permissions_by_group()
    editors = Group.objects.get(name=CONTENT_EDITORS)
    editors.permissions.add(Permission.objects.get(codename="view_application"))  # granted by hand
    call_command("setup_roles", stdout=io.StringIO())
    call_command("setup_roles", stdout=io.StringIO())
    assert permissions_by_group() == declared
    assert Group.objects.filter(name=CONTENT_EDITORS).count() == 1


def test_setup_roles_dry_run_changes_nothing(db):
    call_command("setup_roles", "--dry-run", stdout=io.StringIO())
    assert not Group.objects.exists()

from django.core.management import call_command

from content.roles import CONTENT_EDITORS


def test_content_editors_can_edit_content_and_nothing_else(content_editor):
    perms = content_editor.get_all_permissions()
    assert "content.change_page" in perms and "content.view_principle" in perms
    assert {perm.split(".")[0] for perm in perms} == {"content"}


def test_content_editor_sees_content_in_the_admin(client, content_editor, party_content):
    client.force_login(content_editor)
    assert client.get("/admin/content/page/").status_code == 200
    assert client.get("/admin/party_site/outgoingemail/").status_code == 403


def test_setup_roles_is_repeatable(roles, capsys):
    call_command("setup_roles")
    assert CONTENT_EDITORS in capsys.readouterr().out

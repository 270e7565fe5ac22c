"""Offline reading (party_site/offline.py): the worker's script and version, the offline page, and the
header that tells the worker which pages it may keep."""

import json
import re

import pytest

from party_site import offline
from party_site.pagecache import OFFLINE_HEADER

pytestmark = pytest.mark.usefixtures("party_content")


def config_of(body):
    return json.loads(re.search(r"^const CONFIG = (.*);$", body, re.M).group(1))


def test_the_worker_is_served_at_the_root_fresh_and_the_same_for_everyone(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    assert "X-Page-Cache" not in response and not response.cookies
    assert "cookie" not in response.get("Vary", "").lower() and response["ETag"]  # a cheap 304 for the next check
    config = config_of(response.content.decode())
    assert config["offline"] == {"ar": "/offline/", "en": "/en/offline/", "ckb": "/ckb/offline/"}
    assert "/admin/" in config["never"] and {"/search/", "/join/", "/feedback/"} <= set(config["never"])
    assert "/static/css/site.css" in config["assets"] and any(a.endswith(".woff2") for a in config["assets"])
    assert config["pages"][0] == "/"
    client.cookies["sessionid"] = "whatever"
    assert client.get("/sw.js").content == response.content


def test_the_version_changes_with_the_static_files(monkeypatch):
    offline.worker_config.cache_clear()
    before = offline.worker_config()["version"]
    offline.worker_config.cache_clear()
    monkeypatch.setattr(offline, "static", lambda name: f"/static/{name}.0123456789ab")  # a new manifest
    try:
        assert offline.worker_config()["version"] != before
    finally:
        offline.worker_config.cache_clear()


@pytest.mark.parametrize("path", ["/", "/news/", "/principles/", "/en/about/", "/offline/", "/ckb/offline/"])
def test_public_pages_for_a_visitor_without_a_session_may_be_kept(client, path):
    assert client.get(path)[OFFLINE_HEADER] == "keep"


@pytest.mark.parametrize("path", ["/join/", "/feedback/", "/search/?q=حزب", "/admin/login/", "/sw.js"])
def test_forms_search_and_the_admin_are_never_marked_for_keeping(client, path):
    assert OFFLINE_HEADER not in client.get(path)


def test_a_page_asked_for_with_a_session_cookie_is_never_marked(client):
    client.cookies["sessionid"] = "not-even-valid"
    response = client.get("/news/")
    assert response.status_code == 200 and OFFLINE_HEADER not in response


def test_the_offline_page_speaks_the_readers_language(client):
    assert "You are offline" in client.get("/en/offline/").content.decode()
    arabic = client.get("/offline/").content.decode()
    assert "أنت غير متصل بالإنترنت" in arabic and 'name="robots" content="noindex"' in arabic

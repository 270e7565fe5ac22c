"""Every public page type, in Arabic, English and Kurdish, is valid HTML by the Nu HTML Checker.

The checker is the npm package vnu-jar, run by Java: `scripts/install_vnu.sh` installs both (CI runs it).
Without them the test skips on a developer's machine and fails in CI.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.pages import PAGE_TYPES

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / ".tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PREFIXES = {"ar": "", "en": "/en", "ckb": "/ckb"}


def require_checker():
    if VNU_JAR.is_file() and shutil.which("java"):
        return
    message = "The Nu HTML Checker is missing: run scripts/install_vnu.sh"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def check_html(directory):
    """The checker's errors for every .html file in `directory`: [(file, line, message)]."""
    result = subprocess.run(
        [
            "java",
            "-Xss2m",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            str(directory),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [(Path(m.get("url", "")).name, m.get("lastLine"), m.get("message")) for m in messages]


def test_every_page_type_is_valid_html_in_three_languages(client, party_content):
    require_checker()
    saved_dir = ROOT / "test-artifacts" / "html-check"  # the pages checked, kept to look at (git-ignored)
    shutil.rmtree(saved_dir, ignore_errors=True)
    saved_dir.mkdir(parents=True)
    paths = {}
    for name, (path, prepare, _status) in PAGE_TYPES.items():
        paths[name] = prepare() or path
    saved = 0
    for name, path in paths.items():
        for lang, prefix in PREFIXES.items():
            response = client.get(prefix + path)
            assert response["Content-Type"].startswith("text/html"), f"{name} in {lang}"
            (saved_dir / f"{name}-{lang}.html").write_bytes(response.content)
            saved += 1
    assert saved == len(paths) * 3
    errors = check_html(saved_dir)
    assert not errors, "\n".join(f"{file}:{line}: {message}" for file, line, message in errors)

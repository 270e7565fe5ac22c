"""Without Chromium the browser tests skip with a way to install it, except in CI, where they fail."""

import pytest

from tests.browser.conftest import require_chromium


def test_missing_chromium_skips_with_how_to_install_it(tmp_path):
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        require_chromium(tmp_path / "chromium", environ={})


def test_missing_chromium_fails_in_ci(tmp_path):
    with pytest.raises(pytest.fail.Exception, match="apt-get install chromium"):
        require_chromium(tmp_path / "chromium", environ={"CI": "true"})


def test_installed_chromium_is_used(tmp_path):
    chromium = tmp_path / "chromium"
    chromium.write_text("#!/bin/sh\n")
    chromium.chmod(0o755)
    assert require_chromium(chromium, environ={"CI": "true"}) is None

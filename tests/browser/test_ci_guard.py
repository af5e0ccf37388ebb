"""Under CI a missing browser fails the run; on a developer's machine it skips with its reason.

Runs `test_the_browser_starts` in a child pytest with ``SITEGEN_CHROMIUM`` pointing at
a file that does not exist, once with ``CI=true`` and once without.

Imports: pytest, tests.sitekit; the ``browser`` fixture of tests/browser/conftest.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ..sitekit import REPO

BROWSER_TEST = "tests/browser/test_ci_guard.py::test_the_browser_starts"


def test_the_browser_starts(browser: Any) -> None:
    assert browser.version.split(".")[0].isdigit()


def _run(tmp_path: Path, ci: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SITEGEN_CHROMIUM": str(tmp_path / "no-chromium"), "CI": ci}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rfEs", "-p", "no:cacheprovider",
                           f"--basetemp={tmp_path / 'child'}", BROWSER_TEST],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("ci, outcome", [("true", "error"), ("", "skipped")])
def test_a_missing_browser_fails_under_ci_and_skips_elsewhere(tmp_path: Path, ci: str, outcome: str) -> None:
    child = _run(tmp_path, ci)
    summary = child.stdout.strip().splitlines()[-1]
    assert f"1 {outcome}" in summary, child.stdout + child.stderr
    assert child.returncode == (1 if ci else 0), child.stdout
    assert "Chromium was not found at" in child.stdout

"""Shared fixtures: where the editor-mistake cases live, and the bundled example built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build

from .sitekit import CASES, copy_example


@pytest.fixture
def cases_dir() -> Path:
    """The byte-exact editor-mistake cases (``tests/cases``)."""
    return CASES


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundled example site, built once; returns the site folder (output in output/)."""
    root = copy_example(tmp_path_factory.mktemp("example"))
    build(BuildOptions(root=root))
    return root

"""Fixtures shared by the unit tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.learning import FIXTURE_COURSE_DIR


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A copy of the fixture course, to break at will."""
    target = tmp_path / "course"
    shutil.copytree(FIXTURE_COURSE_DIR, target)
    return target

"""The trainers' flows reach storage through their ports only, never through the database."""

from __future__ import annotations

import subprocess
import sys

FLOWS = (
    "bot.features.trainers.access",
    "bot.features.trainers.cohort_flows",
    "bot.features.trainers.membership",
    "bot.features.trainers.push_flow",
    "bot.features.trainers.report_flow",
    "bot.features.trainers.render",
)


def test_the_trainers_flows_load_without_sqlalchemy() -> None:
    # A fresh interpreter: this one has long imported SQLAlchemy for other tests.
    script = "\n".join(
        [*(f"import {module}" for module in FLOWS), "import sys", "print(sorted(sys.modules))"]
    )
    loaded = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert "'bot.features.trainers.push_flow'" in loaded
    assert "'sqlalchemy'" not in loaded

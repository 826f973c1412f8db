"""The core and the features' flows, buttons and ports load none of the adapters' libraries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bot.paths import PROJECT_ROOT

ADAPTER_LIBRARIES = ("telegram", "sqlalchemy", "openai", "langchain", "langchain_core", "chromadb")
FEATURE_MODULES = ("flows", "buttons", "ports")

# The modules that still load an adapter's library. The test fails when one of them stops
# doing so, so that it is taken off this list: the list can only shrink.
KNOWN_VIOLATIONS = {
    # The model's daily budget (bot.adapters.llm.usage) keeps its count with SQLAlchemy; the
    # answers, simpler cards and prompt practice use it directly until it is behind a port.
    "bot.features.answers.flows",
    "bot.features.simpler.flows",
    # Prompt practice also stores its attempts through its SQL repository.
    "bot.features.practice.flows",
    # The trainers' flows read and write cohorts, pushes and reports through their SQL
    # repository (bot.features.trainers.repo) until it is behind ports.
    "bot.features.trainers.cohort_flows",
    "bot.features.trainers.push_flow",
    "bot.features.trainers.report_flow",
}

# Imports each module in a child forked from one clean interpreter and reports the adapters'
# libraries it loaded. A module found clean is then imported by the parent too, so the next
# children start with it loaded: that cannot hide a library, since loading it loaded none.
PROBE = """
import importlib, json, os, sys

libraries = set(sys.argv[1].split(","))

def adapters_loaded():
    return sorted({name.split(".")[0] for name in sys.modules} & libraries)

found = {}
for module in sys.argv[2:]:
    read, write = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read)
        importlib.import_module(module)
        os.write(write, json.dumps(adapters_loaded()).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        report = pipe.read()
    _, status = os.waitpid(child, 0)
    if status != 0:
        raise SystemExit(f"importing {module} failed")
    found[module] = json.loads(report)
    if not found[module]:
        importlib.import_module(module)
        assert not adapters_loaded(), module
print(json.dumps(found))
"""


def module_name(path: Path) -> str:
    """Return the dotted name of a module of the project."""
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def inner_modules() -> list[str]:
    """Return every module of the core and every flows, buttons and ports module of a feature."""
    core = sorted((PROJECT_ROOT / "bot" / "core").glob("*.py"))
    features = [
        path
        for path in sorted((PROJECT_ROOT / "bot" / "features").glob("*/*.py"))
        # The trainers split their flows into cohort_flows, push_flow and report_flow.
        if path.stem in FEATURE_MODULES or path.stem.endswith(("_flow", "_flows"))
    ]
    return [module_name(path) for path in [*core, *features]]


def adapter_libraries_loaded_by(modules: list[str]) -> dict[str, list[str]]:
    """Import each module in a fresh interpreter; return the adapters' libraries it loaded."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, ",".join(ADAPTER_LIBRARIES), *modules],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, list[str]] = json.loads(result.stdout)
    return found


def test_the_core_and_the_flows_load_no_adapter_library_but_the_known_ones() -> None:
    modules = inner_modules()
    assert {"bot.core.engine", "bot.features.quiz.flows", "bot.features.quiz.ports"} <= set(modules)
    loaded = adapter_libraries_loaded_by(modules)
    assert set(loaded) == set(modules)
    violations = {module: libraries for module, libraries in loaded.items() if libraries}
    new = {m: libraries for m, libraries in violations.items() if m not in KNOWN_VIOLATIONS}
    assert not new, f"these modules now load an adapter's library: {new}"
    fixed = KNOWN_VIOLATIONS - set(violations)
    assert not fixed, f"take these modules off KNOWN_VIOLATIONS, they load none now: {fixed}"

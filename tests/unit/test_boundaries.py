"""The core and the features' flows, buttons and ports load none of the adapters' libraries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bot.paths import PROJECT_ROOT

ADAPTER_LIBRARIES = ("telegram", "sqlalchemy", "openai", "langchain", "langchain_core", "chromadb")
# A feature's adapters and wiring, which may use the database: its manifest, its SQL
# repositories and tables, its command line and the trainers' background workers.
ADAPTER_MODULES = frozenset(
    {
        "feature",
        "repo",
        "tables",
        "cli",
        "outbox",
        "pushes",
        "reminders",
        "scheduler",
        "worker",
        "menus",
        "weekly",
    }
)


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
    """Return every module of the core and every module of a feature but its adapters."""
    core = sorted((PROJECT_ROOT / "bot" / "core").glob("*.py"))
    features = [
        path
        for path in sorted((PROJECT_ROOT / "bot" / "features").glob("*/*.py"))
        if path.stem not in ADAPTER_MODULES
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


def test_the_core_and_the_features_flows_load_no_adapter_library() -> None:
    modules = inner_modules()
    expected = {"bot.core.engine", "bot.features.quiz.flows", "bot.features.trainers.push_flow"}
    assert expected <= set(modules)
    loaded = adapter_libraries_loaded_by(modules)
    assert set(loaded) == set(modules)
    violations = {module: libraries for module, libraries in loaded.items() if libraries}
    assert not violations, f"these modules load an adapter's library: {violations}"


def test_the_assembled_tutor_and_its_search_load_no_chat_model_library() -> None:
    # LangChain's `Embeddings` as the embedder's base class held 9 MB in every process that
    # never calls a chat model: the chains load it when a model is configured.
    modules = ["bot.app", "bot.adapters.search.search", "bot.adapters.search.embedders"]
    loaded = adapter_libraries_loaded_by(modules)
    chat_model_libraries = {"langchain", "langchain_core", "openai"}
    assert {module: chat_model_libraries & set(found) for module, found in loaded.items()} == {
        module: set() for module in modules
    }

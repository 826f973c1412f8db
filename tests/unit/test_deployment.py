"""The deployment files: a valid Compose file, with health checks, jobs and no secrets in it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator

from bot.paths import PROJECT_ROOT

# The Compose Specification's schema (compose-spec/compose-spec, schema/compose-spec.json, Apache
# License 2.0, beside it), kept in the tests so that they need no network.
SCHEMA = Path(__file__).parents[1] / "fixtures" / "compose-spec" / "compose-spec.json"
JOBS = {"migrate", "ingest"}


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())
    return loaded


def test_the_compose_file_follows_the_compose_specification(compose: dict[str, Any]) -> None:
    validator = Draft7Validator(json.loads(SCHEMA.read_text()))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(compose)]
    assert errors == []


def test_every_long_running_service_has_a_health_check(compose: dict[str, Any]) -> None:
    services = compose["services"]
    running = {name for name, service in services.items() if service.get("restart") != "no"}
    assert running - JOBS == {name for name in running if "healthcheck" in services[name]} | {
        # One process by long polling serves no port to be asked.
        "bot"
    }


def test_services_wait_for_what_they_need_to_be_ready(compose: dict[str, Any]) -> None:
    ready = {"service_healthy", "service_completed_successfully"}
    for name, service in compose["services"].items():
        for needed, condition in service.get("depends_on", {}).items():
            assert condition["condition"] in ready, (name, needed)
    workers = compose["services"]["tutor"]["depends_on"]
    assert workers["migrate"]["condition"] == "service_completed_successfully"


def test_no_password_or_token_is_written_in_the_compose_file() -> None:
    text = (PROJECT_ROOT / "docker-compose.yml").read_text()
    for line in text.splitlines():
        if re.search(r"PASSWORD|TOKEN|SECRET|SALT|KEY", line.split("#")[0]):
            assert "${" in line or line.strip().startswith("#"), line
    assert ":tutor@" not in text


def test_the_image_runs_as_a_user_and_leaves_local_files_out() -> None:
    dockerfile = (PROJECT_ROOT / "Dockerfile").read_text()
    assert re.search(r"^USER (?!root)\w+", dockerfile, re.MULTILINE)
    ignored = (PROJECT_ROOT / ".dockerignore").read_text().split()
    assert {".venv", ".env", "data", ".git"} <= set(ignored)


def test_the_proxy_checks_the_workers_health_on_the_port_they_listen_on(
    compose: dict[str, Any],
) -> None:
    caddyfile = (PROJECT_ROOT / "deploy" / "Caddyfile").read_text()
    port = compose["services"]["tutor"]["environment"]["TUTOR_WEBHOOK_PORT"]
    assert f"dynamic a tutor {port}" in caddyfile
    assert "health_uri /healthz" in caddyfile
    webhook_path = compose["services"]["tutor"]["environment"]["TUTOR_WEBHOOK_URL"].split("}")[-1]
    assert webhook_path.startswith("/telegram/")
    assert "handle /telegram/*" in caddyfile

"""Settings that are wrong, and servers that do not answer, stop `tutor` with one clear line."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bot.config import load_settings

TUTOR = str(Path(sys.executable).with_name("tutor"))


def closed_port() -> int:
    """Return a loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def run_tutor(tmp_path: Path, *argv: str, **variables: str) -> subprocess.CompletedProcess[str]:
    """Run the `tutor` command in a folder without .env, with only these TUTOR_ settings."""
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("TUTOR_", "TELEGRAM_"))}
    return subprocess.run(
        [TUTOR, *argv],
        capture_output=True,
        text=True,
        env={**inherited, "TUTOR_DATA_DIR": str(tmp_path / "data"), **variables},
        cwd=tmp_path,
        timeout=300,
        check=False,
    )


def a_file(tmp_path: Path) -> str:
    (tmp_path / "notes.txt").write_text("not a folder")
    return str(tmp_path / "notes.txt" / "data")


@pytest.mark.parametrize(
    ("variable", "value", "line"),
    [
        (
            "TUTOR_TIMEZONE",
            "Brussels",
            "Invalid setting TUTOR_TIMEZONE: 'Brussels' is not a time zone name"
            " (for example TUTOR_TIMEZONE=Europe/Brussels)",
        ),
        (
            "TUTOR_WEBHOOK_URL",
            "tutor.example.org/telegram",
            "Invalid setting TUTOR_WEBHOOK_URL: 'tutor.example.org/telegram' is not an http:// or"
            " https:// address with a host"
            " (for example TUTOR_WEBHOOK_URL=https://tutor.example.org/telegram)",
        ),
        (
            "TUTOR_LLM_BASE_URL",
            "ftp://models.example.org",
            "Invalid setting TUTOR_LLM_BASE_URL: 'ftp://models.example.org' is not an http:// or"
            " https:// address with a host (for example TUTOR_LLM_BASE_URL=https://api.openai.com/v1)",
        ),
        (
            "TUTOR_DATABASE_URL",
            "mysql://tutor@db/tutor",
            "Invalid setting TUTOR_DATABASE_URL: use postgresql+asyncpg://... or"
            " sqlite+aiosqlite:///... (or leave it unset) (for example"
            " TUTOR_DATABASE_URL=postgresql+asyncpg://tutor:PASSWORD@127.0.0.1:5432/tutor)",
        ),
        (
            "TUTOR_CHROMA_HOST",
            "http://chroma:8000",
            "Invalid setting TUTOR_CHROMA_HOST: 'http://chroma:8000' is an address: give the host"
            " name alone (the port goes in TUTOR_CHROMA_PORT)"
            " (for example TUTOR_CHROMA_HOST=chroma)",
        ),
        (
            "TUTOR_WEBHOOK_PORT",
            "70000",
            "Invalid setting TUTOR_WEBHOOK_PORT: Input should be less than or equal to 65535"
            " (for example TUTOR_WEBHOOK_PORT=8443)",
        ),
        (
            "TUTOR_OPS_PORT",
            "metrics",
            "Invalid setting TUTOR_OPS_PORT: Input should be a valid integer, unable to parse"
            " string as an integer (for example TUTOR_OPS_PORT=9100)",
        ),
        (
            "TUTOR_WEBHOOK_LISTEN",
            "0.0.0.0:8443",
            "Invalid setting TUTOR_WEBHOOK_LISTEN: '0.0.0.0:8443' is not a host name or IP address"
            " (for example TUTOR_WEBHOOK_LISTEN=127.0.0.1)",
        ),
        (
            "TUTOR_CONTENT_DIR",
            "/no/such/course",
            "Invalid setting TUTOR_CONTENT_DIR: '/no/such/course' is not a folder (for example"
            f" TUTOR_CONTENT_DIR={Path(__file__).parents[2] / 'content'})",
        ),
        (
            "TUTOR_LANGUAGES",
            "fr,xx",
            "Invalid setting TUTOR_LANGUAGES: 'xx' is not one of the languages (fr, nl, en)"
            " (for example TUTOR_LANGUAGES=fr,nl,en)",
        ),
        (
            "TUTOR_FLOOD_BURST",
            "0",
            "Invalid setting TUTOR_FLOOD_BURST: Input should be greater than or equal to 1"
            " (for example TUTOR_FLOOD_BURST=8)",
        ),
        (
            "TUTOR_STARTUP_WAIT_SECONDS",
            "a while",
            "Invalid setting TUTOR_STARTUP_WAIT_SECONDS: Input should be a valid number, unable"
            " to parse string as a number (for example TUTOR_STARTUP_WAIT_SECONDS=30.0)",
        ),
        (
            "TUTOR_ADMIN_IDS",
            "123,anna",
            "Invalid setting TUTOR_ADMIN_IDS: Input should be a valid integer, unable to parse"
            " string as an integer (for example TUTOR_ADMIN_IDS=123456789,987654321)",
        ),
        (
            "TUTOR_ADMINS",
            "telegram:1,anna",
            "Invalid setting TUTOR_ADMINS: 'anna' is not channel:id, such as telegram:123456 or"
            " terminal:anna (for example TUTOR_ADMINS=telegram:123456789,terminal:anna)",
        ),
        (
            "TUTOR_ADMINS",
            '["telegram:1",',
            "Invalid setting TUTOR_ADMINS: '[\"telegram:1\",' is neither a JSON list nor"
            " comma-separated values (for example TUTOR_ADMINS=telegram:123456789,terminal:anna)",
        ),
        (
            "TUTOR_QUIET_HOURS",
            "21h-25h",
            "Invalid setting TUTOR_QUIET_HOURS: '21h-25h' is not two times as HH:MM-HH:MM"
            " (for example TUTOR_QUIET_HOURS=21:00-08:00)",
        ),
        (
            "TUTOR_QUIET_HOURS",
            "8:00-21:00",
            "Invalid setting TUTOR_QUIET_HOURS: '8:00-21:00' is most of the day: for the night,"
            " 21:00-08:00 (for example TUTOR_QUIET_HOURS=21:00-08:00)",
        ),
        (
            "TUTOR_WEBHOOK_SECRET",
            "not secret enough",
            "Invalid setting TUTOR_WEBHOOK_SECRET: use 1 to 256 characters among A-Z, a-z, 0-9,"
            " _ and - (for example TUTOR_WEBHOOK_SECRET=a-long-random-token_123)",
        ),
        (
            "TUTOR_DATA_DIR",
            "",
            "Invalid setting TUTOR_DATA_DIR: it is empty: give a folder, or leave it unset for"
            " the default (for example TUTOR_DATA_DIR=data)",
        ),
        (
            "TUTOR_LOG_FORMAT",
            "xml",
            "Invalid setting TUTOR_LOG_FORMAT: Input should be 'text' or 'json'"
            " (for example TUTOR_LOG_FORMAT=text)",
        ),
    ],
)
def test_a_wrong_setting_stops_every_command_with_one_line(
    tmp_path: Path, variable: str, value: str, line: str
) -> None:
    result = run_tutor(tmp_path, "cohort", "list", **{variable: value})

    assert result.returncode == 2
    assert result.stderr == line + "\n"


def test_a_data_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    inside_a_file = a_file(tmp_path)

    result = run_tutor(tmp_path, "db", "upgrade", TUTOR_DATA_DIR=inside_a_file)

    assert result.returncode == 2
    assert result.stderr == (
        f"Invalid setting TUTOR_DATA_DIR: '{tmp_path / 'notes.txt'}' is a file, not a folder"
        " (for example TUTOR_DATA_DIR=data)\n"
    )


def test_a_data_folder_the_system_refuses_is_one_line(tmp_path: Path) -> None:
    # A folder that passes the checks of the settings, but that nobody can make: /proc's.
    result = run_tutor(tmp_path, "cohort", "list", TUTOR_DATA_DIR="/proc/tutor-data")

    assert result.returncode == 2
    assert result.stderr == (
        "Invalid setting TUTOR_DATA_DIR: cannot use '/proc/tutor-data': No such file or directory\n"
    )


def test_a_closed_database_port_is_retried_then_one_line_without_the_password(
    tmp_path: Path,
) -> None:
    port = closed_port()
    url = f"postgresql+asyncpg://tutor:s3cret-pw@127.0.0.1:{port}/tutor"

    result = run_tutor(
        tmp_path, "db", "upgrade", TUTOR_DATABASE_URL=url, TUTOR_STARTUP_WAIT_SECONDS="1.5"
    )

    *retries, last = result.stderr.splitlines()
    assert result.returncode == 2
    where = f"the database at postgresql+asyncpg://tutor:***@127.0.0.1:{port}/tutor"
    assert last.startswith(f"Cannot reach {where} after 1.5 s: ConnectionRefusedError")
    assert retries
    assert all(f"WARNING bot.waiting: Waiting for {where}" in line for line in retries)
    assert "s3cret-pw" not in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.postgres
def test_a_database_that_refuses_the_login_is_one_line_at_once(
    tmp_path: Path, postgres_url: str
) -> None:
    # The server answers: there is nothing to wait for.
    wrong_user = make_url(postgres_url).set(username="nobody_here", password="pw")
    shown = wrong_user.render_as_string(hide_password=True)

    result = run_tutor(
        tmp_path, "db", "upgrade", TUTOR_DATABASE_URL=wrong_user.render_as_string(False)
    )

    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"Cannot use the database at {shown}: ")
    assert ":pw@" not in result.stderr
    assert 'role "nobody_here" does not exist' in result.stderr


@pytest.mark.slow
def test_a_closed_chroma_port_stops_the_bot_after_retrying(tmp_path: Path) -> None:
    port = closed_port()

    result = run_tutor(
        tmp_path,
        "run",
        TELEGRAM_BOT_TOKEN="7000000001:never-used-since-the-index-server-is-missing",
        TUTOR_TELEGRAM_BOT_USERNAME="ai_tutor_bot",  # else a warning says links need it
        TUTOR_CHROMA_HOST="127.0.0.1",
        TUTOR_CHROMA_PORT=str(port),
        TUTOR_STARTUP_WAIT_SECONDS="1",
    )

    *retries, last = result.stderr.splitlines()
    assert result.returncode == 2
    assert last.startswith(
        f"Cannot reach the chromadb server at http://127.0.0.1:{port} after 1 s: ValueError:"
        " Could not connect to a Chroma server."
    )
    assert retries
    assert all("WARNING bot.waiting: Waiting for the chromadb server" in r for r in retries)
    assert "never-used" not in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("written", "identities"),
    [
        ("123,456", {("telegram", "123"), ("telegram", "456")}),
        (" 123 , 456 ,", {("telegram", "123"), ("telegram", "456")}),
        ("[123, 456]", {("telegram", "123"), ("telegram", "456")}),
        ("123", {("telegram", "123")}),
        ("", set()),
        ("[]", set()),
    ],
)
def test_telegram_administrators_are_read_comma_separated_or_as_json(
    monkeypatch: pytest.MonkeyPatch, written: str, identities: set[tuple[str, str]]
) -> None:
    monkeypatch.delenv("TUTOR_ADMINS", raising=False)
    monkeypatch.setenv("TUTOR_ADMIN_IDS", written)
    assert load_settings(_env_file=None).admin_identities == identities


@pytest.mark.parametrize(
    ("variable", "written"),
    [
        ("TUTOR_ADMINS", "telegram:1,terminal:anna"),
        ("TUTOR_ADMINS", '["telegram:1", "terminal:anna"]'),
        ("TUTOR_LANGUAGES", "nl,fr"),
        ("TUTOR_LANGUAGES", '["nl", "fr"]'),
    ],
)
def test_every_list_setting_reads_both_forms_from_a_dotenv_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str, written: str
) -> None:
    for name in ("TUTOR_ADMINS", "TUTOR_ADMIN_IDS", "TUTOR_LANGUAGES", "TUTOR_DEFAULT_LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    dotenv = tmp_path / ".env"
    dotenv.write_text(f"{variable}={written}\n")

    settings = load_settings(_env_file=dotenv)

    if variable == "TUTOR_ADMINS":
        assert settings.admin_identities == {("telegram", "1"), ("terminal", "anna")}
    else:
        assert settings.languages.codes == ("nl", "fr")


def test_the_documented_comma_form_works_from_the_command_line(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("TUTOR_ADMIN_IDS=123,456\nTUTOR_ADMINS=terminal:anna\n")

    result = run_tutor(tmp_path, "cohort", "list")

    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.parametrize(
    ("name", "given", "read"),
    [
        ("TUTOR_QUIET_HOURS", "22h-7h", "22:00-07:00"),
        ("TUTOR_QUIET_HOURS", "22:00 - 07:00", "22:00-07:00"),
        (
            "TUTOR_DATABASE_URL",
            "postgresql://tutor@db:5432/tutor",
            "postgresql+asyncpg://tutor@db:5432/tutor",
        ),
        ("TUTOR_DATABASE_URL", "sqlite:///tutor.db", "sqlite+aiosqlite:///tutor.db"),
        (
            "TUTOR_DATABASE_URL",
            "postgres://tutor@db/tutor?sslmode=require&application_name=x",
            "postgresql+asyncpg://tutor@db/tutor?ssl=require&application_name=x",
        ),
    ],
)
def test_settings_written_the_usual_other_ways_are_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, given: str, read: str
) -> None:
    monkeypatch.setenv("TUTOR_DATA_DIR", str(tmp_path))
    monkeypatch.setenv(name, given)
    settings = load_settings(_env_file=None)
    assert getattr(settings, name.removeprefix("TUTOR_").lower()) == read


def test_language_codes_in_capitals_are_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TUTOR_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("TUTOR_LANGUAGES", "NL, FR")
    monkeypatch.setenv("TUTOR_DEFAULT_LANGUAGE", "FR")
    settings = load_settings(_env_file=None)
    assert (settings.languages.codes, settings.default_language) == (("nl", "fr"), "fr")


@pytest.mark.postgres
def test_a_postgres_url_without_a_driver_and_with_sslmode_connects(
    tmp_path: Path, postgres_url: str
) -> None:
    plain = postgres_url.replace("postgresql+asyncpg://", "postgres://") + "?sslmode=disable"
    result = run_tutor(tmp_path, "db", "upgrade", TUTOR_DATABASE_URL=plain)
    assert result.returncode == 0, result.stderr


def test_db_commands_say_where_the_database_stands_and_never_empty_it_by_default(
    tmp_path: Path,
) -> None:
    upgraded = run_tutor(tmp_path, "db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    assert upgraded.stdout.startswith("The database is at revision ")

    unsaid = run_tutor(tmp_path, "db", "downgrade")
    assert unsaid.returncode == 2
    assert unsaid.stderr.count("\n") == 1
    assert "needs --revision" in unsaid.stderr
    assert run_tutor(tmp_path, "db", "upgrade").stdout == upgraded.stdout  # nothing was undone

    unconfirmed = run_tutor(tmp_path, "db", "downgrade", "--revision", "base")
    assert unconfirmed.returncode == 2
    assert unconfirmed.stderr.count("\n") == 1
    assert "add --yes" in unconfirmed.stderr
    assert run_tutor(tmp_path, "db", "upgrade").stdout == upgraded.stdout

    down = run_tutor(tmp_path, "db", "downgrade", "--revision", "-1", "--yes")
    assert down.returncode == 0, down.stderr
    assert down.stdout != upgraded.stdout  # one revision lower

    unknown = run_tutor(tmp_path, "db", "upgrade", "--revision", "nonsense")
    assert unknown.returncode == 2
    assert unknown.stderr == (
        "Cannot upgrade the database: Can't locate revision identified by 'nonsense'\n"
    )


def test_a_misspelt_setting_is_named_with_the_right_one_and_the_rest_runs(
    tmp_path: Path,
) -> None:
    (tmp_path / ".env").write_text(
        "TUTOR_TIMEZON=Europe/Brussels\nTUTOR_DOMAIN=tutor.example.org\n"
    )
    result = run_tutor(tmp_path, "outbox", TUTOR_TELEGRAM_TOKN="123:abc", TUTOR_REPLICAS="3")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "Ignored TUTOR_TELEGRAM_TOKN: no such setting. Did you mean TUTOR_TELEGRAM_BOT_TOKEN?",
        "Ignored TUTOR_TIMEZON: no such setting. Did you mean TUTOR_TIMEZONE?",
    ]
    assert "pending" in result.stdout


def test_what_the_tutor_writes_only_its_user_may_read(tmp_path: Path) -> None:
    result = run_tutor(tmp_path, "db", "upgrade")
    assert result.returncode == 0, result.stderr
    data = tmp_path / "data"
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "tutor.db").stat().st_mode) == 0o600

"""The operator's tools: cohorts, pushes, plans and reports from the command line."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.app import open_app
from bot.cli import main
from bot.config import load_settings
from bot.features.trainers.pushes import SqlPushes
from bot.features.trainers.repo import SqlCohorts
from bot.features.trainers.tables import OutboxRow
from tests.support.chat import Chat
from tests.support.trainers import BOT_USERNAME, person

# A day to plan for whenever the tests run: a push is planned at most a year ahead.
BRUSSELS = ZoneInfo("Europe/Brussels")
IN_A_MONTH = datetime.now(BRUSSELS).date() + timedelta(days=30)


@pytest.fixture
def environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, course_index_dir: Path, sqlite_url: str
) -> None:
    monkeypatch.chdir(tmp_path)  # no developer's .env
    for name, value in {
        "TUTOR_DATABASE_URL": sqlite_url,
        "TUTOR_DATA_DIR": str(tmp_path / "data"),
        "TUTOR_INDEX_DIR": str(course_index_dir),
        "TUTOR_TELEGRAM_BOT_USERNAME": BOT_USERNAME,
    }.items():
        monkeypatch.setenv(name, value)


async def start(user_id: int, *payload: str) -> str:
    """Have someone send /start (with a link payload) on Telegram; return what they saw."""
    async with open_app(load_settings()) as app:
        chat = await person(app, user_id)
        if payload:
            await chat.command("start", *payload)
        return chat.text


async def start_in_terminal(user: str) -> None:
    """Have someone send /start in `tutor chat --user USER`."""
    async with open_app(load_settings()) as app:
        await Chat(app.tutor, user=user, channel="terminal").command("start")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def new_group(capsys: pytest.CaptureFixture[str], name: str) -> str:
    """Have trainer 2001 start the tutor, create a group for them and return its join code."""
    asyncio.run(start(2001))
    run(capsys, "cohort", "create", name, "--trainer", "2001")
    return run(capsys, "cohort", "link", name)[1].split("join-")[1].split()[0]


@pytest.mark.usefixtures("environment")
def test_operator_creates_a_cohort_pushes_plans_and_reports(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    asyncio.run(start(2001))
    code, out, _ = run(capsys, "cohort", "create", "Bootcamp", "--trainer", "2001")
    assert code == 0
    assert f"Link: https://t.me/{BOT_USERNAME}?start=join-" in out
    join = out.split("join-")[1].split()[0]
    for user_id in (5000, 5001):
        assert "Welcome to the group" in asyncio.run(start(user_id, f"join-{join}"))

    lesson = "basics/what-is-ai"
    # Whether quiet hours hold it depends on the hour the test runs at.
    out = run(capsys, "push", "--cohort", "Bootcamp", "--lesson", lesson)[1]
    assert out.startswith("Push 1 to 'Bootcamp' queued for 2 learner(s), ")
    assert out.endswith("; the running bot sends it.\n")
    at = f"{IN_A_MONTH} 09:00"
    code, out, _ = run(capsys, "push", "--cohort", "Bootcamp", "--next", "--at", at)
    assert (code, out) == (0, f"Push 2 to 'Bootcamp' planned for {at}.\n")
    code, _, err = run(capsys, "push", "--cohort", "Nope", "--review")
    assert (code, err) == (1, "No cohort named 'Nope'. See `tutor cohort list`.\n")
    code, out, _ = run(
        capsys, "push", "--cohort", "Bootcamp", "--message", "fr=Bonjour", "--message", "en=Hello"
    )
    assert code == 0
    code, out, _ = run(
        capsys, "schedule", "add", "--cohort", "Bootcamp", "--days", "mon-fri", "--at", "9:00"
    )
    assert (code, out.split(";")[0]) == (0, "Plan 1 saved")
    # Days and times are told apart when one of them is not read; times as the chat reads them.
    code, _, err = run(capsys, "schedule", "add", "--cohort", "Bootcamp", "--days", "lundi-someday")
    assert (code, err.split(" is not")[0]) == (1, "--days 'lundi-someday'")
    code, _, err = run(
        capsys, "schedule", "add", "--cohort", "Bootcamp", "--days", "mon", "--at", "25u"
    )
    assert (code, err) == (1, "--at '25u' is not a time of day: use 09:00, 9h or 14u30.\n")
    code, out, _ = run(
        capsys, "schedule", "add", "--cohort", "Bootcamp", "--days", "wed", "--at", "14u30"
    )
    assert (code, out.split(";")[0]) == (0, "Plan 2 saved")
    assert run(capsys, "schedule", "stop", "2")[0] == 0
    # The same plan again, or one on some of its days, would send everything twice.
    for days in ("mon-fri", "mon,wed,fri", "daily"):
        code, _, err = run(
            capsys, "schedule", "add", "--cohort", "Bootcamp", "--days", days, "--at", "09:00"
        )
        assert (code, err) == (
            1,
            "Plan 1 already sends that to 'Bootcamp' at that time on some of these days: "
            "see 'tutor schedule list'.\n",
        )
    code, out, _ = run(capsys, "schedule", "list")
    assert "plan 1" in out
    assert "Monday to Friday at 09:00" in out
    assert "lundi au vendredi à 09:00" in run(capsys, "schedule", "list", "--lang", "fr")[1]
    assert "push 2" in out
    assert run(capsys, "schedule", "cancel", "2")[1] == "Push 2 cancelled.\n"
    assert run(capsys, "schedule", "stop", "1")[1] == "Plan 1 stopped.\n"
    assert run(capsys, "outbox")[1].splitlines()[0] == "pending  4"
    assert run(capsys, "cohort", "set", "Bootcamp", "--quiet", "22:00-07:00")[0] == 0
    assert "trainer=telegram:2001 quiet=22:00-07:00" in run(capsys, "cohort", "list")[1]
    # What the chat offers, the command line takes: no quiet hours, reminders off.
    assert run(capsys, "cohort", "set", "Bootcamp", "--quiet", "none")[0] == 0
    assert run(capsys, "cohort", "set", "Bootcamp", "--reminder-days", "0")[0] == 0  # as --help
    assert run(capsys, "cohort", "set", "Bootcamp", "--reminder-days", "off")[0] == 0
    # More than a month, or quiet hours that end as they start, are slips: refused, said why.
    with pytest.raises(SystemExit):
        run(capsys, "cohort", "set", "Bootcamp", "--reminder-days", "1000")
    assert "--reminder-days: a number of days, 1 to 30 or off" in capsys.readouterr().err
    assert run(capsys, "cohort", "set", "Bootcamp", "--quiet", "08:00-08:00")[2] == (
        "--quiet 08:00-08:00 ends as it starts: for none, say none.\n"
    )
    assert run(capsys, "cohort", "set", "Bootcamp", "--quiet", "8u-21u")[2] == (
        "--quiet 8u-21u holds every message from 08:00 to 21:00, most of the day: for the "
        "night, say 21:00-08:00.\n"
    )
    assert run(capsys, "cohort", "set", "Bootcamp", "--quiet", "22u-7u")[0] == 0  # Dutch hours
    assert run(capsys, "cohort", "set", "Bootcamp", "--quiet", "none")[0] == 0
    assert "quiet=none reminder_days=0" in run(capsys, "cohort", "list")[1]
    code, out, _ = run(capsys, "push", "--cohort", "Bootcamp", "--next", "--at", "morgen 10u")
    assert (code, out.split(" planned for ")[0]) == (0, "Push 4 to 'Bootcamp'")
    code, _, err = run(capsys, "push", "--cohort", "Bootcamp", "--next", "--at", "1/1/2020 9:00")
    assert code == 1
    assert "is 2020-01-01 09:00, already past: it is now " in err
    far = f"{IN_A_MONTH + timedelta(days=400)} 09:00"
    code, _, err = run(capsys, "push", "--cohort", "Bootcamp", "--next", "--at", far)
    assert (code, err.split(", ")[1]) == (1, "more than a year away. Give a day within the year")
    code, _, err = run(capsys, "push", "--cohort", "Bootcamp", "--next", "--at", "12/31 10:00")
    assert code == 1
    assert err.startswith(
        "--at '12/31 10:00' names no day (12/31: a date is the day first, then the month): "
    )
    # Written day first: the month is what lacks the day, not the order.
    code, _, err = run(capsys, "push", "--cohort", "Bootcamp", "--next", "--at", "31/04 10u")
    assert code == 1
    assert err.startswith(
        "--at '31/04 10u' names no day (there is no 31 April: April has 30 days): "
    )
    # "now" in words is now, as without --at, never "already past".
    code, out, _ = run(capsys, "push", "--cohort", "Bootcamp", "--next", "--at", "maintenant")
    assert (code, out.split(" queued for ")[0]) == (0, "Push 5 to 'Bootcamp'")
    # The same push again within the hour is the command typed twice: refused, unless meant.
    code, _, err = run(capsys, "push", "--cohort", "Bootcamp", "--next", "--at", "nu")
    assert code == 1
    assert err.startswith("Push 5 already sends that to 'Bootcamp' (")
    assert err.endswith("). To send it once more, add --again.\n")
    code, out, _ = run(capsys, "push", "--cohort", "Bootcamp", "--next", "--again")
    assert (code, out.split(" queued for ")[0]) == (0, "Push 6 to 'Bootcamp'")
    assert (
        run(capsys, "trainer", "weekly", "2001", "OFF")[1]
        == "Weekly report off for telegram:2001.\n"
    )
    # A learner of the group gets no weekly report to turn on or off.
    assert run(capsys, "trainer", "weekly", "5000", "on")[1:] == (
        "",
        "telegram:5000 is a learner, not a trainer: only trainers get the report.\n",
    )

    csv_path, png_path = tmp_path / "report.csv", tmp_path / "report.png"
    code, out, _ = run(
        capsys,
        "report",
        "--cohort",
        "Bootcamp",
        "--lang",
        "fr",
        "--csv",
        str(csv_path),
        "--png",
        str(png_path),
    )
    assert code == 0
    assert "📊 Rapport : Bootcamp" in out
    assert "👥 2 apprenants actifs sur 2 cette semaine (7 derniers jours)" in out
    assert csv_path.read_text(encoding="utf-8-sig").startswith("Apprenant;Arrivée;")
    assert png_path.read_bytes().startswith(b"\x89PNG")


@pytest.mark.usefixtures("environment")
def test_operator_invites_a_trainer_and_stops_a_join_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    asyncio.run(start(2001))
    code, out, _ = run(capsys, "trainer", "invite")
    assert code == 0
    assert "(the new trainer sends /join " in out
    invite = out.split("join-")[1].split()[0]
    assert f"Link on telegram: https://t.me/{BOT_USERNAME}?start=join-{invite}\n" in out
    assert f"Link on terminal: /start join-{invite}\n" in out
    number = out.split("Trainer invitation ")[1].split(",")[0]
    listed = run(capsys, "trainer", "list")[1]
    assert listed.startswith(f"invitation {number} ")
    assert " by the command line, works until " in listed
    assert run(capsys, "cohort", "create", "Evening", "--trainer", "999")[0] == 1
    # Signs alone name nothing, and would all read alike.
    assert run(capsys, "cohort", "create", "!!!", "--trainer", "2001")[2] == (
        "A cohort name has 1 to 40 characters, with at least a letter or digit.\n"
    )
    assert run(capsys, "cohort", "create", "Evening", "--trainer", "anna")[2] == (
        "--trainer: 'anna' is not channel:id, such as telegram:123456 or terminal:anna.\n"
    )
    run(capsys, "cohort", "create", "Evening", "--trainer", "2001")
    out = run(capsys, "cohort", "link", "Evening")[1]
    join = out.split("join-")[1].split()[0]
    assert run(capsys, "cohort", "stop", "Evening")[1] == "Stopped 1 join code(s) of 'Evening'.\n"
    assert "This code does not work" in asyncio.run(start(6000, f"join-{join}"))
    assert "You are now a trainer" in asyncio.run(start(6000, f"join-{invite}"))
    assert run(capsys, "trainer", "list")[1] == (
        "No trainer invitation works now. Make one: tutor trainer invite\n"
    )

    # A trainer in the terminal is given what to type there.
    asyncio.run(start_in_terminal("anna"))
    code, out, _ = run(capsys, "cohort", "create", "Morning", "--trainer", "terminal:anna")
    assert code == 0
    assert "\nLink: /start join-" in out
    assert "t.me" not in out


@pytest.mark.usefixtures("environment")
def test_revoking_cancels_an_unused_invitation_and_never_a_groups_join_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    join = new_group(capsys, "Evening")
    out = run(capsys, "trainer", "invite")[1]
    number = int(out.split("Trainer invitation ")[1].split(",")[0])
    invite = out.split("join-")[1].split()[0]

    # The group's join code has a number of the same series, just before the invitation's.
    for other in (number - 1, number + 1):
        code, _, err = run(capsys, "trainer", "revoke", str(other))
        assert (code, err.split(" that ")[0]) == (1, f"No trainer invitation {other}")
    assert "Welcome to the group" in asyncio.run(start(5000, f"join-{join}"))
    assert run(capsys, "trainer", "revoke", str(number))[1] == f"Invitation {number} cancelled.\n"
    assert run(capsys, "trainer", "revoke", str(number))[0] == 1
    assert "This code does not work" in asyncio.run(start(6000, f"join-{invite}"))


@pytest.mark.usefixtures("environment")
def test_operator_prints_a_dashboard_link_for_trainers_only(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    asyncio.run(start(2001))
    asyncio.run(start(2002))
    code, _, err = run(capsys, "web", "link", "2001")
    assert (code, err) == (2, "Set TUTOR_WEB_URL to the dashboard's address first.\n")
    monkeypatch.setenv("TUTOR_WEB_URL", "https://tutor.example.org")
    run(capsys, "cohort", "create", "Bootcamp", "--trainer", "2001")
    code, out, err = run(capsys, "web", "link", "2001")
    assert code == 0
    assert out.startswith("https://tutor.example.org/signin/")
    assert err == "It signs in once, within 15 minutes.\n"
    code, out, err = run(capsys, "web", "link", "2002")
    assert (code, out) == (1, "")
    assert err == "2002 is not a trainer or an administrator.\n"
    code, _, err = run(capsys, "web", "link", "3003")
    assert code == 1
    assert "has not talked to the tutor yet" in err
    # Its help says that `tutor web` alone serves the dashboard: it listed only `link`.
    with pytest.raises(SystemExit):
        main(["web", "--help"])
    assert "(`tutor web` alone)" in " ".join(capsys.readouterr().out.split())


@pytest.mark.usefixtures("environment")
def test_operator_mistakes_get_one_clear_line_and_change_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    asyncio.run(start(2001))
    assert run(capsys, "cohort", "create", "Forem Liège", "--trainer", "2001")[0] == 0
    # Names that read the same cannot be told apart in a list: they are taken, and find it.
    decomposed = "Forem Lie\u0300ge"
    for alike in ("forem liège", "Forem Liège.", decomposed, "forem liege.", "Forem Li\u200bège"):
        assert run(capsys, "cohort", "create", alike, "--trainer", "2001")[1:] == (
            "",
            "A cohort named 'Forem Liège' already exists.\n",
        )
    assert run(capsys, "cohort", "list")[1].count("Forem Liège") == 1
    assert run(capsys, "cohort", "set", "Forem Liege", "--reminder-days", "5")[1] == (
        "Cohort 'Forem Liège' updated: quiet=21:00-08:00 reminder_days=5.\n"
    )
    assert run(capsys, "cohort", "create", "Bootcamp", "--trainer", "2001")[0] == 0
    assert run(capsys, "cohort", "set", "Bootcamp") == (
        1,
        "",
        "Nothing to change: give --quiet, --reminder-days, --trainer or --rename.\n",
    )
    missing = tmp_path / "no-such-folder" / "report.csv"
    code, out, err = run(capsys, "report", "--cohort", "Bootcamp", "--csv", str(missing))
    assert (code, out) == (1, "")
    assert err == f"Cannot write {missing}: give a file in an existing folder.\n"
    code, _, err = run(capsys, "report", "--cohort", "Bootcamp", "--png", str(tmp_path))
    assert (code, err) == (1, f"Cannot write {tmp_path}: give a file in an existing folder.\n")
    same = tmp_path / "report"
    code, out, err = run(
        capsys, "report", "--cohort", "Bootcamp", "--csv", str(same), "--png", str(same)
    )
    assert (code, out, err) == (1, "", f"--csv and --png are both {same}: give two files.\n")
    assert not same.exists()
    with pytest.raises(SystemExit):
        run(capsys, "report", "--cohort", "Bootcamp", "--inactive-days", "0")
    assert "--inactive-days: a number of days, 1 to 3650" in capsys.readouterr().err
    with pytest.raises(SystemExit):  # a date before the year 1 is no date
        run(capsys, "report", "--cohort", "Bootcamp", "--inactive-days", "1000000")
    assert "--inactive-days: a number of days, 1 to 3650" in capsys.readouterr().err
    for numbered in (("trainer", "revoke"), ("schedule", "stop"), ("schedule", "cancel")):
        with pytest.raises(SystemExit):  # beyond what a database holds: no overflow
            run(capsys, *numbered, "99999999999999999999999")
        assert "a number as the list shows it (1 or more)" in capsys.readouterr().err
    for empty in ("--lesson", "--quiz"):
        assert run(capsys, "push", "--cohort", "Bootcamp", empty, "") == (
            1,
            "",
            "No lesson ''. See `tutor content list`.\n",
        )
    # An empty --at (an unset shell variable) is no "now".
    code, _, err = run(capsys, "push", "--cohort", "Bootcamp", "--next", "--at", "")
    assert code == 1
    assert err.startswith("--at '' is not a day and time this tool reads: give a local day")
    assert "It is now " in err
    code, _, err = run(capsys, "push", "--cohort", "Bootcamp", "--next", "--at", "jeudi")
    assert (code, err.split(":")[0]) == (1, "--at 'jeudi' has no time of day")
    assert run(capsys, "push", "--cohort", "Bootcamp", "--message", "fr=")[1:] == (
        "",
        "--message fr= has no text.\n",
    )
    twice = ("--message", "fr=Bonjour", "--message", "fr=Salut")
    assert run(capsys, "push", "--cohort", "Bootcamp", *twice)[2] == (
        "--message fr= is given twice: give each language once.\n"
    )
    # Nobody joined Bootcamp yet.
    assert run(capsys, "push", "--cohort", "Bootcamp", "--next") == (
        0,
        "Push 1: 'Bootcamp' has no learner who can get it now, so nothing was sent; learners "
        "who join later do not get it.\n",
        "",
    )
    assert run(capsys, "schedule", "list")[1] == "Nothing planned.\n"


@pytest.mark.usefixtures("environment")
def test_a_planned_push_says_when_quiet_hours_hold_it(capsys: pytest.CaptureFixture[str]) -> None:
    asyncio.run(start(2001))
    assert run(capsys, "cohort", "create", "Evening", "--trainer", "2001")[0] == 0
    assert run(capsys, "cohort", "set", "Evening", "--quiet", "21:00-08:00")[0] == 0
    at = f"{IN_A_MONTH} 23:00"
    code, out, _ = run(capsys, "push", "--cohort", "Evening", "--next", "--at", at)
    held = f"{IN_A_MONTH + timedelta(days=1)} 08:00"
    assert (code, out) == (
        0,
        f"Push 1 to 'Evening' planned for {at}, held by quiet hours until {held}.\n",
    )
    code, out, _ = run(
        capsys, "schedule", "add", "--cohort", "Evening", "--days", "daily", "--at", "22:00"
    )
    assert code == 0
    assert out.startswith("Plan 1 saved; first run ")
    assert " 22:00, held by quiet hours until " in out
    assert out.endswith(" 08:00.\n")


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path, sqlite_url: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TUTOR_", "TELEGRAM_"))}
    env |= {"TUTOR_DATA_DIR": str(tmp_path / "data"), "TUTOR_DATABASE_URL": sqlite_url}
    listing = subprocess.Popen(
        [sys.executable, "-m", "bot", "cohort", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
    )
    assert listing.stdout is not None
    listing.stdout.close()  # as `| head -0` does, long before the list is written
    _, err = listing.communicate(timeout=300)
    assert (listing.returncode, err) == (1, b"")


def held_message(capsys: pytest.CaptureFixture[str], name: str, learner: int) -> str:
    """Push a message to a new group of one learner, in quiet hours that hold it; say its line."""
    join = new_group(capsys, name)
    asyncio.run(start(learner, f"join-{join}"))
    hour = datetime.now(ZoneInfo("Europe/Brussels")).hour
    quiet = f"{hour:02}:00-{(hour + 2) % 24:02}:00"  # quiet hours that hold a push sent now
    assert run(capsys, "cohort", "set", name, "--quiet", quiet)[0] == 0
    return run(capsys, "push", "--cohort", name, "--message", "en=Hello")[1]


@pytest.mark.usefixtures("environment")
def test_a_message_push_names_the_learners_who_read_another_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    join = new_group(capsys, "Mixed")
    for learner in (5000, 5001):
        asyncio.run(start(learner, f"join-{join}"))
    # As the chat's check before sending says it: the operator never learnt it.
    out = run(capsys, "push", "--cohort", "Mixed", "--message", "fr=Atelier demain")[1]
    assert out.endswith(
        "Note: 2 learner(s) read the tutor in en: they get the fr text. "
        "Add --message en=TEXT to write to them in en.\n"
    )
    out = run(capsys, "push", "--cohort", "Mixed", "--message", "en=Workshop tomorrow")[1]
    assert "Note:" not in out


@pytest.mark.usefixtures("environment")
def test_a_push_held_by_quiet_hours_is_listed_and_can_be_cancelled(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = held_message(capsys, "Night", 5000)
    assert out.startswith("Push 1 to 'Night' queued for 1 learner(s), held by quiet hours until ")

    listed = run(capsys, "schedule", "list")[1]
    assert listed.startswith("push 1     Night")
    assert ", held by quiet hours until " in listed
    assert run(capsys, "schedule", "cancel", "1")[1] == "Push 1 cancelled.\n"
    assert run(capsys, "outbox")[1].startswith("pending  0\n")  # no row left to send
    assert run(capsys, "schedule", "cancel", "1")[2] == (
        "No push 1 still to send (already sent, or unknown).\n"
    )
    # A review goes only to those with something to review when it goes out: said so.
    out = run(capsys, "push", "--cohort", "Night", "--review")[1]
    assert out.endswith("\nLearners with nothing to review by then get no message.\n")


@pytest.mark.usefixtures("environment")
def test_sends_held_by_quiet_hours_go_once_the_command_line_turns_them_off(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert ", held by quiet hours until " in held_message(capsys, "Late", 5001)
    code, out, _ = run(capsys, "cohort", "set", "Late", "--quiet", "none")
    assert code == 0
    # Said, since it may be the middle of the night for the learners.
    assert out.endswith("\n1 message(s) held by the old quiet hours go now.\n")
    # Listed as going now, and it does: the outbox row waits no more.
    assert ", held by quiet hours until " not in run(capsys, "schedule", "list")[1]
    assert asyncio.run(_held_rows()) == 0


async def _held_rows() -> int:
    """Count the outbox rows that wait for a time still to come."""
    async with open_app(load_settings()) as app, app.database.engine.connect() as connection:
        held = await connection.scalar(
            select(func.count())
            .select_from(OutboxRow)
            .where(OutboxRow.not_before > datetime.now(UTC))
        )
    return int(held or 0)


@pytest.mark.usefixtures("environment")
def test_a_cohort_is_renamed_and_handed_to_another_trainer(
    capsys: pytest.CaptureFixture[str],
) -> None:
    new_group(capsys, "Forem Liège")
    run(capsys, "cohort", "create", "Bootcamp", "--trainer", "2001")
    asyncio.run(start(2002))
    code, out, _ = run(
        capsys, "cohort", "set", "forem liege", "--rename", "Forem Liège mardi", "--trainer", "2002"
    )
    assert code == 0
    assert out.splitlines()[1:] == ["Renamed from 'Forem Liège'.", "Led by telegram:2002."]
    assert "Forem Liège mardi" in run(capsys, "cohort", "list")[1]
    assert "trainer=telegram:2002" in run(capsys, "cohort", "list")[1]
    # A name another cohort reads the same as is taken; someone the tutor does not know leads none.
    assert run(capsys, "cohort", "set", "Forem Liège mardi", "--rename", "bootcamp.")[1:] == (
        "",
        "A cohort named 'Bootcamp' already exists.\n",
    )
    assert run(capsys, "cohort", "set", "Bootcamp", "--trainer", "9999")[2] == (
        "telegram:9999 has not talked to the tutor yet: ask them to send /start.\n"
    )


@pytest.mark.usefixtures("environment")
def test_a_learner_cannot_lead_their_own_group_and_a_trainer_role_is_taken_back(
    capsys: pytest.CaptureFixture[str],
) -> None:
    join = new_group(capsys, "Forem Liège")
    asyncio.run(start(3001, f"join-{join}"))
    # They would see their classmates' progress: refused, and nothing changed.
    code, _, err = run(capsys, "cohort", "set", "Forem Liège", "--trainer", "3001")
    assert code == 1
    assert err == (
        "3001 is a learner in 'Forem Liège': a learner cannot lead their own group. Choose "
        "someone else, or ask them to send /leave first.\n"
    )
    assert "trainer=telegram:2001" in run(capsys, "cohort", "list")[1]
    # The role goes back only once the cohorts they lead have another trainer.
    assert run(capsys, "trainer", "remove", "2001")[2] == (
        "2001 leads 'Forem Liège': hand each one to another trainer first (tutor cohort set NAME "
        "--trainer CHANNEL:ID).\n"
    )
    asyncio.run(start(2002))
    run(capsys, "cohort", "set", "Forem Liège", "--trainer", "2002")
    assert run(capsys, "trainer", "remove", "2001")[1] == (
        "2001 is no longer a trainer: their trainer menu is gone.\n"
    )
    assert run(capsys, "trainer", "remove", "2001")[2] == "2001 is not a trainer.\n"


@pytest.mark.usefixtures("environment")
def test_operator_deletes_a_cohort_only_when_told_yes(capsys: pytest.CaptureFixture[str]) -> None:
    join = new_group(capsys, "Autumn")
    assert "Welcome to the group" in asyncio.run(start(5000, f"join-{join}"))

    code, out, err = run(capsys, "cohort", "delete", "Autumn")
    assert code == 1
    assert out == ""
    assert err == (
        "Deleting 'Autumn' removes its 1 member(s) from it (they keep their progress), its join "
        "codes and its sends not made yet; it cannot be undone. Add --yes to go on.\n"
    )
    assert "Autumn" in run(capsys, "cohort", "list")[1]

    code, out, _ = run(capsys, "cohort", "delete", "Autumn", "--yes")
    assert code == 0
    assert out == "Deleted 'Autumn'; its 1 learner(s) keep their progress.\n"
    assert "Autumn" not in run(capsys, "cohort", "list")[1]
    assert "This code does not work" in asyncio.run(start(6000, f"join-{join}"))
    assert run(capsys, "cohort", "delete", "Autumn", "--yes")[2] == (
        "No cohort named 'Autumn'. See `tutor cohort list`.\n"
    )


async def end_course(name: str) -> None:
    """Have the trainer end the named cohort's course, as 🏁 End the course records it."""
    async with open_app(load_settings()) as app, app.database.session() as session:
        cohort = await SqlCohorts(session).cohort_named(name)
        assert cohort is not None
        now = datetime(2026, 12, 7, 17, 0, tzinfo=UTC)
        await SqlPushes(session).create_push(cohort, "ended", now=now, zone=BRUSSELS)


@pytest.mark.usefixtures("environment")
def test_an_ended_course_gets_nothing_from_the_command_line_until_reopened(
    capsys: pytest.CaptureFixture[str],
) -> None:
    new_group(capsys, "Spring course")
    asyncio.run(end_course("Spring course"))
    assert "ended=2026-12-07 18:00" in run(capsys, "cohort", "list")[1]
    refusal = (
        "The course of 'Spring course' ended on 2026-12-07 18:00: nothing is sent to it and "
        "nobody joins it. To change that, open it again: tutor cohort reopen 'Spring course'\n"
    )
    for argv in (
        ("push", "--cohort", "Spring course", "--next"),
        ("schedule", "add", "--cohort", "Spring course"),
        ("cohort", "link", "Spring course"),
        ("cohort", "set", "Spring course", "--quiet", "22:00-07:00"),
        ("cohort", "set", "Spring course", "--reminder-days", "3"),
    ):
        assert run(capsys, *argv)[::2] == (1, refusal), argv
    # Its name and its trainer are no sends: they may change.
    assert run(capsys, "cohort", "set", "Spring course", "--rename", "Spring 2026")[0] == 0

    code, out, _ = run(capsys, "cohort", "reopen", "Spring 2026")
    assert code == 0
    assert out == (
        "The course of 'Spring 2026' is open again. Its join code, plans and reminders stay "
        "off: tutor cohort link 'Spring 2026' makes a new code.\n"
    )
    assert "ended=" not in run(capsys, "cohort", "list")[1]
    assert run(capsys, "cohort", "link", "Spring 2026")[0] == 0
    assert run(capsys, "cohort", "reopen", "Spring 2026")[2] == (
        "The course of 'Spring 2026' has not ended: it is open.\n"
    )

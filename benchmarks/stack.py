"""Run the production topology on the loopback and load it the way Telegram does.

Real processes: PostgreSQL (a throw-away database on the server at 127.0.0.1:5432), a chroma server
(`chroma run`), HAProxy in front (health-checked upstreams on `/healthz`; installed from Debian
when missing and running as root), and N `tutor run` webhook workers; the fake Bot API runs in
this process and every worker talks to it over HTTP. The migrations and the index are made once,
by `tutor db upgrade` and `tutor ingest`, as the compose file's jobs do.

As in the image, the workers and the jobs run from requirements-server.lock (chromadb's HTTP
client, not chromadb), installed into an environment of its own under benchmarks/.venvs/, built
once per lock (benchmarks/_installs.py). The chroma server runs from requirements.lock, installed
the same way, whose size the report compares; `--short` runs it from this environment instead.

The load generator behaves like Telegram: it posts each update with the secret token to the
balancer and posts it again until it gets a 2xx. Learners, all at once, each go through /start,
open a lesson, turn a card, ask for the quiz, answer it and ask a free question, one update after
the other's reply. Measured for N = 1 and N = 3 in the same run: updates per second and the time
from posting an update to its reply (p50, p95). With N = 3, a push to a 2,000-learner cohort goes
out during the load, and one worker is killed with SIGKILL halfway through; then counted:

- answers lost: updates whose reply never came (`GIVE_UP_SECONDS` after their post was accepted);
- answers twice: quiz answers stored more than once, and replies beyond what a learner's path
  makes (the N = 1 run without a kill gives that path);
- order violations: a learner's replies in another order than the path's;
- pushes lost and duplicated: cohort members who got no push message, or more than one.

    python -m benchmarks.stack            # 150 learners, a push to 2,000
    python -m benchmarks.stack --short    # 24 learners, a push to 300, for CI

Results go to stdout and benchmarks/results/stack.json. The run exits 1 when answers were lost or
counted twice, or when pushes were lost.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import count
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

from benchmarks._installs import installed
from benchmarks.push import BRUSSELS, FIRST_CHAT, enroll
from benchmarks.turns import POSTGRES_ADMIN_URL, QUESTIONS, database, reachable
from bot.adapters.db.database import Database
from bot.course.loader import load_course
from bot.features.quiz.tables import QuizAnswerRow
from bot.features.trainers.pushes import SqlPushes
from bot.features.trainers.tables import OutboxRow
from bot.paths import PROJECT_ROOT
from tests.support.buttons import data
from tests.support.retrieval import free_port
from tests.support.telegram import BOT_TOKEN, BotApi, TelegramUser, Updates, serving

RESULTS = Path(__file__).parent / "results" / "stack.json"
SECRET = "stack-benchmark-secret"
GIVE_UP_SECONDS = 60.0
START_SECONDS = 180.0
# What a reply is: what a learner sees appear or change in the chat.
VISIBLE = frozenset(
    {"sendMessage", "editMessageText", "editMessageReplyMarkup", "sendPhoto", "sendDocument"}
)
FIRST_LEARNER = 7_000_000


def utc_now() -> datetime:
    return datetime.now(UTC)


class ChatsApi(BotApi):
    """The fake Bot API, keeping each chat's replies apart so that waiting on one stays cheap."""

    def __init__(self) -> None:
        super().__init__()
        self.replies: defaultdict[int, list[str]] = defaultdict(list)

    async def _answer(
        self,
        method: str,
        params: dict[str, Any],
        files: dict[str, tuple[str, bytes]],
        failure: Any,
    ) -> tuple[int, dict[str, Any]]:
        status, body = await super()._answer(method, params, files, failure)
        # Recorded before the base class wakes the waiters, so that they see it.
        if status == 200 and method in VISIBLE:
            self.replies[int(params["chat_id"])].append(method)
        return status, body


@dataclass
class Stack:
    """The processes of one topology, and where each listens."""

    folder: Path
    env: dict[str, str]
    python: Path  # the server install's interpreter, which runs the workers
    balancer_port: int
    workers: list[asyncio.subprocess.Process] = field(default_factory=list)
    others: list[asyncio.subprocess.Process] = field(default_factory=list)

    @property
    def webhook(self) -> str:
        """Return the balancer's webhook address, as Telegram would be given it."""
        return f"http://127.0.0.1:{self.balancer_port}/telegram/hook"


def haproxy() -> str:
    """Return HAProxy's path, installing Debian's package when missing and allowed."""
    found = shutil.which("haproxy")
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise SystemExit("HAProxy is needed: sudo apt-get install haproxy")
    install = ["apt-get", "install", "-y", "-qq", "haproxy"]
    if subprocess.run(install, capture_output=True, check=False).returncode != 0:
        # A fresh machine may not have the package lists yet.
        subprocess.run(["apt-get", "update", "-qq"], check=True, capture_output=True)
        subprocess.run(install, check=True, capture_output=True)
    return shutil.which("haproxy") or "haproxy"


async def until_listening(port: int, process: asyncio.subprocess.Process, what: str) -> None:
    """Wait until something accepts connections on the port, or fail if its process ended."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.returncode is not None:
            raise SystemExit(f"{what} ended with code {process.returncode}")
        with contextlib.suppress(OSError):
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            return
        await asyncio.sleep(0.2)
    raise SystemExit(f"{what} did not listen on {port} within {START_SECONDS:.0f} s")


async def until_healthy(port: int, process: asyncio.subprocess.Process) -> None:
    """Wait until a worker's /healthz answers 200."""
    await until_listening(port, process, "tutor run")
    async with httpx.AsyncClient() as client:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                if (await client.get(f"http://127.0.0.1:{port}/healthz")).status_code == 200:
                    return
            await asyncio.sleep(0.2)
    raise SystemExit(f"the worker on {port} never answered /healthz")


async def start(args: Sequence[str], env: dict[str, str], log: Path) -> asyncio.subprocess.Process:
    """Start a process whose output goes to a log file."""
    with log.open("ab") as output:
        return await asyncio.create_subprocess_exec(
            *args, env=env, stdout=output, stderr=subprocess.STDOUT
        )


async def run_to_end(args: Sequence[str], env: dict[str, str], log: Path) -> None:
    """Run a one-shot job (migrations, ingestion) and fail when it fails."""
    process = await start(args, env, log)
    if await process.wait() != 0:
        raise SystemExit(f"{' '.join(args)} failed; see {log}")


def tutor(python: Path, *args: str) -> list[str]:
    return [str(python), "-m", "bot", *args]


@contextlib.asynccontextmanager
async def chroma_server(folder: Path, env: dict[str, str], chroma: str) -> AsyncIterator[int]:
    """Run a chroma server (`chroma`, from an install with the full chromadb); yield its port."""
    port = free_port()
    args = [
        chroma,
        "run",
        "--path",
        str(folder / "chroma"),
        "--host",
        "127.0.0.1",
    ]
    process = await start([*args, "--port", str(port)], env, folder / "chroma.log")
    try:
        await until_listening(port, process, "chroma run")
        yield port
    finally:
        await stop(process, signal.SIGTERM)


async def stop(process: asyncio.subprocess.Process, how: signal.Signals) -> None:
    """Stop a process if it still runs."""
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            process.send_signal(how)
        try:
            await asyncio.wait_for(process.wait(), 30)
        except TimeoutError:
            process.kill()
            await process.wait()


def balancer_config(port: int, workers: Sequence[int]) -> str:
    """Return HAProxy's configuration: round robin over workers that answer /healthz."""
    servers = "\n".join(
        f"    server w{n} 127.0.0.1:{worker} check inter 500ms fall 2 rise 2"
        for n, worker in enumerate(workers)
    )
    return f"""global
    maxconn 4096
defaults
    mode http
    timeout connect 1s
    timeout client 60s
    timeout server 60s
    retries 3
    option redispatch
frontend telegram
    bind 127.0.0.1:{port}
    default_backend workers
backend workers
    balance roundrobin
    option httpchk GET /healthz
    http-check expect status 200
{servers}
"""


@contextlib.asynccontextmanager
async def topology(base: Stack, workers: int) -> AsyncIterator[Stack]:
    """Start `workers` webhook workers behind HAProxy; stop everything after."""
    stack = Stack(base.folder, base.env, base.python, free_port())
    ports = [free_port() for _ in range(workers)]
    try:
        for n, port in enumerate(ports):
            env = stack.env | {
                "TUTOR_WEBHOOK_URL": stack.webhook,
                "TUTOR_WEBHOOK_LISTEN": "127.0.0.1",
                "TUTOR_WEBHOOK_PORT": str(port),
            }
            log = stack.folder / f"worker-{workers}-{n}.log"
            stack.workers.append(await start(tutor(stack.python, "run"), env, log))
        for port, process in zip(ports, stack.workers, strict=True):
            await until_healthy(port, process)
        config = stack.folder / f"haproxy-{workers}.cfg"
        config.write_text(balancer_config(stack.balancer_port, ports))
        balancer = await start(
            [haproxy(), "-db", "-f", str(config)], stack.env, stack.folder / "haproxy.log"
        )
        stack.others.append(balancer)
        await until_listening(stack.balancer_port, balancer, "haproxy")
        await asyncio.sleep(1.5)  # every server's first checks passed
        yield stack
    finally:
        for process in [*stack.others, *stack.workers]:
            await stop(process, signal.SIGTERM)


@dataclass
class LoadLearner:
    """One learner of the load, with the time each update took to get its reply."""

    user: TelegramUser
    updates: Updates
    api: ChatsApi
    waits: list[float] = field(default_factory=list)
    lost: Counter[str] = field(default_factory=Counter)

    def replies(self) -> list[str]:
        """Return the methods of the replies this learner got, in order."""
        return list(self.api.replies[self.user.id])

    def tap(self, callback_data: str) -> dict[str, Any]:
        """Build a tap on the latest message that carries this button."""
        for message in reversed(list(self.api.messages.get(self.user.id, {}).values())):
            rows = message.get("reply_markup", {}).get("inline_keyboard", [])
            if any(button["callback_data"] == callback_data for row in rows for button in row):
                return self.updates.tap(self.user, message, callback_data)
        raise LookupError(callback_data)

    def answer(self) -> dict[str, Any]:
        """Build a tap on the first option of the latest quiz question."""
        for message in reversed(list(self.api.messages.get(self.user.id, {}).values())):
            rows = message.get("reply_markup", {}).get("inline_keyboard", [])
            options = [
                b["callback_data"]
                for row in rows
                for b in row
                if ":quiz.ans:" in b["callback_data"]
            ]
            if options:
                return self.updates.tap(self.user, message, options[0])
        raise LookupError("no quiz question")

    async def built(self, build: Callable[[], dict[str, Any]]) -> dict[str, Any] | None:
        """Build an update once the message it taps has come (a reply may be several messages)."""

        def attempt() -> dict[str, Any] | None:
            with contextlib.suppress(LookupError):
                return build()
            return None

        update = attempt()
        if update is None:
            with contextlib.suppress(TimeoutError):
                await self.api.wait_for(lambda: attempt() is not None, GIVE_UP_SECONDS)
            update = attempt()
        return update


async def post(client: httpx.AsyncClient, url: str, update: dict[str, Any]) -> None:
    """Post an update as Telegram does: again, with a growing pause, until it is accepted."""
    pause = 0.1
    while True:
        with contextlib.suppress(httpx.HTTPError):
            answer = await client.post(
                url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
            )
            if answer.is_success:
                return
        await asyncio.sleep(pause)
        pause = min(pause * 2, 2.0)


async def send(
    learner: LoadLearner, client: httpx.AsyncClient, url: str, step: str, update: dict[str, Any]
) -> None:
    """Send one update and wait for its reply; count it lost if none comes."""
    replies = learner.api.replies[learner.user.id]
    before = len(replies)
    started = time.perf_counter()
    await post(client, url, update)
    try:
        await learner.api.wait_for(lambda: len(replies) > before, GIVE_UP_SECONDS)
    except TimeoutError:
        learner.lost[step] += 1
        return
    learner.waits.append(time.perf_counter() - started)


async def learn(learner: LoadLearner, client: httpx.AsyncClient, url: str, lesson: str) -> None:
    """Go through the learner's path, one update after the other's reply."""
    user, updates = learner.user, learner.updates
    steps = {
        "start": lambda: updates.command(user, "start"),
        "open": lambda: learner.tap(data("lessons.open", lesson)),
        "next_card": lambda: learner.tap(data("lessons.card", lesson, 1)),
        "quiz": lambda: updates.command(user, "quiz"),
        "answer": learner.answer,
        "free_text": lambda: updates.text(user, QUESTIONS[user.id % len(QUESTIONS)]),
    }
    for step, build in steps.items():
        update = await learner.built(build)
        if update is None:  # the reply with its button never came
            learner.lost[step] += 1
            continue
        await send(learner, client, url, step, update)


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))] if ordered else float("nan")


async def load(
    stack: Stack, api: ChatsApi, ids: count[int], learners: int, lesson: str, kill_at: float | None
) -> tuple[list[LoadLearner], dict[str, Any]]:
    """Let the learners through the balancer at once; kill worker 0 after `kill_at` of them."""
    updates = Updates(first_id=next(ids) * 1_000)
    crowd = [LoadLearner(TelegramUser(next(ids)), updates, api) for _ in range(learners)]
    limits = httpx.Limits(max_connections=learners, max_keepalive_connections=learners)
    async with httpx.AsyncClient(limits=limits, timeout=GIVE_UP_SECONDS) as client:
        started = time.perf_counter()
        walking = [
            asyncio.ensure_future(learn(one, client, stack.webhook, lesson)) for one in crowd
        ]
        killed_after = None
        if kill_at is not None:
            total = learners * 6
            await api.wait_for(
                lambda: sum(len(one.waits) for one in crowd) >= kill_at * total, GIVE_UP_SECONDS
            )
            stack.workers[0].kill()
            killed_after = round(time.perf_counter() - started, 2)
        await asyncio.gather(*walking)
        seconds = time.perf_counter() - started
    waits = [wait for one in crowd for wait in one.waits]
    return crowd, {
        "learners": learners,
        "updates": learners * 6,
        "seconds": round(seconds, 2),
        "updates_per_second": round(learners * 6 / seconds, 1),
        "reply_p50_ms": round(statistics.median(waits) * 1000, 1),
        "reply_p95_ms": round(percentile(waits, 0.95) * 1000, 1),
        "killed_worker_after_seconds": killed_after,
    }


async def quiz_answers_twice(url: str, crowd: Sequence[LoadLearner]) -> int:
    """Count the learners whose one quiz answer is stored more than once."""
    from bot.adapters.db.tables import LearnerRow

    ids = [str(one.user.id) for one in crowd]
    database = Database(url)
    try:
        async with database.session() as session:
            stored = await session.execute(
                select(LearnerRow.external_id, func.count(QuizAnswerRow.id))
                .join(QuizAnswerRow, QuizAnswerRow.learner_id == LearnerRow.id)
                .where(LearnerRow.channel == "telegram", LearnerRow.external_id.in_(ids))
                .group_by(LearnerRow.external_id)
            )
            return sum(1 for _, answers in stored if answers > 1)
    finally:
        await database.close()


def faults(crowd: Sequence[LoadLearner], path: Sequence[str]) -> dict[str, int]:
    """Compare every learner's replies with the path a learner's updates make."""
    lost = sum((one.lost for one in crowd), Counter[str]())
    extra = order = 0
    for one in crowd:
        replies = one.replies()
        if len(replies) > len(path):
            extra += len(replies) - len(path)
        elif len(replies) == len(path) and replies != list(path):
            order += 1
    return {
        "answers_lost": lost.total(),
        "answers_lost_by_step": dict(lost),
        "replies_beyond_the_path": extra,
        "order_violations": order,
    }


async def push_to_cohort(url: str, members: int) -> None:
    """Enrol a cohort and push a lesson to it now."""
    database = Database(url)
    try:
        cohort = await enroll(database, members, utc_now())
        lesson = load_course(PROJECT_ROOT / "content", ("en",)).lesson_order("en")[0]
        async with database.session() as session:
            await SqlPushes(session).create_push(
                cohort, "lesson", now=utc_now(), zone=BRUSSELS, lesson_id=lesson
            )
    finally:
        await database.close()


async def push_outcome(url: str, api: ChatsApi, members: int) -> dict[str, int]:
    """Wait until the outbox is done with the push; count members reached 0, 1 or more times."""
    database = Database(url)
    try:
        deadline = time.monotonic() + GIVE_UP_SECONDS * 3
        while time.monotonic() < deadline:
            async with database.session() as session:
                waiting = await session.scalar(
                    select(func.count()).where(OutboxRow.status.in_(("pending", "sending")))
                )
            if not waiting:
                break
            await asyncio.sleep(0.5)
    finally:
        await database.close()
    reached = Counter(
        call.chat_id
        for call in api.calls_to("sendMessage")
        if call.failure is None
        and call.chat_id is not None
        and FIRST_CHAT <= call.chat_id < FIRST_CHAT + members
    )
    return {
        "members": members,
        "pushes_lost": sum(1 for n in range(members) if reached[FIRST_CHAT + n] == 0),
        "pushes_duplicated": sum(times - 1 for times in reached.values() if times > 1),
    }


async def main(learners: int, members: int, admin_url: str, short: bool) -> dict[str, Any]:
    """Run N = 1, then N = 3 with the kill and the push; return the report.

    `short` runs the chroma server from this environment (it has the full chromadb) rather than
    from an install of requirements.lock of its own, which only the size comparison needs: CI
    spares the time and the gigabyte.
    """
    if not await reachable(admin_url):
        raise SystemExit(f"PostgreSQL does not answer at {admin_url}")
    haproxy()
    server = installed("requirements-server.lock")
    full = None if short else installed("requirements.lock")
    chroma = full.executable("chroma") if full else str(Path(sys.executable).with_name("chroma"))
    folder = Path(tempfile.mkdtemp(prefix="tutor-stack-"))
    api = ChatsApi()
    ids = count(FIRST_LEARNER)
    lesson = load_course(PROJECT_ROOT / "content", ("fr",)).lesson_order("fr")[0]
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("TUTOR_")}
    async with serving(api) as fake_api, database("postgresql", folder, admin_url) as url:
        env = inherited | {
            "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
            "TUTOR_TELEGRAM_BASE_URL": fake_api.base_url,
            "TUTOR_DATABASE_URL": url,
            "TUTOR_DATA_DIR": str(folder / "data"),
            "TUTOR_WEBHOOK_SECRET": SECRET,
            "TUTOR_LOG_LEVEL": "WARNING",
            # Correctness under faults is measured here, not Telegram's sending limit.
            "TUTOR_PUSH_RATE_PER_SECOND": "0",
        }
        async with chroma_server(folder, env, chroma) as chroma_port:
            env |= {"TUTOR_CHROMA_HOST": "127.0.0.1", "TUTOR_CHROMA_PORT": str(chroma_port)}
            jobs = time.perf_counter()
            await run_to_end(tutor(server.python, "db", "upgrade"), env, folder / "migrate.log")
            await run_to_end(tutor(server.python, "ingest"), env, folder / "ingest.log")
            jobs_seconds = time.perf_counter() - jobs
            base = Stack(folder, env, server.python, 0)
            async with topology(base, 1) as one:
                crowd, single = await load(one, api, ids, learners, lesson, kill_at=None)
            path = max((one_learner.replies() for one_learner in crowd), key=len)
            single |= faults(crowd, path)
            await push_to_cohort(url, members)
            async with topology(base, 3) as three:
                crowd, triple = await load(three, api, ids, learners, lesson, kill_at=0.5)
                pushes = await push_outcome(url, api, members)
            triple |= faults(crowd, path) | {
                "quiz_answers_stored_twice": await quiz_answers_twice(url, crowd)
            }
    return {
        "logs": str(folder),
        "installs": {"server": server.report()} | ({"full": full.report()} if full else {}),
        "jobs_seconds": round(jobs_seconds, 1),
        "path": path,
        "workers_1": single,
        "workers_3_one_killed": triple | {"push": pushes},
        "speed_up": round(triple["updates_per_second"] / single["updates_per_second"], 2),
    }


def failed(report: dict[str, Any]) -> bool:
    """Tell whether anything was lost or counted twice."""
    three = report["workers_3_one_killed"]
    return bool(
        report["workers_1"]["answers_lost"]
        or three["answers_lost"]
        or three["quiz_answers_stored_twice"]
        or three["push"]["pushes_lost"]
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--short", action="store_true", help="CI mode: 24 learners, 300 members")
    parser.add_argument("--learners", type=int, default=150)
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--postgres-admin-url", default=POSTGRES_ADMIN_URL)
    args = parser.parse_args()
    learners, members = (24, 300) if args.short else (args.learners, args.members)
    outcome = asyncio.run(main(learners, members, args.postgres_admin_url, args.short))
    if not failed(outcome):
        shutil.rmtree(outcome.pop("logs"), ignore_errors=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(outcome, indent=2) + "\n")
    print(json.dumps(outcome, indent=2))
    sys.exit(1 if failed(outcome) else 0)

"""The trainers' dashboard in a real headless Chromium, every page checked with axe-core."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import socket
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pytest
import pytest_asyncio
import uvicorn

from bot.app import App, open_app
from bot.channels.telegram.channel import join_link
from bot.channels.web.server import build_dashboard
from bot.features.trainers.ports import Cohort
from bot.features.trainers.repo import SqlCohorts
from tests.support.buttons import data
from tests.support.chat import Chat
from tests.support.trainers import BOT_USERNAME, cohort_with_learners, trainer_settings

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)
if CHROMIUM is None:
    pytest.skip(
        "Chromium is missing: install Debian's chromium package to run the browser tests",
        allow_module_level=True,
    )

from axe_playwright_python.async_playwright import Axe  # noqa: E402
from playwright.async_api import Browser, Page, async_playwright  # noqa: E402

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("course_index_dir"),
    pytest.mark.asyncio(loop_scope="module"),
]

TRAINER, OTHER_TRAINER = "2001", "2002"
FIRST_LESSON = "basics/what-is-ai"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DOCS_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
DESKTOP = {"width": 1000, "height": 800}
PHONE = {"width": 390, "height": 844}
DOCS_NAMES = {
    "dashboard-signin",
    "dashboard-cohorts",
    "dashboard-cohort",
    "dashboard-cohort-phone",
    "dashboard-push-preview",
    "dashboard-push-done",
    "dashboard-join",
}


@dataclass
class Site:
    """The running dashboard: its address, the seeded cohorts and the trainer's chat."""

    app: App
    url: str
    cohort: Cohort
    other: Cohort
    trainer: Chat


@dataclass
class Checks:
    """Where screenshots go, and what axe-core found on each page."""

    directory: Path
    docs: bool
    pages: dict[str, int] = field(default_factory=dict)
    axe: Axe = field(default_factory=Axe)

    async def page(self, page: Page, name: str) -> None:
        """Screenshot the page and fail on any WCAG 2.1 A/AA violation axe-core finds."""
        await page.screenshot(path=self.directory / f"{name}.png")
        if self.docs and name in DOCS_NAMES:
            shutil.copyfile(self.directory / f"{name}.png", DOCS_IMAGES / f"{name}.png")
        results = await self.axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        self.pages[name] = results.violations_count
        assert results.violations_count == 0, results.generate_report()

    def write_summary(self) -> None:
        summary = {
            "pages_checked": len(self.pages),
            "violations": sum(self.pages.values()),
            "by_page": self.pages,
        }
        (self.directory / "axe-summary.json").write_text(json.dumps(summary, indent=2))


def free_socket() -> socket.socket:
    """Bind a socket on a free local port, kept open so that nothing else takes it."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


async def give_progress(app: App, external_id: str, language: str, answers: int) -> None:
    """Have a seeded learner open the first lesson and answer `answers` quiz questions."""
    learner = Chat(app.tutor, user=external_id, channel="telegram", language_code=language)
    await learner.press_data(data("lessons.card", FIRST_LESSON, 0))
    if answers == 0:
        return
    lesson = app.services.course.lesson(language, FIRST_LESSON)  # type: ignore[arg-type]
    assert lesson is not None
    await learner.press_data(data("quiz.start", FIRST_LESSON))
    for number, item in enumerate(lesson.quiz[:answers]):
        await learner.answer(item.correct if number % 2 == 0 else (item.correct + 1) % 2)
        if number + 1 < answers:
            await learner.press("▶")


async def seed(app: App) -> tuple[Cohort, Cohort, Chat]:
    """Two trainers with their own cohorts; some learners of the first made progress."""
    cohort = await cohort_with_learners(app, 5, trainer_id=TRAINER)
    other = await cohort_with_learners(
        app, 2, name="Group B", first_id=6000, trainer_id=OTHER_TRAINER
    )
    async with app.database.session() as session:
        for leader in (cohort.trainer_id, other.trainer_id):
            assert leader is not None
            await SqlCohorts(session).make_trainer(leader, app.services.clock())
    languages = app.services.languages.codes
    lesson = app.services.course.lesson("en", FIRST_LESSON)
    assert lesson is not None
    for offset, answers in enumerate([len(lesson.quiz), 2, 0]):
        await give_progress(app, str(5000 + offset), languages[offset % len(languages)], answers)
    trainer = Chat(app.tutor, user=TRAINER, channel="telegram", language_code="en")
    return cohort, other, trainer


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def site(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Site]:
    """Serve the dashboard with uvicorn on a free local port, on a seeded SQLite database."""
    tmp_path = tmp_path_factory.mktemp("dashboard")
    sock = free_socket()
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    settings = trainer_settings(
        tmp_path, f"sqlite+aiosqlite:///{tmp_path / 'tutor.db'}", web_url=url
    )
    async with open_app(settings) as app:
        cohort, other, trainer = await seed(app)
        web = build_dashboard(app, partial(join_link, BOT_USERNAME))
        config = uvicorn.Config(web, log_level="warning", access_log=False, lifespan="off")
        server = uvicorn.Server(config)
        serving = asyncio.create_task(server.serve(sockets=[sock]))
        while not server.started:
            assert not serving.done(), serving.exception()
            await asyncio.sleep(0.02)
        try:
            yield Site(app, url, cohort, other, trainer)
        finally:
            server.should_exit = True
            await serving
            sock.close()


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Checks]:
    """Collect screenshots and axe results; write the summary once the module is done."""
    configured = os.environ.get("TUTOR_SCREENSHOTS_DIR")
    directory = Path(configured) if configured else tmp_path_factory.mktemp("screenshots")
    directory.mkdir(parents=True, exist_ok=True)
    found = Checks(directory, docs=os.environ.get("TUTOR_DOCS_SCREENSHOTS") == "1")
    yield found
    found.write_summary()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield launched
        await launched.close()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def page(browser: Browser, site: Site, checks: Checks) -> AsyncIterator[Page]:
    """Sign in as the first trainer with the link the /dashboard command gives."""
    await site.trainer.command("dashboard")
    found = re.search(re.escape(site.url) + r"/signin/\S+", site.trainer.text)
    assert found, "no sign-in link in the chat"
    context = await browser.new_context(base_url=site.url, viewport=DESKTOP, accept_downloads=True)
    opened = await context.new_page()
    await opened.goto(found.group(0))
    await checks.page(opened, "dashboard-signin")
    await opened.get_by_role("button", name="Sign in").click()
    await opened.wait_for_url(f"{site.url}/cohorts")
    yield opened
    await context.close()


async def learner_names(page: Page) -> list[str]:
    return await page.locator("#learner-table tbody th").all_inner_texts()


async def test_the_cohorts_list_leads_to_the_cohort_page(
    page: Page, site: Site, checks: Checks
) -> None:
    await checks.page(page, "dashboard-cohorts")
    assert await page.get_by_role("link", name=site.other.name).count() == 0
    await page.get_by_role("link", name=site.cohort.name).click()
    await page.wait_for_url(re.compile(rf"/cohorts/{site.cohort.id}$"))
    assert len(await learner_names(page)) == 5
    await checks.page(page, "dashboard-cohort")


async def test_the_learners_sort_by_a_column_and_filter(
    page: Page, site: Site, checks: Checks
) -> None:
    await page.goto(f"/cohorts/{site.cohort.id}?sort=name")
    by_name = await learner_names(page)
    assert by_name == sorted(by_name)
    await page.get_by_role("link", name="Done").click()
    await page.wait_for_url(re.compile(r"sort=done"))
    by_done = await learner_names(page)
    assert sorted(by_done) == by_name
    assert by_done != by_name
    assert by_done[-1] == "L0 B."  # the learner who did the whole quiz
    assert await page.locator('th[aria-sort="ascending"]').inner_text() == "Done ▲"
    await page.get_by_role("link", name="Done").click()
    await page.wait_for_url(re.compile(r"order=desc"))
    assert await learner_names(page) == list(reversed(by_done))
    await checks.page(page, "dashboard-cohort-sorted")

    await page.get_by_role("link", name="Not seen this week").click()
    await page.wait_for_url(re.compile(r"show=inactive"))
    current = page.locator('.filters a[aria-current="page"]')
    assert await current.inner_text() == "Not seen this week"
    assert set(await learner_names(page)) <= set(by_name)
    await checks.page(page, "dashboard-cohort-filtered")


async def test_the_cohort_page_fits_a_phone(
    browser: Browser, page: Page, site: Site, checks: Checks
) -> None:
    context = await browser.new_context(
        base_url=site.url, viewport=PHONE, storage_state=await page.context.storage_state()
    )
    phone = await context.new_page()
    await phone.goto(f"/cohorts/{site.cohort.id}")
    assert len(await learner_names(phone)) == 5
    await checks.page(phone, "dashboard-cohort-phone")
    await context.close()


async def test_a_message_is_previewed_then_sent(page: Page, site: Site, checks: Checks) -> None:
    await page.goto(f"/cohorts/{site.cohort.id}")
    await page.get_by_role("link", name="Send a lesson or a message").click()
    await checks.page(page, "dashboard-push")
    await page.get_by_label("A message").check()
    await page.get_by_label("Message in English").fill("See you on Monday at nine.")
    await page.get_by_role("button", name="Preview").click()
    await page.wait_for_url(re.compile(r"/push/preview$"))
    assert "See you on Monday at nine." in await page.locator("main").inner_text()
    await checks.page(page, "dashboard-push-preview")
    await page.get_by_role("button", name="Send").click()
    outcome = page.get_by_role("status")
    assert await outcome.inner_text()
    assert await page.get_by_role("heading", name="Done").count() == 1
    await checks.page(page, "dashboard-push-done")


async def test_the_join_page_shows_a_qr_code_and_a_poster(
    page: Page, site: Site, checks: Checks
) -> None:
    await page.goto(f"/cohorts/{site.cohort.id}")
    await page.get_by_role("link", name="Join link and QR code").click()
    if await page.locator("figure.qr").count() == 0:
        await page.get_by_role("button", name="Make a join link").click()
    await page.locator("figure.qr svg").wait_for()
    link = await page.locator(f'a[href^="https://t.me/{BOT_USERNAME}"]').inner_text()
    assert "start=join-" in link
    await checks.page(page, "dashboard-join")
    poster = page.locator('a[href*="poster.pdf"]').first
    answer = await page.request.get(await poster.get_attribute("href") or "")
    assert answer.status == 200
    assert answer.headers["content-type"] == "application/pdf"
    assert (await answer.body()).startswith(b"%PDF")


async def test_the_learners_download_as_csv(page: Page, site: Site) -> None:
    await page.goto(f"/cohorts/{site.cohort.id}")
    async with page.expect_download() as started:
        await page.get_by_role("link", name="Download CSV").click()
    download = await started.value
    assert download.suggested_filename.endswith(".csv")
    text = await asyncio.to_thread(Path(await download.path()).read_text, "utf-8-sig")
    assert sum("L" in line and "B." in line for line in text.splitlines()) == 5


async def test_another_trainers_cohort_is_refused(page: Page, site: Site, checks: Checks) -> None:
    answer = await page.goto(f"/cohorts/{site.other.id}")
    assert answer is not None
    assert answer.status == 403
    await checks.page(page, "dashboard-refused")

"""The dashboard over HTTP, in process: sign-in links, sessions, access, forms, pushes, exports."""

from __future__ import annotations

import asyncio
import csv
import io
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path

import httpx
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import text

from bot.adapters.db.learners import SqlLearners
from bot.app import App, open_app
from bot.channels.telegram.channel import join_link
from bot.channels.web.server import build_dashboard
from bot.features.trainers import codes
from bot.features.trainers.ports import Cohort
from bot.features.trainers.repo import SqlCohorts
from tests.conftest import Clock, make_settings
from tests.support.chat import Chat
from tests.support.trainers import BOT_USERNAME, cohort_with_learners, statuses, trainer_settings

WEB_URL = "https://tutor.example.org"
TRAINER = "2001"
OTHER_TRAINER = "2002"
pytestmark = pytest.mark.usefixtures("course_index_dir")


@pytest.fixture
async def app(tmp_path: Path, database_url: str, clock: Clock) -> AsyncIterator[App]:
    settings = trainer_settings(tmp_path, database_url, web_url=WEB_URL)
    async with open_app(settings, clock=clock) as opened:
        yield opened


async def trainer_of(app: App, cohort: Cohort) -> Chat:
    """Give the cohort's leader the trainer role and return their chat."""
    assert cohort.trainer_id is not None
    async with app.database.session() as session:
        await SqlCohorts(session).make_trainer(cohort.trainer_id, app.services.clock())
    async with app.database.session() as session:
        learner = await SqlLearners(session).get(cohort.trainer_id)
    assert learner is not None
    return Chat(app.tutor, user=learner.external_id, channel="telegram", language_code="en")


async def link_of(trainer: Chat) -> str:
    """Ask the tutor for a dashboard link in the chat and return its path."""
    await trainer.command("dashboard")
    found = re.search(re.escape(WEB_URL) + r"(/signin/\S+)", trainer.text)
    assert found, trainer.text
    return found.group(1)


def client(app: App, *, bot_named: bool = True) -> httpx.AsyncClient:
    web = build_dashboard(app, partial(join_link, BOT_USERNAME if bot_named else None))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=web), base_url=WEB_URL)


@asynccontextmanager
async def signed_in(
    app: App, trainer: Chat, *, bot_named: bool = True
) -> AsyncIterator[httpx.AsyncClient]:
    async with client(app, bot_named=bot_named) as browser:
        answer = await browser.post(await link_of(trainer))
        assert answer.status_code == 303
        yield browser


def form_token(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found
    return found.group(1)


async def test_a_link_signs_in_once_with_a_secure_session_cookie(app: App) -> None:
    cohort = await cohort_with_learners(app, 3, trainer_id=TRAINER)
    trainer = await trainer_of(app, cohort)
    path = await link_of(trainer)
    async with client(app) as browser:
        # Opening the link (as a chat's link preview does) does not use it up.
        assert (await browser.get(path)).status_code == 200
        answer = await browser.post(path)
        assert answer.status_code == 303
        cookie = answer.headers["set-cookie"].lower()
        assert "httponly" in cookie
        assert "secure" in cookie
        assert "samesite=lax" in cookie
        page = await browser.get("/cohorts")
        assert page.status_code == 200
        assert cohort.name in page.text
    async with client(app) as other:
        assert (await other.post(path)).status_code == 400
        assert (await other.get("/cohorts")).status_code == 401


async def test_a_link_expires_after_15_minutes_and_a_session_after_idling(
    app: App, clock: Clock
) -> None:
    cohort = await cohort_with_learners(app, 1, trainer_id=TRAINER)
    trainer = await trainer_of(app, cohort)
    path = await link_of(trainer)
    clock.advance(minutes=16)
    async with client(app) as browser:
        assert (await browser.post(path)).status_code == 400
    async with signed_in(app, trainer) as browser:
        clock.advance(minutes=20)
        assert (await browser.get("/cohorts")).status_code == 200
        clock.advance(minutes=31)
        assert (await browser.get("/cohorts")).status_code == 401


async def test_links_and_failed_sign_ins_are_rate_limited(app: App) -> None:
    cohort = await cohort_with_learners(app, 1, trainer_id=TRAINER)
    trainer = await trainer_of(app, cohort)
    for _ in range(5):
        await link_of(trainer)
    await trainer.command("dashboard")
    assert "several links" in trainer.text
    async with client(app) as browser:
        answers = [(await browser.post(f"/signin/guess{n}")).status_code for n in range(11)]
    assert answers == [400] * 10 + [429]


async def test_learners_get_no_link(app: App) -> None:
    learner = Chat(app.tutor, user="777", channel="telegram", language_code="en")
    await learner.command("start")
    await learner.command("dashboard")
    assert "trainers only" in learner.text
    assert WEB_URL not in learner.text


async def test_a_trainer_cannot_open_another_trainers_cohort(app: App) -> None:
    mine = await cohort_with_learners(app, 2, trainer_id=TRAINER)
    theirs = await cohort_with_learners(
        app, 2, name="Group B", trainer_id=OTHER_TRAINER, first_id=6000
    )
    trainer = await trainer_of(app, mine)
    async with signed_in(app, trainer) as browser:
        listed = await browser.get("/cohorts")
        assert "Group B" not in listed.text
        for path in ("", "/push", "/join", "/poster.pdf", "/export.csv"):
            assert (await browser.get(f"/cohorts/{theirs.id}{path}")).status_code == 403
        # A number no cohort has answers the same, so ids tell nothing.
        assert (await browser.get("/cohorts/99999999999")).status_code == 403


async def test_every_form_needs_the_sessions_form_token(app: App) -> None:
    cohort = await cohort_with_learners(app, 2, trainer_id=TRAINER)
    trainer = await trainer_of(app, cohort)
    async with signed_in(app, trainer) as browser:
        posts = {
            f"/cohorts/{cohort.id}/push": {"kind": "review"},
            f"/cohorts/{cohort.id}/join": {},
            "/signout": {},
        }
        for path, fields in posts.items():
            assert (await browser.post(path, data=fields)).status_code == 403
            forged = {**fields, "csrf": "forged"}
            assert (await browser.post(path, data=forged)).status_code == 403
        assert (await browser.get("/cohorts")).status_code == 200


async def test_the_learner_table_sorts_and_filters(app: App, clock: Clock) -> None:
    cohort = await cohort_with_learners(app, 3, trainer_id=TRAINER)
    trainer = await trainer_of(app, cohort)
    clock.advance(days=8)
    # L1 comes back; the others have been away 8 days, and are flagged.
    back = Chat(app.tutor, user="5001", channel="telegram", language_code="nl")
    await back.command("start")
    async with signed_in(app, trainer) as browser:
        by_name = (await browser.get(f"/cohorts/{cohort.id}?sort=name&order=desc")).text
        names = re.findall(r'<th scope="row">(L\d) B\.</th>', by_name)
        assert names == ["L2", "L1", "L0"]
        stuck = (await browser.get(f"/cohorts/{cohort.id}?show=stuck")).text
        assert re.findall(r'<th scope="row">(L\d) B\.</th>', stuck) == ["L0", "L2"]
        assert "No visit for 8 days" in stuck


async def test_a_push_is_previewed_in_each_language_then_queued_truthfully(app: App) -> None:
    cohort = await cohort_with_learners(app, 3, trainer_id=TRAINER, quiet_hours=(0, 0))
    trainer = await trainer_of(app, cohort)
    async with signed_in(app, trainer) as browser:
        token = form_token((await browser.get(f"/cohorts/{cohort.id}/push")).text)
        fields = {"csrf": token, "kind": "message", "text_en": "See you =1+1 tomorrow", "at": ""}
        preview = await browser.post(f"/cohorts/{cohort.id}/push/preview", data=fields)
        assert preview.status_code == 200
        bubbles = re.findall(r'class="bubble">([^<]*)', preview.text)
        assert len(bubbles) == 3
        assert any("Un message de votre formateur" in bubble for bubble in bubbles)
        once = re.findall(r'name="once" value="([^"]+)"', preview.text)
        done = await browser.post(f"/cohorts/{cohort.id}/push", data={**fields, "once": once[0]})
        assert "Sending to 3 learners now." in done.text
        # The same form again (a double click, the browser sending it again) is not sent twice.
        again = await browser.post(f"/cohorts/{cohort.id}/push", data={**fields, "once": once[0]})
        assert "This was already sent: each learner gets it once." in again.text
        assert await statuses(app) == {"pending": 3}
        review = await browser.post(
            f"/cohorts/{cohort.id}/push", data={"csrf": token, "kind": "review", "at": ""}
        )
        assert "Learners with nothing to review by then get no message." in review.text
        page = await browser.get(f"/cohorts/{cohort.id}")
        assert "sent (a message)" in page.text
        past = {**fields, "at": "2020-01-01T09:00"}
        refused = await browser.post(f"/cohorts/{cohort.id}/push/preview", data=past)
        assert refused.status_code == 400
        assert "already passed" in refused.text
        far = {**fields, "at": "9999-12-31T23:59"}
        refused = await browser.post(f"/cohorts/{cohort.id}/push/preview", data=far)
        assert refused.status_code == 400
        assert "more than a year away" in refused.text


async def test_the_join_link_is_shown_again_and_replaced_on_demand(app: App) -> None:
    cohort = await cohort_with_learners(app, 1, trainer_id=TRAINER)
    trainer = await trainer_of(app, cohort)
    async with signed_in(app, trainer) as browser:
        first = await browser.get(f"/cohorts/{cohort.id}/join")
        assert "no join link" in first.text
        await browser.post(f"/cohorts/{cohort.id}/join", data={"csrf": form_token(first.text)})
        shown = (await browser.get(f"/cohorts/{cohort.id}/join")).text
        again = (await browser.get(f"/cohorts/{cohort.id}/join")).text
        code = re.search(r"/join ([0-9A-Z-]{19})", shown)
        assert code
        assert code.group(0) in again
        assert "<svg" in shown
        assert f"https://t.me/{BOT_USERNAME}?start=join-" in shown
        poster = await browser.get(f"/cohorts/{cohort.id}/poster.pdf?lang=nl")
        assert poster.headers["content-type"] == "application/pdf"
        assert poster.content.startswith(b"%PDF")
        # The code shown works, and a new link stops it.
        newcomer = Chat(app.tutor, user="8000", channel="telegram", language_code="en")
        await newcomer.command("start")
        await newcomer.command("join", code.group(1))
        assert cohort.name in newcomer.text
        await browser.post(f"/cohorts/{cohort.id}/join", data={"csrf": form_token(shown)})
        late = Chat(app.tutor, user="8001", channel="telegram", language_code="en")
        await late.command("start")
        await late.command("join", code.group(1))
        assert cohort.name not in late.text
    assert codes.normalize(code.group(1)) is not None


async def test_exports_are_safe_in_a_spreadsheet_and_audited(app: App) -> None:
    cohort = await cohort_with_learners(app, 1, trainer_id=TRAINER)
    trainer = await trainer_of(app, cohort)
    # A learner who named themselves like a spreadsheet formula.
    async with app.database.session() as session:
        await session.execute(
            text(
                "UPDATE learners SET display_name = '=HYPERLINK(\"x\")' WHERE external_id = '5000'"
            )
        )
    async with signed_in(app, trainer) as browser:
        table = await browser.get(f"/cohorts/{cohort.id}/export.csv")
        rows = list(csv.reader(io.StringIO(table.content.decode("utf-8-sig")), delimiter=";"))
        assert rows[1][0] == '\'=HYPERLINK("x")'
        book = await browser.get(f"/cohorts/{cohort.id}/export.xlsx")
        sheet = load_workbook(io.BytesIO(book.content)).active
        assert sheet is not None
        cell = sheet["A2"]
        assert cell.data_type == "s"
        assert cell.value == '\'=HYPERLINK("x")'
        assert sheet["E2"].is_date
        assert (await browser.get(f"/cohorts/{cohort.id}/export.exe")).status_code == 404
    async with app.database.session() as session:
        actions = (await session.execute(text("SELECT action FROM dashboard_audit"))).scalars()
        assert sorted(actions) == ["export", "export"]


async def test_a_learner_without_a_name_has_the_reports_number_on_the_page_and_in_exports(
    app: App,
) -> None:
    cohort = await cohort_with_learners(app, 1, trainer_id=TRAINER)
    trainer = await trainer_of(app, cohort)
    async with app.database.session() as session:
        await session.execute(
            text("UPDATE learners SET display_name = NULL WHERE external_id = '5000'")
        )
        number = (
            await session.execute(text("SELECT id FROM learners WHERE external_id = '5000'"))
        ).scalar_one()
    # The chat's reports call them "Learner 12": the dashboard and its files say the same.
    async with signed_in(app, trainer) as browser:
        page = (await browser.get(f"/cohorts/{cohort.id}")).text
        table = await browser.get(f"/cohorts/{cohort.id}/export.csv")
    rows = list(csv.reader(io.StringIO(table.content.decode("utf-8-sig")), delimiter=";"))
    assert f"Learner {number}" in page
    assert rows[1][0] == f"Learner {number}"
    # The day last seen as a date a spreadsheet sorts, not as words.
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", rows[1][4])


async def test_signing_out_ends_the_session(app: App) -> None:
    cohort = await cohort_with_learners(app, 1, trainer_id=TRAINER)
    trainer = await trainer_of(app, cohort)
    async with signed_in(app, trainer) as browser:
        page = await browser.get("/cohorts")
        answer = await browser.post("/signout", data={"csrf": form_token(page.text)})
        assert answer.status_code == 200
        assert (await browser.get("/cohorts")).status_code == 401


async def test_the_dashboard_speaks_the_language_chosen(app: App) -> None:
    cohort = await cohort_with_learners(app, 1, trainer_id=TRAINER)
    trainer = await trainer_of(app, cohort)
    async with signed_in(app, trainer) as browser:
        page = await browser.get("/cohorts")
        await browser.post(
            "/language", data={"csrf": form_token(page.text), "language": "nl", "back": "/cohorts"}
        )
        dutch = await browser.get("/cohorts")
        assert '<html lang="nl">' in dutch.text


async def test_the_dashboard_is_ready_without_the_lesson_index(app: App) -> None:
    async with client(app) as browser:
        ready = await browser.get("/readyz")
        assert ready.status_code == 200
        assert ready.json()["checks"] == {"database": "ok", "migrations": "ok"}
        assert (await browser.get("/healthz")).json() == {"status": "alive"}


async def test_a_large_body_is_refused_unread(app: App) -> None:
    async with client(app) as browser:
        answer = await browser.post("/signin/anything", content=b"x" * 100_000)
        assert answer.status_code == 413


async def test_changing_language_never_sends_the_browser_to_another_site(app: App) -> None:
    cohort = await cohort_with_learners(app, 1, trainer_id=TRAINER)
    trainer = await trainer_of(app, cohort)
    async with signed_in(app, trainer) as browser:
        token = form_token((await browser.get("/cohorts")).text)
        for back in ("//evil.example", "/\\evil.example", "https://evil.example/", "cohorts"):
            answer = await browser.post(
                "/language", data={"csrf": token, "language": "fr", "back": back}
            )
            assert answer.headers["location"] == "/cohorts"
        answer = await browser.post(
            "/language", data={"csrf": token, "language": "fr", "back": f"/cohorts/{cohort.id}"}
        )
        assert answer.headers["location"] == f"/cohorts/{cohort.id}"
        # From a send's preview, which only a posted form shows, back to that form's page.
        preview = f"/cohorts/{cohort.id}/push/preview"
        answer = await browser.post(
            "/language", data={"csrf": token, "language": "fr", "back": preview}
        )
        assert answer.headers["location"] == f"/cohorts/{cohort.id}/push"
        assert (await browser.get(answer.headers["location"])).status_code == 200


async def test_without_the_bots_name_the_join_page_and_poster_give_the_code_and_no_qr_code(
    app: App,
) -> None:
    """A QR code of "/join CODE" opens nothing on a phone: the code to type is given instead."""
    cohort = await cohort_with_learners(app, 1, trainer_id=TRAINER)
    trainer = await trainer_of(app, cohort)
    async with signed_in(app, trainer, bot_named=False) as browser:
        first = await browser.get(f"/cohorts/{cohort.id}/join")
        await browser.post(f"/cohorts/{cohort.id}/join", data={"csrf": form_token(first.text)})
        shown = (await browser.get(f"/cohorts/{cohort.id}/join")).text
        poster = await browser.get(f"/cohorts/{cohort.id}/poster.pdf?lang=en")
    code = re.search(r"/join ([0-9A-Z-]{19})", shown)
    assert code
    assert "<svg" not in shown
    text = PdfReader(io.BytesIO(poster.content)).pages[0].extract_text()
    assert "Send this to the tutor:" in text
    assert code.group(0) in text
    assert "Scan" not in text


async def test_the_poster_in_the_groups_own_language_comes_first(app: App) -> None:
    cohort = await cohort_with_learners(app, 1, trainer_id=TRAINER)
    trainer = await trainer_of(app, cohort)
    async with app.database.session() as session:
        await session.execute(
            text("UPDATE learners SET language = 'nl' WHERE external_id = '5000'")
        )
    async with signed_in(app, trainer) as browser:
        page = await browser.get(f"/cohorts/{cohort.id}/join")
        await browser.post(f"/cohorts/{cohort.id}/join", data={"csrf": form_token(page.text)})
        shown = (await browser.get(f"/cohorts/{cohort.id}/join")).text
    posters = re.findall(r"poster\.pdf\?lang=(\w+)", shown)
    assert posters[0] == "nl"
    assert sorted(posters) == sorted(app.services.languages.codes)


async def test_a_held_cohort_makes_a_second_sender_wait_for_the_first_to_finish(
    database_url: str, tmp_path: Path, clock: Clock
) -> None:
    """Two sends of one cohort at once (a double click): the second sees what the first did."""
    async with open_app(make_settings(tmp_path, database_url), clock=clock) as app:
        cohort = await cohort_with_learners(app, 0)
        order: list[str] = []
        first_holds = asyncio.Event()

        async def first() -> None:
            async with app.database.session() as session:
                await SqlCohorts(session).hold(cohort.id)
                order.append("first holds")
                first_holds.set()
                await asyncio.sleep(0.2)  # the second would go on meanwhile, were it not held
                order.append("first ends")

        async def second() -> None:
            await first_holds.wait()
            async with app.database.session() as session:
                await SqlCohorts(session).hold(cohort.id)
                order.append("second holds")

        await asyncio.gather(first(), second())
    assert order == ["first holds", "first ends", "second holds"]


async def test_without_a_web_address_dashboard_is_not_offered_and_says_so_plainly(
    tmp_path: Path, database_url: str, clock: Clock
) -> None:
    settings = trainer_settings(tmp_path, database_url, web_url=None)
    async with open_app(settings, clock=clock) as app:
        cohort = await cohort_with_learners(app, 1, trainer_id=TRAINER)
        trainer = await trainer_of(app, cohort)
        await trainer.command("help")
        assert "/dashboard" not in trainer.text
        await trainer.command("dashboard")
        # No setting's name for a trainer, who cannot set one.
        assert "The web dashboard is not switched on for this tutor." in trainer.text
        assert "TUTOR_WEB_URL" not in trainer.text

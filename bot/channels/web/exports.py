"""A cohort's learner table as CSV or XLSX, every cell safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from http import HTTPStatus
from typing import Final

from openpyxl import Workbook
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from bot.channels.web.context import SECURITY_HEADERS, Dashboard
from bot.course.model import Course
from bot.features.dashboard.overview import LearnerRow, cohort_view
from bot.features.dashboard.ports import AUDIT, AuditEntry
from bot.features.trainers.report_formats import learner_name, lesson_title, spreadsheet_cell
from bot.i18n import Translator

FORMATS: Final = ("csv", "xlsx")
XLSX: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A date stays a date: a spreadsheet sorts it, where "25 nov. 2026" as text sorts by day name.
Cell = str | int | date


def table(rows: Sequence[LearnerRow], course: Course, t: Translator) -> list[list[Cell]]:
    """Return the learner table with its header, each text cell neutralised against formulas."""
    header: list[Cell] = [
        t.gettext("Name"),
        t.gettext("Current lesson"),
        t.gettext("Lessons done"),
        t.gettext("Lessons mastered"),
        t.gettext("Last seen"),
        t.gettext("Streak (days)"),
        t.gettext("Reviews due"),
        t.gettext("May be stuck"),
    ]
    lines: list[list[Cell]] = [header]
    for row in rows:
        lines.append(
            [
                spreadsheet_cell(learner_name(t, row)),
                spreadsheet_cell(lesson_title(course, t, row.lesson_id) if row.lesson_id else ""),
                row.done,
                row.mastered,
                row.last_seen_at.astimezone(t.timezone).date(),
                row.streak,
                row.reviews_due,
                t.gettext("yes") if row.stuck else "",
            ]
        )
    return lines


def as_csv(lines: list[list[Cell]]) -> bytes:
    """Write the table as CSV the way Excel reads it here: semicolons and a byte-order mark."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(lines)
    return buffer.getvalue().encode("utf-8-sig")


def as_xlsx(lines: list[list[Cell]]) -> bytes:
    """Write the table as an XLSX workbook whose cells are values, never formulas."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for line in lines:
        sheet.append(line)
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


class Exports:
    """The download of a cohort's table, written to the audit log."""

    def __init__(self, dashboard: Dashboard) -> None:
        self.dashboard = dashboard

    async def download(self, request: Request) -> Response:
        """Return the cohort's learner table in the format of the path (csv or xlsx)."""
        d = self.dashboard
        kind = request.path_params["format"]
        if kind not in FORMATS:
            raise HTTPException(HTTPStatus.NOT_FOUND)
        course = d.app.services.course
        async with d.in_cohort(request) as visit:
            cohort, t = visit.cohort, visit.t
            view = await cohort_view(visit.stores, d.outlook(visit), cohort)
            entry = AuditEntry(
                d.now, visit.viewer.learner.id, cohort.id, "export", {"format": kind}
            )
            await visit.stores.get(AUDIT).record(entry)
        lines = table(view.rows, course, t)
        body, media = (as_xlsx(lines), XLSX) if kind == "xlsx" else (as_csv(lines), "text/csv")
        name = f"cohort-{cohort.id}.{kind}"
        headers = {**SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="{name}"'}
        return Response(body, media_type=media, headers=headers)

"""/report: choose a cohort, get the report, its chart and a CSV file."""

from __future__ import annotations

from bot.core.replies import Document, Picture
from bot.core.router import Turn, rows
from bot.features.trainers.access import Access, trainer_menu_button
from bot.features.trainers.buttons import CohortReport
from bot.features.trainers.chart import progress_chart
from bot.features.trainers.report import DEFAULT_INACTIVE_DAYS, build_report
from bot.features.trainers.report_formats import report_csv, report_text


class ReportFlow:
    """Show a trainer the progress of one of their own cohorts."""

    def __init__(self, access: Access) -> None:
        self.access = access

    async def choose(self, turn: Turn, _: object = None) -> None:
        """Ask which cohort to report on."""
        question = turn.t.gettext("📊 Report on which group?")
        await self.access.ask_cohort(turn, question, CohortReport, trainer_menu_button(turn))

    async def show(self, turn: Turn, chosen: CohortReport) -> None:
        """Send the report of one cohort: text, chart and CSV."""
        cohort = await self.access.led_cohort(turn, chosen.cohort)
        if cohort is None:
            return
        t = turn.t
        days = cohort.reminder_days or DEFAULT_INACTIVE_DAYS
        reference = turn.services.default_language
        report = await build_report(turn.uow, turn.course, reference, cohort, turn.now, days)
        turn.say(report_text(report, turn.course, t))
        turn.add(
            Picture(
                progress_chart(report, turn.course, t),
                t.gettext("Progress: lessons, answers right, days away"),
            )
        )
        turn.add(
            Document(
                f"report-{turn.now.date().isoformat()}.csv",
                report_csv(report, turn.course, t),
                t.gettext("One line per learner, for a spreadsheet"),
            )
        )
        turn.say(t.gettext("What next?"), rows(trainer_menu_button(turn)))

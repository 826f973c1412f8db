"""A cohort's join link: shown again, as a QR code and an A4 poster, and replaced on demand."""

from __future__ import annotations

import io
from http import HTTPStatus
from typing import Final

import segno
from fpdf import FPDF
from starlette.requests import Request
from starlette.responses import Response

from bot.channels.web.context import SECURITY_HEADERS, Dashboard, PageError
from bot.channels.web.pages import see_other
from bot.features.certificate import fonts
from bot.features.trainers import codes
from bot.features.trainers.join_codes import JoinCode
from bot.features.trainers.members import member_languages
from bot.features.trainers.ports import COHORTS, Cohort
from bot.i18n import Translator

POSTER_FONT: Final = "DejaVu"


class JoinPages:
    """The join page, its QR code and poster, and a new link."""

    def __init__(self, dashboard: Dashboard) -> None:
        self.dashboard = dashboard

    async def show(self, request: Request) -> Response:
        """Show the cohort's join link, code and QR code."""
        d = self.dashboard
        async with d.in_cohort(request) as visit:
            cohort = visit.cohort
            current = await d.join_codes.current(visit.stores.get(COHORTS), cohort.id, d.now)
            default = d.app.services.default_language
            spoken = await member_languages(visit.stores, cohort.id, default)
        link = d.join_link(current.code) if current else None
        values = {
            "cohort": cohort,
            # The group's own language first: the poster most of its learners read.
            "poster_languages": sorted(
                d.app.services.languages.codes, key=lambda code: -spoken[code]
            ),
            "code": codes.pretty(current.code) if current else None,
            "expires_at": current.expires_at if current else None,
            "link": link,
            # A QR code only holds a link a phone can open: without the bot's name (no link),
            # learners type the code instead.
            "qr": _qr_svg(link) if link else None,
        }
        return d.show(request, visit, "join.html", values)

    async def rotate(self, request: Request) -> Response:
        """Replace the join link: the old one stops working."""
        d = self.dashboard
        async with d.in_cohort(request, form=True) as visit:
            cohorts, cohort_id = visit.stores.get(COHORTS), visit.cohort.id
            await d.join_codes.issue(cohorts, cohort_id, d.now, visit.viewer.learner.id)
        return see_other(f"/cohorts/{cohort_id}/join")

    async def poster(self, request: Request) -> Response:
        """Return an A4 poster of the join link, in the language asked for."""
        d = self.dashboard
        async with d.in_cohort(request) as visit:
            cohort, t = visit.cohort, visit.t
            current = await d.join_codes.current(visit.stores.get(COHORTS), cohort.id, d.now)
        if current is None:
            raise PageError(
                HTTPStatus.NOT_FOUND, t.gettext("This group has no join link. Make one first."), t
            )
        asked = request.query_params.get("lang", "")
        services = d.app.services
        language = services.language(asked) if asked in services.languages.codes else t.language
        pdf = poster_pdf(d.translator(language), cohort, current, d.join_link(current.code))
        disposition = f'inline; filename="join-{cohort.id}.pdf"'
        headers = {**SECURITY_HEADERS, "Content-Disposition": disposition}
        return Response(pdf, media_type="application/pdf", headers=headers)


def _qr_svg(target: str) -> str:
    """Return a QR code as inline SVG markup."""
    return segno.make(target, error="m").svg_inline(scale=6, border=2, title=None)


def _centred(pdf: FPDF, size: int, height: float, text: str, style: str = "") -> None:
    pdf.set_font(POSTER_FONT, style, size)
    pdf.multi_cell(0, height, text, align="C", new_x="LMARGIN", new_y="NEXT")


def poster_pdf(t: Translator, cohort: Cohort, current: JoinCode, link: str | None) -> bytes:
    """Draw the A4 poster: the group, a large QR code, the link and the code to type."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.add_font(POSTER_FONT, "", str(fonts.regular()))
    pdf.add_font(POSTER_FONT, "B", str(fonts.bold()))
    pdf.add_page()
    pdf.set_y(25)
    _centred(pdf, 28, 14, t.gettext("Learn about AI on your phone"), "B")
    _centred(pdf, 18, 10, t.gettext("Join the group “{name}”").format(name=cohort.name))
    pretty = codes.pretty(current.code)
    if link:
        image = io.BytesIO()
        segno.make(link, error="m").save(image, kind="png", scale=20, border=2)
        image.seek(0)
        size = 120
        pdf.image(image, x=(pdf.w - size) / 2, y=75, w=size, h=size)
        pdf.set_y(205)
        _centred(pdf, 14, 9, t.gettext("1. Scan the code with your phone's camera."))
        _centred(pdf, 14, 9, t.gettext("2. Open it in Telegram and press Start."))
        _centred(
            pdf, 14, 9, t.gettext("Or send this to the tutor: /join {code}").format(code=pretty)
        )
        _centred(pdf, 11, 8, link)
    else:
        # No link to open (the bot's name is not set): the code to type, large.
        pdf.set_y(110)
        _centred(pdf, 18, 10, t.gettext("Send this to the tutor:"))
        _centred(pdf, 28, 16, f"/join {pretty}", "B")
    pdf.set_y(278)
    until = (
        t.gettext("This link works until {date}.")
        if link
        else t.gettext("This code works until {date}.")
    ).format(date=t.date(current.expires_at))
    _centred(pdf, 10, 6, until)
    return bytes(pdf.output())

"""Make a learner's certificate: ask how their name is shown, then send the PDF and a preview."""

from __future__ import annotations

from dataclasses import dataclass

from babel.dates import format_date

from bot.core.replies import Document, Picture
from bot.core.router import Turn, button, rows
from bot.core.state import FlowState
from bot.features.certificate import codes, render
from bot.features.certificate.buttons import ConfirmName, UseFirstName
from bot.features.certificate.names import NameProblem, capitalised, clean_name, name_in
from bot.features.certificate.ports import CERTIFICATES, Certificate
from bot.features.menu import flows as screens
from bot.features.progress.milestones import closest_quizzes, load_standing
from bot.features.progress.standing import MASTERY_SHARE
from bot.i18n import Translator


@dataclass(frozen=True)
class NamingCertificate(FlowState):
    """Typing the name the certificate shows; what the learner types is that name."""

    flow = "certificate.naming"
    captures_text = True
    # The name typed, shown back for a yes before it goes on the certificate: a typing slip
    # would otherwise be printed, and a second certificate revokes the first one's code.
    name: str = ""


async def get_certificate(turn: Turn, _: object = None) -> None:
    """Ask for the name to show, or say what is still needed for a certificate."""
    t = turn.t
    standing = await load_standing(turn)
    if not standing.certificate_ready:
        lines = [
            t.gettext(
                "You get a certificate when you have finished every lesson and mastered at least "
                "{percent} of them. You master a lesson when you get {percent} of its questions "
                "right, in its quiz or in your reviews."
            ).format(percent=t.percent(MASTERY_SHARE)),
            t.ngettext(
                "Now: {done} of {total} lesson done, {mastered} mastered.",
                "Now: {done} of {total} lessons done, {mastered} mastered.",
                standing.total,
            ).format(done=standing.done, total=standing.total, mastered=standing.mastered),
        ]
        quizzes = closest_quizzes(turn, standing) if standing.finished else []
        if quizzes:
            lines.append(t.gettext("These lessons are nearly mastered: take their quiz again."))
        turn.say("\n".join(lines), rows(*quizzes, screens.menu_button(t)))
        return
    turn.enter(NamingCertificate())
    lines = [
        t.gettext("🎓 Well done! Let us make your certificate."),
        t.gettext(
            "How should your name appear on it? Type it as you want it shown, "
            "for example: Anna Peeters."
        ),
    ]
    existing = await turn.repo(CERTIFICATES).valid_of(turn.learner.id)
    if existing is not None:
        lines.append(
            t.gettext(
                "Your certificate of {date} will be replaced: its code will no longer work."
            ).format(date=t.date(existing.issued_at))
        )
    first_name = _first_name(turn)
    use_first = (
        button(t.gettext("Use “{name}”").format(name=first_name), UseFirstName())
        if first_name
        else None
    )
    turn.say("\n\n".join(lines), rows(use_first, screens.menu_button(t)))


def _one_full_stop(sentence: str, name: str) -> str:
    """Fill in the name; one that ends in a full stop ("Olena K.") ends the sentence with it."""
    said = sentence.format(name=name)
    return said.replace(f"{name}.", name) if name.endswith(".") else said


def _first_name(turn: Turn) -> str | None:
    """Return the first name the chat app gives, when it can go on a certificate as it is."""
    name = clean_name(turn.sender.first_name or "")
    return name if isinstance(name, str) else None


async def name_typed(turn: Turn, text: str) -> None:
    """Show the typed name as it will be printed and ask for a yes, or explain what to change."""
    t = turn.t
    name = clean_name(name_in(text))
    if isinstance(name, NameProblem):
        turn.say(_problem(t, name), rows(screens.menu_button(t)))
        return
    name = capitalised(name)
    turn.enter(NamingCertificate(name))  # in place of the one without a name: same way back
    turn.say(
        t.gettext(
            "Your certificate will show this name:\n\n{name}\n\nIs it right? If not, type it "
            "again as it should be written."
        ).format(name=name),
        rows(
            button(t.gettext("✅ Yes, make my certificate"), ConfirmName()), screens.menu_button(t)
        ),
    )


async def confirm_name(turn: Turn, _: ConfirmName) -> None:
    """Make the certificate with the name the learner saw and agreed to."""
    state = turn.state
    if not isinstance(state, NamingCertificate) or not state.name:
        await screens.stale_button(turn)
        return
    await _issue(turn, state.name)


async def use_first_name(turn: Turn, _: UseFirstName) -> None:
    """Make the certificate with the learner's first name."""
    name = _first_name(turn)
    if not isinstance(turn.state, NamingCertificate) or name is None:
        await screens.stale_button(turn)
        return
    await _issue(turn, name)


def _problem(t: Translator, problem: NameProblem) -> str:
    if problem is NameProblem.TOO_LONG:
        return t.gettext(
            "That name is a bit long for the certificate. Please use at most 40 characters, "
            "for example your first name and last name."
        )
    if problem is NameProblem.TOO_SHORT:
        return t.gettext("Please type your name, with at least two letters.")
    return t.gettext(
        "Please use only letters, spaces, hyphens, apostrophes and full stops, "
        "for example: Marie-Claire D'Hondt."
    )


async def _issue(turn: Turn, name: str) -> None:
    """Store the certificate under its code's digest and send it with a preview."""
    t = turn.t
    standing = await load_standing(turn)
    if not standing.certificate_ready:
        await screens.stale_button(turn)
        return
    code = codes.new_code()
    certificate = Certificate(
        code_prefix=code[: codes.PREFIX],
        name=name,
        language=turn.language,
        modules=tuple(module.title for module in standing.modules),
        issued_at=turn.now,
    )
    digest = codes.digest(turn.services.identity_hasher, code)
    await turn.repo(CERTIFICATES).issue(turn.learner.id, digest, certificate, turn.now)
    turn.leave()
    text = certificate_text(t, certificate, code)
    turn.say(
        "\n".join(
            [
                _one_full_stop(
                    t.gettext("🎓 Here is your certificate, {name}. Congratulations!"), name
                ),
                t.gettext("Its verification code is {code}.").format(code=codes.pretty(code)),
                t.gettext(
                    "Keep the PDF file: I do not keep the code, so I cannot send it again. "
                    "You can always make a new certificate from /certificate."
                ),
            ]
        )
    )
    turn.add(Picture(render.preview(text), t.gettext("Your certificate")))
    turn.add(
        Document(t.gettext("certificate.pdf"), render.pdf(text), t.gettext("Your certificate"))
    )
    await screens.main_menu(turn)


def certificate_text(t: Translator, certificate: Certificate, code: str) -> render.CertificateText:
    """Return every line of a certificate in the learner's language."""
    issued = format_date(
        certificate.issued_at.astimezone(t.timezone).date(), format="long", locale=t.locale
    )
    return render.CertificateText(
        title=t.gettext("Certificate"),
        awarded_to=t.gettext("This certifies that"),
        name=certificate.name,
        achievement=t.gettext(
            "has completed the course “Artificial intelligence: the basics” "
            "and mastered at least {percent} of its lessons."
        ).format(percent=t.percent(MASTERY_SHARE)),
        modules_heading=t.gettext("The modules of the course"),
        modules=certificate.modules,
        date_line=t.gettext("Date: {date}").format(date=issued),
        code_line=t.gettext("Verification code: {code}").format(code=codes.pretty(code)),
        issued_at=certificate.issued_at,
    )

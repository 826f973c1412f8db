"""The kinds of small talk a message can be, and of the requests read from its words."""

from __future__ import annotations

from enum import Enum


class Kind(Enum):
    """What a bit of small talk is; the order of words.yaml decides between several."""

    COMMAND = "command"  # the words of a command ("mes progrès"): the command answers
    LISTEN_OFF = "listen_off"  # "zet het voorlezen uit": reading every card aloud stops
    HELP = "help"
    FRUSTRATED = "frustrated"  # "c'est nul", "dit werkt niet": sorry, and the ways on
    # "tell me more", "en savoir plus": the card after the one on screen, or its lesson
    MORE = "more"
    CONFUSED = "confused"  # "I don't understand": offer simpler words where there are some
    # "why?" alone: not understanding, unless it follows a question the model can answer
    WHY = "why"
    # "can I talk to a real person?": the tutor is none, and who is
    PERSON = "person"
    # "j'ai perdu mon travail", "ik ben werkloos": sorry, who helps, and the lessons on work
    JOB_LOSS = "job_loss"
    ABOUT = "about"  # "who are you?", "are you a robot?": what the tutor is
    # "on peut écrire plus gros ?": the phone's settings make letters bigger, and cards read aloud
    TEXT_SIZE = "text_size"
    COMEBACK = "comeback"  # "how do I come back tomorrow?": the place is kept
    LESSON_TIME = "lesson_time"  # "how long does a lesson take?"
    # "can I skip the lessons I know?": a lesson's quiz straight away, and what a certificate needs
    SHORTCUT = "shortcut"
    NEXT_LESSON = "next_lesson"  # what ▶ Next lesson does: the lesson after the current one
    MENU = "menu"
    STOP = "stop"
    # "dsl mon fils m'appelle", "sorry, de bel gaat": a break, read from its phrases only
    INTERRUPTED = "interrupted"
    NEXT = "next"
    # "skip", "je passe": the next card on a card; under a question, that a guess is fine
    SKIP = "skip"
    BACK = "back"
    AGAIN = "again"  # show the card or question again
    RETAKE = "retake"  # "quiz again": the quiz of a result on screen, else the lesson's quiz
    ANSWER_ASKED = "answer_asked"  # "just tell me the answer": not knowing, under a question
    THANKS = "thanks"
    HOW_ARE_YOU = "how_are_you"  # "ça va ?": a question to the tutor, which a hello leaves open
    GREETING = "greeting"
    GOODBYE = "goodbye"
    NO = "no"
    OK = "ok"
    QUESTION = "question"  # only "?"
    EMOJI = "emoji"  # only emoji that say nothing in particular

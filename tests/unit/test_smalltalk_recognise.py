"""Small talk is recognised from the word lists, whatever the case, accents, repeats or emoji."""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files

import pytest
import yaml

from bot.adapters.search.evaluation import load_cases
from bot.core.languages import BUILT_IN
from bot.course.loader import load_course
from bot.course.vocabulary import glossary_phrases
from bot.features.smalltalk.kinds import Kind
from bot.features.smalltalk.recognise import LONGEST_PHRASE, Phrasebook, phrasebook
from bot.features.smalltalk.text import normalise
from bot.paths import PROJECT_ROOT

BOOK = phrasebook(BUILT_IN.codes)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hello", Kind.GREETING),
        # Leaving for work is a break, and "too long" or "the words" ask for the card's key idea
        # (they were refused, or got a card on asking a chatbot for simple words).
        ("ik moet gaan, patiënt belt", Kind.STOP),
        ("un client arrive", Kind.INTERRUPTED),
        ("gotta go, my break is over", Kind.STOP),
        ("sorry, my break is over", Kind.INTERRUPTED),
        ("plus simple stp jcomprends pas les mots", Kind.CONFUSED),
        ("trop long", Kind.CONFUSED),
        ("dat is te lang", Kind.CONFUSED),
        # Shorter, too: a card on asking a chatbot to make its answer shorter.
        ("kunde gij dat efkes korter zeggen?", Kind.CONFUSED),
        ("vous pouvez faire plus court ?", Kind.CONFUSED),
        ("can you make it shorter", Kind.CONFUSED),
        # More on what is on screen: "tell me more" got "See you soon!".
        ("tell me more", Kind.MORE),
        ("dis-m'en plus", Kind.MORE),
        ("vertel meer", Kind.MORE),
        ("can you explain more?", Kind.MORE),
        # In one sentence: "resume en 1 phrase" got a card of prompt recipes.
        ("resume en 1 phrase", Kind.CONFUSED),
        ("vat het samen", Kind.CONFUSED),
        ("in one sentence please", Kind.CONFUSED),
        # Back to the lesson, after a wrong button: a card on typing in a chatbot.
        ("Hoe ga ik terug naar de les waar ik was?", Kind.AGAIN),
        ("Ik heb een verkeerde knop gedrukt.", Kind.HELP),
        ("comment je reviens à ma leçon ?", Kind.AGAIN),
        ("ok thanks, that's reassuring", Kind.THANKS),
        ("ouf, c'est rassurant", Kind.OK),
        ("wdym", Kind.CONFUSED),  # was a hello, by its meaning
        ("c quoi deja la question", Kind.AGAIN),  # was a card on prompts
        ("wat was de vraag weer?", Kind.AGAIN),
        ("allez, ge zijt toch maar ne computer", Kind.ABOUT),  # was the help's command list
        ("Bonjour, ça va ?", Kind.HOW_ARE_YOU),
        ("goeiemorgen", Kind.GREETING),
        ("Hellooo!!", Kind.GREETING),
        ("kunt ge da simpeler zeggen", Kind.CONFUSED),
        ("can u say it more easy", Kind.CONFUSED),
        ("thanks", Kind.THANKS),
        ("Merciii !!", Kind.THANKS),
        ("dank je wel", Kind.THANKS),
        ("dankjewel!!", Kind.THANKS),
        ("thanks bot", Kind.THANKS),
        ("ok merci", Kind.THANKS),  # the kind listed first wins
        ("ok!!", Kind.OK),
        ("oké", Kind.OK),
        ("OUI", Kind.OK),
        ("c bon", Kind.OK),
        ("daccord", Kind.OK),
        ("je comprend pas", Kind.CONFUSED),  # as typed, without the "s"
        ("cest trop dur", Kind.CONFUSED),
        ("this is too hard", Kind.CONFUSED),
        ("het is te moeilijk", Kind.CONFUSED),
        # Too much to read: the card in simpler words.
        ("amai da is veel tekst", Kind.CONFUSED),
        ("ça fait beaucoup de texte", Kind.CONFUSED),
        ("too much text", Kind.CONFUSED),
        ("ik versta het ni", Kind.CONFUSED),
        ("ik weet niet wat ik moet typen", Kind.CONFUSED),  # in practice: the task's hint
        ("kunde da nekeer uitleggen", Kind.CONFUSED),  # Flemish
        ("kan da simpeler", Kind.CONFUSED),
        ("tis goe", Kind.OK),
        ("😢", Kind.CONFUSED),  # a sad face: what helps, not "shall we go on?"
        ("😡", Kind.FRUSTRATED),  # an angry one: sorry, and the ways on
        ("🤬🤬", Kind.FRUSTRATED),
        ("i dont understand nothing", Kind.CONFUSED),
        ("ja", Kind.OK),
        ("yes", Kind.OK),
        ("no", Kind.NO),
        ("non merci", Kind.NO),
        ("nee", Kind.NO),
        ("next", Kind.NEXT),
        ("skip", Kind.SKIP),
        ("je passe", Kind.SKIP),
        ("je passe mon tour", Kind.SKIP),
        ("ik sla deze vraag over", Kind.SKIP),
        # Words that only say how much ("du tout", "really", "echt") stand with the phrase.
        ("je ne sais pas du tout", Kind.CONFUSED),
        ("je ne sais vraiment pas", Kind.CONFUSED),
        ("I really don't know", Kind.CONFUSED),
        ("ik weet het echt niet", Kind.CONFUSED),
        ("helemaal geen idee", Kind.CONFUSED),
        ("merci vraiment", Kind.THANKS),
        ("sla over", Kind.SKIP),
        ("suivant", Kind.NEXT),
        ("volgende", Kind.NEXT),
        ("back", Kind.BACK),
        ("retour", Kind.BACK),
        ("terug", Kind.BACK),
        ("help", Kind.HELP),
        ("aide", Kind.HELP),
        ("hulp", Kind.HELP),
        ("menu", Kind.MENU),
        ("stop", Kind.STOP),
        ("au revoir", Kind.GOODBYE),
        ("tot ziens", Kind.GOODBYE),
        # Thanks on leaving is a goodbye: "Avec plaisir !" alone did not say the place is kept.
        ("ok merci au revoir", Kind.GOODBYE),
        ("bedankt, tot morgen", Kind.GOODBYE),
        ("thanks, bye", Kind.GOODBYE),
        # Hello as often as goodbye in Belgium: a greeting, which fits both.
        ("salut", Kind.GREETING),
        ("dag", Kind.GREETING),
        # Asking for simpler words the Flemish way, or as for a child.
        ("da snap ik ni, kunde da simpeler zeggen", Kind.CONFUSED),
        ("leg het eens uit alsof ik 10 jaar ben", Kind.CONFUSED),
        ("explique-moi comme si j'avais 10 ans", Kind.CONFUSED),
        ("explain it like i'm 5", Kind.CONFUSED),
        ("amai da was veel", Kind.CONFUSED),  # "wow, that was a lot": it got a lesson card
        # Praise for an explanation is thanked for; it got a lesson card.
        ("dat is een goei uitleg", Kind.THANKS),
        ("bien expliqué, merci", Kind.THANKS),
        ("👍", Kind.OK),
        ("👍🏽👍", Kind.OK),
        ("🙏", Kind.THANKS),
        ("🙂", Kind.OK),
        ("🎉🎉", Kind.EMOJI),
        ("?", Kind.QUESTION),
        ("??", Kind.QUESTION),
        ("I don't understand", Kind.CONFUSED),
        ("je comprends pas", Kind.CONFUSED),
        ("J'ai pas compris...", Kind.CONFUSED),
        ("c'est compliqué", Kind.CONFUSED),
        ("ik snap het niet", Kind.CONFUSED),
        ("Huh?", Kind.CONFUSED),
        ("ok je comprends pas", Kind.CONFUSED),  # listed before ok
        ("merci hein", Kind.THANKS),  # the longer phrase, not "merci" and "hein"
        ("hein ?", Kind.CONFUSED),
        ("volgende vraag", Kind.NEXT),
        ("je sais pas quoi écrire", Kind.CONFUSED),
        ("geen idee", Kind.CONFUSED),
        ("I don't know", Kind.CONFUSED),
        ("c'est parti !", Kind.NEXT),
        ("I'm ready", Kind.NEXT),
        ("ok next", Kind.NEXT),
        ("encore une fois", Kind.AGAIN),
        ("herhaal de vraag", Kind.AGAIN),
        ("Repeat please", Kind.AGAIN),
        ("merci bcp", Kind.THANKS),
        ("bedankt hé", Kind.THANKS),
        ("thnx", Kind.THANKS),
        ("bonjour madame", Kind.GREETING),
        ("ik ben klaar", Kind.OK),
        ("tot de volgende keer", Kind.GOODBYE),
        # Saying it is clear, or that one needs a break.
        ("ok merci c'est clair", Kind.THANKS),
        ("j'ai compris", Kind.OK),
        ("duidelijk!", Kind.OK),
        ("makes sense", Kind.OK),
        ("je suis fatiguée", Kind.STOP),
        # Flemish and chat ways of not knowing, stopping, being fed up with the tutor.
        ("ik weet het ni", Kind.CONFUSED),
        ("weet ik veel", Kind.CONFUSED),
        ("pff dit is veel te moeilijk", Kind.CONFUSED),
        ("kga nu stoppen, salut", Kind.STOP),
        ("im so tired", Kind.STOP),
        ("ga weg stomme bot", Kind.FRUSTRATED),
        ("you are useless", Kind.FRUSTRATED),
        ("ça marche pas", Kind.FRUSTRATED),
        ("nog simpeler aub", Kind.CONFUSED),  # on a card: the card in simpler words
        ("encore plus simple", Kind.CONFUSED),
        ("wacht even", Kind.STOP),
        ("brb", Kind.STOP),
        # Of the card: its key idea in a few words ("trop long" was a break).
        ("c'est trop long", Kind.CONFUSED),
        # "why?" alone, which follows a question or a card.
        ("pourquoi ?", Kind.WHY),
        ("Waarom?", Kind.WHY),
        ("how come", Kind.WHY),
        ("comment ça marche ?", Kind.HELP),  # the longer phrase
        # Asking what the tutor is.
        ("t'es qui ?", Kind.ABOUT),
        ("Tu es un robot ?", Kind.ABOUT),
        ("ben jij een echte persoon?", Kind.ABOUT),
        ("wie heeft u gemaakt?", Kind.ABOUT),  # the polite "u"
        ("qui vous a fait ?", Kind.ABOUT),
        ("who built you?", Kind.ABOUT),
        ("zijt ge een mens of een robot?", Kind.ABOUT),  # Flemish
        ("who are u? are you chatgpt?", Kind.ABOUT),
        ("vous êtes un humain ou un robot ?", Kind.ABOUT),
        ("Are you a robot or a person?", Kind.ABOUT),
        ("est-ce que tu es un robot ou une personne ?", Kind.ABOUT),
        ("ben je een robot of een mens?", Kind.ABOUT),
        ("are you human?", Kind.ABOUT),
        ("hoeveel lessen zijn er", Kind.ABOUT),
        # "next lesson" is what the ▶ Next lesson button gives.
        ("la leçon suivante", Kind.NEXT_LESSON),
        ("volgende les", Kind.NEXT_LESSON),
        ("a new lesson", Kind.NEXT_LESSON),
        ("another lesson", Kind.COMMAND),  # the list of lessons, to choose one
        # Polite thanks for an answer, and saying it was clear: a lesson card answered them.
        ("Merci beaucoup pour votre réponse, c'est très clair.", Kind.THANKS),
        ("bedankt voor de uitleg, dat is heel duidelijk", Kind.THANKS),
        ("Thank you for your answer, that is very clear.", Kind.THANKS),
        ("c'est très clair", Kind.OK),
        ("goed uitgelegd", Kind.OK),
        # What the tutor can do, asked in Flemish or French: refused as outside the course.
        ("wa kunde gij eigenlijk?", Kind.HELP),
        ("tu sais faire quoi ?", Kind.HELP),
        ("what do you do?", Kind.HELP),
        ("who made you? you are chatgpt?", Kind.ABOUT),  # was a card on known chatbots
        ("ff simpeler aub", Kind.CONFUSED),  # was a card of another lesson
        ("weet nie", Kind.CONFUSED),  # under the check: "tap the letter", as if not heard
        # Asking which AI the tutor is: cards on what chatbots do well or badly, on high risk.
        ("r u chatgpt", Kind.ABOUT),
        ("what ai are u built on", Kind.ABOUT),
        ("c'est quelle IA ici ?", Kind.ABOUT),
        ("welke AI ben jij?", Kind.ABOUT),
        # Asking for the answer under a question: "tap the letter", or a card on first drafts.
        ("just tell me the answer lol", Kind.ANSWER_ASKED),
        ("donne-moi la réponse stp", Kind.ANSWER_ASKED),
        ("wat is het juiste antwoord?", Kind.ANSWER_ASKED),
        # How to come back: refused, or a card on job interviews.
        ("comment je fais pour revenir ?", Kind.COMEBACK),
        ("Hoe kan ik morgen verdergaan?", Kind.COMEBACK),
        ("how do i continue later?", Kind.COMEBACK),
        # How long a lesson takes: refused as outside the course.
        ("Hoeveel minuten duurt een les?", Kind.LESSON_TIME),
        ("une leçon dure combien de temps ?", Kind.LESSON_TIME),
        ("how long does a lesson take?", Kind.LESSON_TIME),
        ("hoe lang is een les", Kind.LESSON_TIME),  # was the list of lessons
        ("j'ai perdu mon travail", Kind.JOB_LOSS),
        # "t'es" typed "tes": a card on translation tools, or on the AI Act's labels.
        ("toi tes une ia ?", Kind.ABOUT),
        # Chat slang: "wsh" got "write the whole question", the others a card or a refusal.
        ("wsh", Kind.GREETING),
        # Not knowing what to do here: a card on clear prompts, or the refusal.
        ("ik weet niet wat ik hier moet doen", Kind.HELP),
        ("je sais pas quoi faire", Kind.HELP),
        # The lesson asked for in a learner's words: a card on lifelong learning.
        ("je veux aprendre la lecon", Kind.AGAIN),
        ("ik wil de les doen", Kind.AGAIN),
        ("kunt ge da simpeler zeggen, kverstaan da nie", Kind.CONFUSED),
        ("wat wil da zeggen", Kind.CONFUSED),
        ("wsh frr ca va", Kind.HOW_ARE_YOU),
        ("c koi la reponse frr", Kind.ANSWER_ASKED),
        ("tes un robot ou une personne", Kind.ABOUT),
        ("ik ben mijn job kwijt", Kind.JOB_LOSS),
        ("i lost my job", Kind.JOB_LOSS),
        # What a card or a word means, typed on a card: a card on the GDPR.
        ("wat betekend dat", Kind.CONFUSED),
        ("what does that mean?", Kind.CONFUSED),
        ("ik weet niet", Kind.CONFUSED),
        # The quiz again, under its result: the next lesson's.
        ("quiz opnieuw", Kind.RETAKE),
        ("retake the quiz", Kind.RETAKE),
        # Letters too small: refused as outside the course.
        ("comment agrandir les lettres sur ma tablette", Kind.TEXT_SIZE),
        ("de letters zijn te klein", Kind.TEXT_SIZE),
        ("can you make the text bigger?", Kind.TEXT_SIZE),
        # What to do next: cards on predicting the next word, or on checking a source.
        ("welke les moet ik nu doen?", Kind.MENU),
        ("bedankt! wat is de volgende stap voor mij?", Kind.MENU),
        ("what should i do next?", Kind.MENU),
        # Personal questions to the tutor: "that is not in my lessons", coldly.
        ("heb jij een lief? waar woon je? wat is je lievelingseten", Kind.ABOUT),
        ("tu habites où ?", Kind.ABOUT),
        ("do you have a girlfriend?", Kind.ABOUT),
    ],
)
def test_small_talk_of_each_kind_in_each_language(text: str, kind: Kind) -> None:
    assert BOOK.kind(text) is kind


@pytest.mark.parametrize(
    "text",
    [
        "is chatgpt safe",
        "help me write a cv",
        "merci voor de uitleg, nog een vraagje",
        "what is a deepfake?",
        "ok but what is a prompt",
        "I don't understand what a prompt is",
        "encore une question",
        "start a new lesson about deepfakes",
        "bot",  # a filler alone says nothing
        "1",
        "",
    ],
)
def test_anything_more_is_not_small_talk(text: str) -> None:
    assert BOOK.kind(text) is None


def test_normalising_folds_case_accents_punctuation_and_repeated_letters() -> None:
    assert normalise("  Ça VA?!  Merciiii, d'accord ") == ("ca", "va", "merci", "d", "acord")


def test_a_language_not_offered_brings_no_words() -> None:
    dutch_only = phrasebook(["nl"])
    assert dutch_only.kind("dank je") is Kind.THANKS
    assert dutch_only.kind("thank you") is None


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("bonjour", {"fr"}),
        ("Goeiemorgen!", {"nl"}),
        ("hi there", {"en"}),
        ("merci", {"fr", "nl"}),  # Flemish learners say it too
        ("hello merci", {"fr"}),  # the languages that list every phrase
        ("ok", {"fr", "nl", "en"}),
        ("bonjour bot", {"fr"}),  # a filler says nothing about the language
        ("bonjour, c'est quoi un chatbot", set()),  # more than small talk
        ("👍", set()),
    ],
)
def test_small_talk_tells_which_languages_list_its_phrases(text: str, languages: set[str]) -> None:
    assert BOOK.languages(text) == languages


def named_command(book: Phrasebook, text: str) -> str | None:
    """Return the command a message asks for ("mes progrès", "toon mijn resultaten")."""
    found = book.read(text)
    return found.command if found else None


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("mes progrès", "progress"),
        # When the next review comes: it was refused as outside the course.
        ("when is my next review?", "review"),
        ("c'est quand ma prochaine révision ?", "review"),
        ("wanneer is mijn volgende herhaling?", "review"),
        ("hoeveel lessen moet ik nog doen?", "progress"),  # was the topics, without a count
        ("combien de leçons il me reste ?", "progress"),
        ("ok, mes progrès svp", "progress"),
        ("mijn vooruitgang", "progress"),
        ("je veux un quiz", "quiz"),
        ("review", "review"),
        ("je veux m'exercer", "practice"),
        ("lees voor", "listen"),
        ("wat weet je over mij?", "mydata"),
        ("wat weet ge over mij?", "mydata"),
        ("kunt ge in het frans praten?", "language"),  # "ge" speaks to the tutor, as "je"
        ("supprime mes données", "forget"),
        ("delete my data please", "forget"),
        ("wis alles over mij", "forget"),
        ("efface tout ce que tu sais sur moi", "forget"),
        ("wis al mijn gegevens aub", "forget"),
        # Questions about what the tutor keeps: what /mydata shows.
        ("vous gardez mes messages ?", "mydata"),
        ("wat doe je met mijn gegevens?", "mydata"),
        ("do you save what I type?", "mydata"),
        ("ik wil da ge alles vergeet van mij", "forget"),
        ("oubliez-moi", "forget"),
        ("welke gegevens heb je over mij?", "mydata"),
        ("quelles donnees vous avez sur moi ?", "mydata"),
        ("une autre leçon", "lessons"),
        ("alle lessen", "lessons"),
        ("mon certificat", "certificate"),
        ("change language", "language"),
        ("my english bad", "language"),  # another language may be easier: the buttons
        ("taal veranderen", "language"),
        ("kunnen we in het nederlands praten?", "language"),
        ("on peut parler en français ?", "language"),
        ("mijn instellingen", "settings"),
        # Leaving one's group: /leave, which asks first; it showed /mydata, which names groups.
        ("je veux quitter le groupe", "leave"),
        ("ik wil uit de groep", "leave"),
        ("please remove me from the group", "leave"),
        # The code a trainer gave: refused as outside the course, or /mydata.
        ("ik moet code invullen van juf", "join"),
        ("jveux mon certif frr", "certificate"),
        # Poor eyesight as the reason: a card on reverse image search, or a refusal.
        ("kunt ge da voorlezen? ik zie nie zo goed meer", "listen"),
        ("ik zie slecht, kunt ge alles luidop lezen?", "listen"),
        ("je vois mal, tu peux lire à voix haute ?", "listen"),
        ("ik heb een code van mijn trainer", "join"),
        ("où je mets le code ?", "join"),
        ("where do I enter the code?", "join"),
        # Who sees what is done here: /mydata says it (it got a card on an employer's rights).
        ("welke gegevens houdt ge van mij bij", "mydata"),
        ("kan de vdab zien wat ik hier doe", "mydata"),
        # Whether the tutor keeps what the learner asks: cards on job interviews or Meta AI.
        ("Bewaart u de vragen die ik u stel?", "mydata"),
        ("et toi tu gardes quoi sur moi ?", "mydata"),
        ("do you keep my questions?", "mydata"),
        # Asked in a sentence: cards on better answers, job interviews and the right of access.
        ("kan ik nie direct naar de quiz, da ken ik allemaal al", "quiz"),
        ("wanneer komen die foute vragen terug?", "review"),
        ("kan ik mijn herhaling nu al doen?", "review"),
        ("wat slaat ge allemaal op over mij?", "mydata"),
        # Whether the tutor keeps or sells what it is told: cards on other chatbots' history, or
        # on the right to erasure.
        ("VOUS GARDEZ MES MESSAGES OU PAS", "mydata"),
        ("vous vendez mes données ?", "mydata"),
        ("do you sell my data?", "mydata"),
        # Whether there is a certificate: refused as outside the course.
        ("Krijg ik op het einde een attest?", "certificate"),
        ("est-ce qu'il y a un certificat ?", "certificate"),
        ("is there a certificate?", "certificate"),
    ],
)
def test_the_words_of_a_command_name_it(text: str, command: str) -> None:
    assert BOOK.kind(text) is Kind.COMMAND
    assert named_command(BOOK, text) == command


@pytest.mark.parametrize(
    "text",
    [
        "quiz progress",  # two commands: neither
        "how do I review my cv with chatgpt",  # a question that uses a command's word
        "merci",
    ],
)
def test_anything_else_names_no_command(text: str) -> None:
    assert named_command(BOOK, text) is None


@pytest.mark.parametrize(
    "text",
    [
        "zet het voorlezen uit",
        "stop met voorlezen",
        "niet meer voorlezen aub",
        "ne lis plus les cartes",
        "arrête la lecture à voix haute",
        "turn off read aloud",
        "stop reading aloud",
    ],
)
def test_the_words_of_listen_with_a_word_of_stopping_turn_reading_off(text: str) -> None:
    assert BOOK.kind(text) is Kind.LISTEN_OFF


@pytest.mark.parametrize(
    "text",
    [
        "voorlezen",
        "kunt ge alles voorlezen",
        "lis moi la carte",
        "je vois pas bien",
        "read it to me",
    ],
)
def test_asking_to_read_aloud_does_not_turn_it_off(text: str) -> None:
    assert BOOK.kind(text) is not Kind.LISTEN_OFF


@pytest.mark.parametrize(
    ("text", "kind", "command"),
    [
        # Requests no listed phrase covers: the words around them set aside.
        ("montre moi mes résultats", Kind.COMMAND, "progress"),
        ("toon mijn resultaten", Kind.COMMAND, "progress"),
        ("i want to see my progress", Kind.COMMAND, "progress"),
        ("je veux changer la langue", Kind.COMMAND, "language"),
        ("nog een quiz", Kind.COMMAND, "quiz"),
        ("un petit test", Kind.COMMAND, "quiz"),
        ("verwijder mijn account", Kind.COMMAND, "forget"),
        ("delete my data", Kind.COMMAND, "forget"),  # the word both intents share
        ("show me my data", Kind.COMMAND, "mydata"),  # the intent listed first
        ("j'aimerais m'entraîner", Kind.COMMAND, "practice"),
        ("ik ben doodmoe", Kind.STOP, None),
        ("je dois partir", Kind.STOP, None),
        ("shall we take a break?", Kind.STOP, None),
        # Tired of the lessons is tired: a break, not a question outside the course.
        ("je suis fatigué de ces leçons", Kind.STOP, None),
        ("j'en ai marre", Kind.STOP, None),
        ("ik ben die lessen beu", Kind.STOP, None),
        ("kheb er genoeg van", Kind.STOP, None),
        ("I am tired of these lessons", Kind.STOP, None),
        ("I have had enough of this course", Kind.STOP, None),
        ("les leçons", Kind.COMMAND, "lessons"),  # the lessons alone are still the list
        ("list of lessons", Kind.COMMAND, "lessons"),
        ("ok noted thanks", Kind.OK, None),
        ("bien reçu", Kind.OK, None),
        ("are you a machine?", Kind.ABOUT, None),
        ("ben jij een mens?", Kind.ABOUT, None),
        # Understood, or not with a word of negation; difficulty.
        ("ik heb dat niet begrepen", Kind.CONFUSED, None),
        ("kheb da ni begrepen", Kind.CONFUSED, None),
        ("jai pas compri", Kind.CONFUSED, None),
        ("I didn't understand that", Kind.CONFUSED, None),
        ("c'est trop compliqué pour moi", Kind.CONFUSED, None),
        ("is te moeilijk", Kind.CONFUSED, None),
        ("ik begrijp het", Kind.OK, None),
        ("dat is echt duidelijk", Kind.OK, None),
        # Where the certificate would count: the certificate's screen says what it takes.
        ("kan ik een certificaat krijgen voor de vdab?", Kind.COMMAND, "certificate"),
        ("can I get a certificate for the VDAB?", Kind.COMMAND, "certificate"),
        # Not understood, and a word of what would help.
        ("je ne comprends pas bien la question, vous pouvez expliquer ?", Kind.CONFUSED, None),
        ("j'ai pas compris, vous pouvez dire ça plus simplement ?", Kind.CONFUSED, None),
        ("ni verstaan, simpeler aub", Kind.CONFUSED, None),
        ("Je veux que vous effaciez toutes mes données s'il vous plaît", Kind.COMMAND, "forget"),
        # Polite, in long sentences: one asks, the others only wrap it.
        (
            "Quelles données est-ce que vous gardez sur moi ? Je voudrais les voir.",
            Kind.COMMAND,
            "mydata",
        ),
        ("Où est-ce que j'en suis dans mes leçons ?", Kind.COMMAND, "progress"),
        ("Bonjour. Je voudrais voir mes données.", Kind.COMMAND, "mydata"),
        ("Je veux mes résultats. Merci !", Kind.COMMAND, "progress"),
        # A command's phrase with words around it.
        ("Pouvez-vous me montrer ce que vous savez sur moi ?", Kind.COMMAND, "mydata"),
        ("can you show me what you know about me", Kind.COMMAND, "mydata"),
        ("Et où en suis-je dans le cours, en tout ?", Kind.COMMAND, "progress"),
        # Bored, and never mind: a no, which under the question whether to delete everything
        # keeps the data.
        ("dit is saai", Kind.STOP, None),
        ("nvm", Kind.NO, None),
        ("laisse tomber", Kind.NO, None),
        ("annule", Kind.NO, None),
        ("laat maar", Kind.NO, None),
        # Thanks in the languages learners also speak.
        ("dziękuję", Kind.THANKS, None),
        ("شكرا", Kind.THANKS, None),
        ("спасибо", Kind.THANKS, None),
        # Why the answer just given is wrong; a real person, to call.
        ("waarom is mijn antwoord fout?", Kind.WHY, None),
        ("pourquoi ma réponse est fausse ?", Kind.WHY, None),
        ("why is my answer wrong?", Kind.WHY, None),
        ("Is er een trainer of een helpdesk die ik kan bellen?", Kind.PERSON, None),
        ("est-ce que je peux parler à une vraie personne ?", Kind.PERSON, None),
        # "avec", and "svp": two words off the phrase, and it got a card on the AI Act.
        ("Je veux parler avec une vraie personne svp", Kind.PERSON, None),
        # Asked to say it again more simply: a card on asking a chatbot for simpler words.
        ("je comprend pas tout. vous pouvez repeter plus simple svp", Kind.CONFUSED, None),
        ("JE NE COMPRENDS PAS. redites moi ca autrement", Kind.CONFUSED, None),
        ("zeg het eens anders aub", Kind.CONFUSED, None),
        # Interrupted at work, said as a carer types it in a break.
        ("moment, klant belt", Kind.STOP, None),
        ("sorry klant belt, ben zo terug", Kind.STOP, None),
        ("een moment", Kind.STOP, None),
        ("un client appelle, je reviens vite", Kind.STOP, None),
        ("can I speak with a real person please", Kind.PERSON, None),
    ],
)
def test_short_requests_are_read_from_their_words(
    text: str, kind: Kind, command: str | None
) -> None:
    assert BOOK.kind(text) is kind
    assert named_command(BOOK, text) == command


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("netx", Kind.NEXT),  # two letters swapped
        ("nxt", Kind.NEXT),  # one missing
        ("strat", Kind.NEXT),
        ("meun", Kind.MENU),
        ("thnaks", Kind.THANKS),
        ("next pls", Kind.NEXT),
    ],
)
def test_a_button_word_with_one_slip_is_that_word(text: str, kind: Kind) -> None:
    assert BOOK.kind(text) is kind


@pytest.mark.parametrize("text", ["bias", "prompt", "token", "deepfake", "vie", "bot", "ia"])
def test_course_words_are_no_slip_of_a_button_word(text: str) -> None:
    assert BOOK.kind(text) is None


@pytest.mark.parametrize("text", ["really", "really?", "vraiment ?", "echt?"])
def test_a_filler_alone_is_no_slip_of_a_button_word(text: str) -> None:
    # "really" was read as "ready" and turned the card.
    assert BOOK.kind(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "c'est vrai ?",  # about a card, not about the tutor: it does not speak to the tutor
        "is it real?",
        "what is a robot",  # question words are never set aside
        "c'est quoi un test",
        "quel quiz pour les deepfakes",
        "is chatgpt good",
        "delete my data from chatgpt",
        "show progress and quiz",  # two intents
        # Not ok: no "👍" for them.
        "je vais pas bien",
        "niet goed",
        "merci pour rien",
        "what is hard about AI",
        "peux-tu expliquer les deepfakes",  # what to explain is a topic
        "Merci. C'est quoi un deepfake ?",  # one sentence asks, the other is no wrapping
        "encore une question",  # words around "encore", which is no command
        "peux-tu me dire ce que tu sais sur les deepfakes",
        # Deleting, without saying what: after a question on TikTok, "jpeux supprimer?" asked
        # about TikTok's videos, and was offered to delete everything kept here.
        "jpeux supprimer?",
        "delete?",
        "wissen",
    ],
)
def test_questions_and_mixed_requests_are_no_requests(text: str) -> None:
    assert BOOK.kind(text) is None


def test_a_glossary_term_alone_asks_what_it_means() -> None:
    book = phrasebook(BUILT_IN.codes, ["données personnelles", "personal data"])
    assert book.kind("Données personnelles ?") is None
    assert book.kind("personal data") is None
    assert named_command(book, "mes données personnelles") == "mydata"


def test_every_listed_word_is_text() -> None:
    # YAML reads an unquoted on, off, yes or no as a boolean, which would never match.
    data = yaml.safe_load(files("bot.features.smalltalk").joinpath("words.yaml").read_text("utf-8"))

    def strings(node: object) -> Iterator[object]:
        if isinstance(node, dict):
            for value in node.values():
                yield from strings(value)
        elif isinstance(node, list):
            yield from node

    assert all(isinstance(word, str) for word in strings(data))


def test_no_course_question_of_the_evaluation_sets_is_small_talk() -> None:
    course = load_course(PROJECT_ROOT / "content", BUILT_IN.codes)
    book = phrasebook(BUILT_IN.codes, glossary_phrases(course))
    questions = [
        case.question
        for path in [
            *(PROJECT_ROOT / "eval").glob("retrieval-*.yaml"),
            *(PROJECT_ROOT / "eval" / "learners").glob("*.yaml"),
        ]
        for case in load_cases(BUILT_IN.codes, path)
    ]
    assert len(questions) > 1200
    assert [q for q in questions if book.kind(q) is not None] == []


def test_every_listed_phrase_is_short_enough_to_be_found() -> None:
    # "c'est ma conseillère du Forem qui m'a envoyée ici" is eleven words: longer than the
    # phrasebook looked, it was listed and never found.
    data = yaml.safe_load(files("bot.features.smalltalk").joinpath("words.yaml").read_text("utf-8"))
    listed = [
        phrase
        for section in ("kinds", "commands")
        for languages in data[section].values()
        for phrases in languages.values()
        for phrase in phrases
    ]
    assert max(len(normalise(phrase)) for phrase in listed) <= LONGEST_PHRASE

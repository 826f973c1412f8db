"""Words of distress are recognised in every language, and the lines given are the register's."""

from __future__ import annotations

import pytest

from bot.course.checks import FACTS_REGISTER
from bot.course.facts import load_register
from bot.features.wellbeing.flows import CRISIS_LINES, HELPLINES, distress, names_crisis_lines
from bot.paths import PROJECT_ROOT


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("ik wil er een einde aan maken", "crisis"),
        ("kzien het ni meer zitten", "crisis"),
        ("ik voel me echt slecht, ik zie het niet meer zitten", "crisis"),
        ("Je veux mourir.", "crisis"),
        ("j'en peux plus, j'ai des idées noires", "crisis"),
        ("jpense au suicide", "crisis"),
        ("I want to kill myself", "crisis"),
        ("i dont want to live anymore", "crisis"),
        ("I can't go on like this!!", "crisis"),
        ("He hits me when he is drunk", "crisis"),
        ("mijn collega pest mij elke dag", "sadness"),
        ("je me sens tellement seule depuis que mon mari est mort", "sadness"),
        ("je suis triste", "sadness"),
        ("ik voel me zo eenzaam", "sadness"),
        ("I feel really sad today", "sadness"),
        ("je ne veux plus vivre", "crisis"),
        ("niemand zou me missen", "crisis"),
        ("mon collègue me harcèle", "sadness"),
        ("je me sens très mal", "sadness"),
        # Chat spellings, read as the words they stand for.
        ("i dont wanna live anymore", "crisis"),
        ("ik wil er nie meer zijn", "crisis"),
        ("ik kan ni meer, ik wil stoppen met leven", "crisis"),
        ("jveu pu vivre", "crisis"),
        ("kwil dood", "crisis"),
        # Without the "to" that learners of English often leave out.
        ("i want die sometimes", "crisis"),
        ("i dont want live anymore", "crisis"),
        ("my life has no sense", "crisis"),
        ("ma vie n'a plus de sens", "crisis"),
        ("ik wil niet leven meer", "crisis"),
        ("im so sad", "sadness"),
        # Despair and grief in everyday words.
        ("i dont see the point of living anymore", "crisis"),
        ("ik zie het nut van leven niet meer", "crisis"),
        ("je suis au chomage depuis 2 ans, je n'y arrive plus", "sadness"),
        ("mijn man is vorige maand gestorven en ik praat elke avond met een chatbot", "sadness"),
        ("I feel too sad", "sadness"),
        # Someone close who thinks of suicide: the lines, for those who worry about someone. A
        # parent got the lesson's card on feelings, or the lines said to them ("if you think
        # about suicide").
        (
            "hier soir j'ai vu sur son téléphone qu'elle a écrit à l'IA qu'elle voudrait "
            "disparaître. je suis perdu.",
            "worried",
        ),
        ("j'ai peur qu'elle pense au suicide. qui je peux appeler ?", "worried"),
        ("my daughter wants to die, what do I do", "worried"),
        ("mijn zoon denkt aan zelfdoding", "worried"),
        # The learner's own crisis is read first, beside someone else's.
        ("ma fille veut mourir et moi aussi je veux mourir", "crisis"),
        ("je pense au suicide", "crisis"),
        # A body in danger: 112.
        ("i have chest pain what should i do", "emergency"),
        ("j'ai mal à la poitrine", "emergency"),
        ("ik krijg geen adem", "emergency"),
        ("j'ai pris trop de médicaments", "emergency"),
        ("jai avalé trop de cachets", "emergency"),
        # Sexual pictures made or shared without consent, fake ones too.
        ("someone made a fake nude picture of my daughter with ai", "images"),
        ("mon ex a fait circuler une fausse vidéo porno de moi", "images"),
        ("iemand heeft met ai een naaktfoto van mij gemaakt", "images"),
        # Another fake of the learner or someone close, made by someone else.
        ("iemand heeft een deepfake van mn vriendin gemaakt wa moet ik doen", "deepfake"),
        ("quelqu'un a fait un deepfake de ma fille, je fais quoi ?", "deepfake"),
        ("someone made a deepfake of me and it is on tiktok", "deepfake"),
        # A scam that already happened: what to do right away.
        ("ik heb op de link geklikt en mijn kaartcode ingegeven wat nu??", "scammed"),
        ("ik ben opgelicht", "scammed"),
        # The code given to the caller, said of him: it got the lesson's card, the bank's number
        # in its sixth sentence.
        ("ik heb hem de code gegeven wat nu", "scammed"),
        ("je lui ai donné le code, je fais quoi", "scammed"),
        ("I gave him the code, what now?", "scammed"),
        # Feeling useless after losing a job: it was refused as outside the course.
        ("ik voel mij nutteloos sinds ik mijn werk kwijt ben na 30 jaar", "sadness"),
        ("je me sens inutile depuis que j'ai perdu mon travail", "sadness"),
        ("I feel useless since I lost my job", "sadness"),
        ("je crois que je me suis fait arnaquer, j'ai donné mon code", "scammed"),
        ("I clicked on the link in the SMS, what do I do now?", "scammed"),
        # Clicked, said as learners of English and of French say it.
        ("i clicked already on link, what i do", "scammed"),
        ("jai deja clique le lien, je fais quoi", "scammed"),
        ("ik klikte op de link, wat nu?", "scammed"),
        # Typed without the apostrophe, with "already" in the middle.
        ("jai deja donne mon code itsme hier", "scammed"),
        ("jai clique sur un lien bpost", "scammed"),
        ("ik heb al mijn code gegeven", "scammed"),
        ("I already gave my code", "scammed"),
        # To someone close: the same card again, or the refusal.
        ("et si elle a déjà donné l'argent ? qui on appelle ?", "scammed"),
        ("ma mère a donné son code itsme au téléphone", "scammed"),
        ("my dad clicked on the link in the sms", "scammed"),
        ("mijn oma heeft haar pincode gegeven", "scammed"),
        # Money already sent, with its amount: the card on translating numbers, or a refusal.
        (
            "mijn buurvrouw heeft al 500 euro overgeschreven naar da whatsapp nummer, wat moet ze "
            "nu doen?",
            "scammed",
        ),
        ("ma voisine a déjà envoyé 300 euros à ce numéro", "scammed"),
        ("I already transferred the money", "scammed"),
        # The learner's own money sent, with its amount; bank details typed after the click.
        ("jai envoye 2000 euros au faux petit fils hier quest ce que je fais", "scammed"),
        ("ik heb 500 euro overgeschreven naar een valse kleinzoon", "scammed"),
        ("I sent 300 euros to a fake grandson yesterday", "scammed"),
        ("jai deja clique et mis mon numero de compte", "scammed"),
        ("ik heb al geklikt en mijn rekeningnummer ingevuld", "scammed"),
        ("I clicked and typed my card number", "scammed"),
        # Money or a code asked for now, often in a relative's name: before paying.
        (
            "mon petit fils m a envoyé un message vocal il demande 500 euros c bizarre",
            "scam_warning",
        ),
        ("mijn dochter stuurt een bericht van een nieuw nummer en vraagt geld", "scam_warning"),
        ("my son sent a whatsapp from a new number, he asks for money", "scam_warning"),
        # The "hi mum, new number" message before it asks anything, pasted or told: a greeting.
        ("hallo mama mijn gsm is kapot", "scam_warning"),
        (
            'ik kreeg een whatsapp "hallo mama mijn gsm is kapot dit is mijn nieuw nummer" is '
            "da echt?",
            "scam_warning",
        ),
        ("salut maman c'est mon nouveau numéro", "scam_warning"),
        # A relative in trouble, told about: the card on cloned voices, about a call.
        (
            "jai recu message whatsapp il dit ton fils a probleme envoi argent vite, c vrai?",
            "scam_warning",
        ),
        ("ik kreeg een sms: je dochter heeft een probleem, stuur snel geld", "scam_warning"),
        ("got a text saying your son is in trouble, send money fast. real?", "scam_warning"),
        ("Hi mum, my phone broke, this is my new number", "scam_warning"),
        # A message that threatens a blocked pension or account unless one clicks; a caller who
        # says he is the police and wants the money moved.
        (
            "jai recu un sms du service des pensions il faut cliquer sur le lien sinon ma pension "
            "est bloquee je fais quoi",
            "scam_warning",
        ),
        ("ik moet op de link klikken anders wordt mijn rekening geblokkeerd", "scam_warning"),
        ("a text says I must click the link or my account will be blocked", "scam_warning"),
        (
            "un monsieur de la police ma appele il faut mettre mon argent sur un autre compte",
            "scam_warning",
        ),
        ("de politie belde, ik moet mijn geld naar een veilige rekening zetten", "scam_warning"),
        ("the bank called, I have to move the money to a safe account", "scam_warning"),
        # Doubts about oneself with computers: the course is made for them.
        ("j ai 62 ans et je suis nul en informatique", "doubt"),
        ("j'ai peur de pas y arriver", "doubt"),
        ("ik ben 63 en ik ken niks van computers", "doubt"),
        ("I'm too old for this", "doubt"),
        ("j ai tout faux je suis nul", "doubt"),
        ("I am afraid to break something", "doubt"),  # was refused as outside the course
        ("ik ben bang om iets kapot te maken", "doubt"),
        ("ik voel me nogal alleen de laatste tijd", "sadness"),  # "nogal" no longer in the way
        ("je me sens bête", "doubt"),
        ("je suis nulle avec les ordis", "doubt"),
        ("ik snap er niks van van al die computers", "doubt"),
        ("ik voel me zo dom", "doubt"),
        ("i feel stupid", "doubt"),
        ("I got everything wrong again", "doubt"),
        ("c trop dur pour moi je suis trop vieille", "doubt"),
        ("j ai peur de faire une bêtise", "doubt"),
        ("I feel stupid, I do not understand computers", "doubt"),
        ("jai 58 ans c trop tard pour moi", "doubt"),
        ("jai honte je sais pas me servir dun ordi", "doubt"),
        # Money already sent, said without "scam": the scam had happened.
        ("j'ai déjà fait le virement 😢 qu'est ce que je fais ??", "scammed"),
        ("I already sent him the money, what now", "scammed"),
        ("ik heb het geld al overgeschreven", "scammed"),
        # Sexual pictures, fake or not, of the learner's child or of themselves.
        ("une video de ma fille nue circule, c'est faux, que faire", "images"),
        ("on a fait un faux montage porno de moi", "images"),
        # A friend's child, a nudify app: the card on labels and signs, or none, answered.
        (
            "une copine de ma fille a eu une fausse photo d'elle toute nue faite avec l'ia qui "
            "tourne a l ecole, on fait koi",
            "images",
        ),
        ("a nudify app made pics of me and they go around on whatsapp", "images"),
        ("er gaat een nepnaaktfoto van haar rond op school, wat nu", "images"),
        # A "bank" that had itsme confirmed got the lesson card on scams, its advice in sentence 6.
        (
            "de bank belde mij vandaag en ze vroegen om mijn itsme te bevestigen en ik heb da "
            "gedaan is da erg",
            "scammed",
        ),
        ("la banque m'a appelée et j'ai confirmé avec itsme", "scammed"),
        ("someone made deepfake porn of my sister", "images"),
        ("er gaat een naaktvideo van mijn dochter rond", "images"),
        ("ik voel me niet goed sinds ik mijn werk kwijt ben", "sadness"),
        ("kheb da gevoel dak niks meer waard ben", "sadness"),
        (
            "j ai recu un appel de mon petit fils qui demandait 2000 euros en urgence mais c "
            "etait bizarre sa voix",
            "scam_warning",
        ),
        ("my grandson phoned me asking for 2000 euros", "scam_warning"),
        # Paid, typed as people type: the infinitive for the participle, "largent", an amount.
        ("jai deja payer 800 euro quoi faire", "scammed"),
        ("jai virer de largent a un faux numero de ma fille", "scammed"),
        ("jai cliquer sur le lien", "scammed"),
        ("I already paid 800 euros, what now", "scammed"),
        ("ik heb al 800 euro betaald, wat nu?", "scammed"),
        # A call "from Microsoft": a scam on its way (it was refused).
        ("un monsieur de microsoft ma appele il dit que mon ordi a un virus", "scam_warning"),
        ("microsoft called me about a virus on my computer", "scam_warning"),
        ("iemand van microsoft heeft mij gebeld voor een virus", "scam_warning"),
        # Dutch puts the verb first after a clause: it was refused.
        ("sinds ik mijn werk kwijt ben voel ik mij nutteloos", "sadness"),
        # A link to pay a small fee for a parcel: it was refused as outside the course.
        ("jai recu un sms de bpost avec un lien pour payer 1,99 euro", "scam_warning"),
        ("got a text saying my parcel is blocked and i must pay customs fees", "scam_warning"),
        ("ik moet via een betaallink douanekosten betalen voor mijn pakje", "scam_warning"),
        ("un mail me demande de cliquer pour débloquer mon colis", "scam_warning"),
    ],
)
def test_words_of_distress_are_found_in_a_message_with_their_level(text: str, level: str) -> None:
    assert distress().level_of(text) == level


@pytest.mark.parametrize(
    "text",
    [
        "ik kan niet meer inloggen op ChatGPT",  # "ik kan niet meer" alone is no distress
        "Can AI replace my doctor?",
        "c'est quoi un deepfake",
        "is het gevaarlijk om mijn naam te geven",
        "I can't go on to the next lesson",
        "Une IA peut-elle être harcelante ?",
        "ik ben alleen maar benieuwd hoe ChatGPT werkt",  # "alleen" is also "only"
        "I feel bad about using ChatGPT for my letter",
        "ça va me tuer ce quiz lol",
        "je suis seul responsable de mon CV ?",
        "je me sens mal à l'aise avec ChatGPT",  # unease
        "i dont wanna do this quiz now",
        "ik kan ni meer inloggen",
        "je veux plus de quiz",
        "ni oui ni non",
        "apps that make fake nude photos, are they banned now?",  # the AI Act's ban: the course
        "mag ik een deepfake van mn maat maken voor de grap",  # making one: the course
        "how do I know if a video of me is a deepfake?",
        "can AI detect a heart attack?",
        "je ne vois plus l'intérêt de ce quiz",
        "Een chatbot vragen, want die kent de openingsuren van winkels",  # "want to die" once
        "i want a chatbot that helps me live healthier",
        "does the AI want to live like us?",
        # Doubts that come with a question are answered as questions.
        "je suis nul en informatique, c'est quoi un chatbot ?",
        "how to start using chatgpt, im not good with computers",
        "I know nothing about AI",
        # How to spot a scam is a question on the course; a scam that happened is not.
        "how do I know if a link in an SMS is a scam?",
        "comment reconnaître une arnaque par SMS ?",
        "wat moet ik doen als ik een phishingmail krijg?",
        "combien coûte ChatGPT Plus en euros ?",
        "c'est trop tard pour refuser les cookies ?",
        "ik heb al mijn gegevens gewist",
        "what are customs fees when I buy online?",
        "j'ai payé 20 euros pour chatgpt plus, ça vaut le coup ?",
        "I paid 20 euros for ChatGPT Plus, is it worth it?",
        "est-ce que je dois payer pour utiliser chatgpt ?",
        "l'IA peut calculer les frais de livraison ?",
        "c'est quoi les frais de douane pour un colis ?",
        "hoeveel douanekosten betaal je op een pakje uit China?",
        "is het normaal om 20 euro te betalen voor ChatGPT Plus?",
        # Ordinary payments and forms, and questions on accounts and links.
        "I sent 300 euros to my daughter, how can I check it arrived?",
        "j'ai envoyé 50 euros à ma fille pour son anniversaire",
        "ik heb 20 euro gestort op mijn spaarrekening",
        "j ai donne mon numero de compte a mon employeur",
        "ik heb mijn rekeningnummer ingevuld op de site van de mutualiteit, is dat veilig?",
        "I typed my card number on bol.com to pay, is that ok?",
        "i clicked and typed my name",
        "comment avoir un compte sécurisé avec un bon mot de passe ?",
        "comment virer de l'argent vers un autre compte avec itsme ?",
        "hoe kan ik geld naar een andere rekening overschrijven in de app?",
        "how to transfer money to another account safely",
        "moet ik op de link klikken om de les te openen?",
        "do i click the link to open the lesson?",
        "je dois cliquer sur le lien pour rejoindre le groupe ?",
        "il veut mourir de rire avec ces vidéos",
        # A list of medicines is no overdose.
        "je peux coller la liste de médicaments de ma mère dans chatgpt ?",
        "c'est quoi la liste de médicaments remboursés ?",
    ],
)
def test_ordinary_messages_hold_no_distress(text: str) -> None:
    assert distress().level_of(text) is None


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("j'ai peur", "fear"),
        ("I'm quite frightened now to be honest", "fear"),
        ("ik ben echt bang", "fear"),
        ("I am afraid I don't understand", None),  # a polite "sorry"
        # Stress said alone: "write the whole question" answered it.
        ("ça me stresse beaucoup", "fear"),
        ("ik ben zo gestrest", "fear"),
        ("I'm really stressed", "fear"),
    ],
)
def test_fear_is_read_only_in_a_message_the_course_does_not_answer(
    text: str, level: str | None
) -> None:
    assert distress().level_of(text, stray=True) == level
    # Where the course answers ("j'ai peur que l'IA prenne mon travail"), it answers.
    assert distress().level_of(text) is None


def test_the_lines_given_are_those_of_the_facts_register() -> None:
    register, problems = load_register(PROJECT_ROOT / "content" / FACTS_REGISTER)
    assert not problems
    values = {fact.id: fact.values["en"] for fact in register.facts}
    registered = {
        "tele_onthaal": values["tele-onthaal"],
        "tele_accueil": values["tele-accueil"],
        "zelfmoordlijn": values["zelfmoordlijn"],
        "prevention_suicide": values["centre-prevention-suicide"],
        "community_help": values["community-help-service"],
        "card_stop": values["card-stop"],
        "safeonweb": values["safeonweb-report"],
        "child_focus": values["child-focus"],
    }
    assert {name: (number,) for name, number in HELPLINES.items()} == registered


@pytest.mark.parametrize(
    ("text", "seeks"),
    [
        ("quel numéro appeler pour parler à quelqu'un ?", True),
        ("is there a helpline I can call?", True),
        ("bij wie kan ik terecht om te praten?", True),
        ("mon petit fils parle avec une ia comme un copain, jai peur pour lui", False),
        ("kunde da in het frans zetten?", False),
    ],
)
def test_a_question_after_someone_to_talk_to_is_told_apart(text: str, seeks: bool) -> None:
    assert distress().seeks_help(text) is seeks


@pytest.mark.parametrize("line", CRISIS_LINES)
def test_a_passage_that_gives_a_crisis_line_is_known_as_such(line: str) -> None:
    # An unsure answer leaves such a passage out of its guess (bot/features/answers/flows.py).
    assert names_crisis_lines(f"Thinking about suicide? Call {line}, day and night.")
    assert not names_crisis_lines("Call Card Stop on 078 170 170, day and night.")

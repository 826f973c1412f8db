"""Retrieval test helpers: a small course, the real course index, chroma and fake embeddings."""

from __future__ import annotations

import atexit
import hashlib
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from bot.adapters.search import index_course
from bot.adapters.search.stems import fold
from bot.config import Settings
from bot.course.loader import load_course
from bot.paths import PROJECT_ROOT

# A three-lesson course in three languages: distinct topics, plain sentences, like the real one.
LESSONS: dict[str, dict[str, dict[str, Any]]] = {
    "chatbots/hallucinations": {
        "en": {
            "title": "When chatbots make things up",
            "keywords": ["hallucination", "invented facts", "fake sources"],
            "cards": {
                "Confident but wrong": "A chatbot can invent facts. It sounds sure of itself. "
                "This is called a hallucination.",
                "Fake links": "A chatbot can invent sources and links. Open every link yourself.",
            },
            "quiz": ("What is a hallucination?", "A false answer that sounds sure"),
        },
        "fr": {
            "title": "Quand les chatbots inventent",
            "keywords": ["hallucination", "faits inventés", "fausses sources"],
            "cards": {
                "Sûr de lui, mais faux": "Un chatbot peut inventer des faits. Il a l'air sûr. "
                "On appelle cela une hallucination.",
                "Faux liens": "Un chatbot peut inventer des sources et des liens. "
                "Ouvrez chaque lien vous-même.",
            },
            "quiz": ("Qu'est-ce qu'une hallucination ?", "Une réponse fausse qui a l'air sûre"),
        },
        "nl": {
            "title": "Als chatbots dingen verzinnen",
            "keywords": ["hallucinatie", "verzonnen feiten", "valse bronnen"],
            "cards": {
                "Zeker maar fout": "Een chatbot kan feiten verzinnen. Hij klinkt zeker. "
                "Dat heet een hallucinatie.",
                "Valse links": "Een chatbot kan bronnen en links verzinnen. Open elke link zelf.",
            },
            "quiz": ("Wat is een hallucinatie?", "Een fout antwoord dat zeker klinkt"),
        },
    },
    "jobs/cv": {
        "en": {
            "title": "Improve your CV with AI",
            "keywords": ["cv", "resume", "job application"],
            "cards": {
                "Remove your details": "Remove your name, address and phone number before you "
                "paste your CV into a chatbot.",
                "Check every line": "The chatbot may add a diploma you do not have. "
                "Your CV must always tell the truth.",
            },
            "quiz": ("What do you do first?", "Remove your personal details"),
        },
        "fr": {
            "title": "Améliorer son CV avec l'IA",
            "keywords": ["cv", "curriculum vitae", "candidature"],
            "cards": {
                "Retirez vos données": "Retirez votre nom, votre adresse et votre numéro de "
                "téléphone avant de coller votre CV dans un chatbot.",
                "Relisez chaque ligne": "Le chatbot peut ajouter un diplôme que vous n'avez pas. "
                "Votre CV doit toujours dire la vérité.",
            },
            "quiz": ("Que faites-vous d'abord ?", "Retirer vos données personnelles"),
        },
        "nl": {
            "title": "Je cv verbeteren met AI",
            "keywords": ["cv", "sollicitatie", "curriculum vitae"],
            "cards": {
                "Eerst je gegevens weg": "Haal je naam, adres en gsm-nummer weg voor je je cv "
                "in een chatbot plakt.",
                "Lees elke regel": "De chatbot kan een diploma toevoegen dat je niet hebt. "
                "Je cv moet altijd de waarheid zeggen.",
            },
            "quiz": ("Wat doe je eerst?", "Je persoonsgegevens weghalen"),
        },
    },
    "privacy/passwords": {
        "en": {
            "title": "Strong passwords",
            "keywords": ["password", "login", "account security"],
            "cards": {
                "Long and unique": "Use a long password that you use nowhere else.",
                "Never share it": "Never type your password into a chatbot.",
            },
            "quiz": ("What makes a password strong?", "It is long and used only once"),
        },
        "fr": {
            "title": "Des mots de passe solides",
            "keywords": ["mot de passe", "connexion", "sécurité du compte"],
            "cards": {
                "Long et unique": "Utilisez un mot de passe long que vous n'utilisez nulle "
                "part ailleurs.",
                "Ne le partagez jamais": "Ne tapez jamais votre mot de passe dans un chatbot.",
            },
            "quiz": ("Qu'est-ce qu'un mot de passe solide ?", "Il est long et unique"),
        },
        "nl": {
            "title": "Sterke wachtwoorden",
            "keywords": ["wachtwoord", "inloggen", "veilig account"],
            "cards": {
                "Lang en uniek": "Gebruik een lang wachtwoord dat je nergens anders gebruikt.",
                "Deel het nooit": "Typ je wachtwoord nooit in een chatbot.",
            },
            "quiz": ("Wat maakt een wachtwoord sterk?", "Het is lang en uniek"),
        },
    },
}

FIXTURE_CASES = """\
cases:
  - {lang: en, q: "why does the chatbot invent facts", expect: chatbots/hallucinations}
  - {lang: fr, q: "c'est quoi une hallucination", expect: chatbots/hallucinations}
  - {lang: nl, q: "mijn cv in een chatbot plakken", expect: jobs/cv}
  - {lang: en, q: "how to make a strong password", expect: [privacy/passwords, jobs/cv]}
"""


def lesson_markdown(lesson_id: str, lesson: dict[str, Any]) -> str:
    """Return a lesson file: front matter with one quiz item, then the cards."""
    question, answer = lesson["quiz"]
    meta = {
        "id": lesson_id,
        "title": lesson["title"],
        "keywords": lesson["keywords"],
        "quiz": [
            {
                "id": "main-point",
                "question": question,
                "options": [answer, "Something else"],
                "correct": 0,
                "explanations": ["Yes.", "No."],
            }
        ],
    }
    cards = "\n\n".join(f"## {heading}\n\n{body}" for heading, body in lesson["cards"].items())
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{cards}\n"


def write_course(root: Path) -> Path:
    """Write the small course under `root` and return its content directory."""
    content = root / "content"
    modules: dict[str, list[str]] = {}
    for lesson_id, languages in LESSONS.items():
        modules.setdefault(lesson_id.split("/")[0], []).append(lesson_id)
        for language, lesson in languages.items():
            path = content / language / f"{lesson_id}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(lesson_markdown(lesson_id, lesson), encoding="utf-8")
    syllabus = {
        "modules": [
            {"id": module, "title": module, "lessons": [{"id": i, "title": i} for i in ids]}
            for module, ids in modules.items()
        ]
    }
    (content / "syllabus.yaml").write_text(yaml.safe_dump(syllabus), encoding="utf-8")
    (root / "cases.yaml").write_text(FIXTURE_CASES, encoding="utf-8")
    return content


def retrieval_settings(root: Path, **overrides: object) -> Settings:
    """Return settings with the data and index in `root`, ignoring the developer's `.env`."""
    values: dict[str, object] = {"data_dir": root / "data", "_env_file": None}
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@cache
def shared_index_dir() -> Path:
    """Return the folder for this test run's index of the real course, removed at exit."""
    folder = Path(tempfile.mkdtemp(prefix="tutor-course-index-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


def build_course_index(index_dir: Path) -> Path:
    """Index the real course into `index_dir` (only what changed) and return it."""
    settings = retrieval_settings(index_dir.parent, index_dir=index_dir)
    index_course(settings, load_course(PROJECT_ROOT / "content", settings.languages.codes))
    return index_dir


def free_port() -> int:
    """Return a TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def chroma_binary() -> str | None:
    """Return the `chroma` command installed with chromadb, next to this Python if possible."""
    return shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")


@contextmanager
def chroma_server(path: Path) -> Iterator[int]:
    """Run `chroma run` on 127.0.0.1 for the duration, and yield its port."""
    binary = chroma_binary()
    if binary is None:
        raise FileNotFoundError("chroma")
    port = free_port()
    log = (path / "chroma.log").open("wb")
    process = subprocess.Popen(
        [binary, "run", "--path", str(path / "chroma"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/api/v2/heartbeat", process)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    for _ in range(150):
        if process.poll() is not None:
            raise RuntimeError(f"chroma exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise RuntimeError("chroma did not start")


def word_vector(text: str, dimensions: int = 64) -> list[float]:
    """Embed text as hashed words: texts sharing words point the same way."""
    vector = np.zeros(dimensions, dtype=np.float64)
    for word in fold(text).split():
        digest = hashlib.sha256(word.strip(".,:;?!'\"").encode()).digest()
        vector[digest[0] % dimensions] += 1.0
    norm = float(np.linalg.norm(vector)) or 1.0
    return [float(x) for x in vector / norm]


@dataclass
class FakeEmbeddings:
    """An OpenAI-compatible `/v1/embeddings` endpoint on 127.0.0.1 that records what it got."""

    requests: list[dict[str, Any]] = field(default_factory=list)
    port: int = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @contextmanager
    def running(self) -> Iterator[FakeEmbeddings]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append(body)
                inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
                payload = json.dumps(
                    {
                        "object": "list",
                        "model": body["model"],
                        "data": [
                            {"object": "embedding", "index": n, "embedding": word_vector(text)}
                            for n, text in enumerate(inputs)
                        ],
                        "usage": {"prompt_tokens": 1, "total_tokens": 1},
                    }
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = int(server.server_address[1])
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            server.shutdown()
            server.server_close()
            thread.join()

"""A fake OpenAI-compatible server on 127.0.0.1: real HTTP, recorded requests, bad moods.

It answers chat completions, `/audio/speech` (the audio a test sets, OGG/Opus made with ffmpeg
by default) and `/audio/transcriptions` (multipart; the transcript a test sets).
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = str | Callable[[dict[str, Any]], str]


def tone(seconds: float = 1.0, codec: str = "libopus", container: str = "ogg") -> bytes:
    """Return a short tone encoded by ffmpeg: OGG/Opus by default, or e.g. WAV."""
    codec_args = ["-c:a", codec] if codec else []
    return subprocess.run(
        ["ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi",
         "-i", f"sine=frequency=440:duration={seconds}", "-ac", "1", "-ar", "48000",
         *codec_args, "-f", container, "pipe:1"],
        capture_output=True, check=True, timeout=60,
    ).stdout  # fmt: skip


def _multipart(content_type: str, body: bytes) -> dict[str, Any]:
    """Return the fields of a multipart form; a file field as its size in bytes."""
    message = email.parser.BytesParser(policy=email.policy.default).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    fields: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True) or b""
        fields[str(name)] = (
            {"filename": part.get_filename(), "size": len(payload)}
            if part.get_filename()
            else payload.decode()
        )
    return fields


@dataclass(frozen=True)
class Recorded:
    """One request the fake server received."""

    path: str
    headers: dict[str, str]  # names in lower case
    body: dict[str, Any]

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list(self.body["messages"])

    def content(self, role: str) -> str:
        return "\n".join(m["content"] for m in self.messages if m["role"] == role)

    @property
    def text(self) -> str:
        """Everything the model was sent, all messages joined."""
        return "\n".join(m["content"] for m in self.messages)


@dataclass
class FakeOpenAI:
    """Answer chat completions like an OpenAI server; tests set the reply and the mood."""

    reply: Reply = "A chatbot is a program you can write to. SOURCES: 1"
    # The next `failures` requests get `failure_status`; then requests succeed.
    failures: int = 0
    failure_status: int = 429
    # Seconds to wait before answering (longer than the client's timeout = a slow server).
    delay: float = 0.0
    prompt_tokens: int = 42
    completion_tokens: int = 17
    # What /audio/transcriptions hears, given the request's fields (model, language, file).
    transcript: Reply = "What is a deepfake?"
    # What /audio/speech sends back; None: a one-second OGG/Opus tone, made once.
    speech_audio: bytes | None = None
    requests: list[Recorded] = field(default_factory=list)
    _release: threading.Event = field(default_factory=threading.Event)
    _server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def reset(self) -> None:
        """Forget requests and go back to a prompt, healthy server."""
        self._release.set()
        self._release = threading.Event()
        self.reply = FakeOpenAI.reply
        self.failures, self.failure_status, self.delay = 0, 429, 0.0
        self.transcript = FakeOpenAI.transcript
        self.speech_audio = None
        self.requests.clear()

    @property
    def completions(self) -> list[Recorded]:
        return [r for r in self.requests if r.path.split("?")[0].endswith("/chat/completions")]

    def answer(self, body: dict[str, Any]) -> str:
        return self.reply(body) if callable(self.reply) else self.reply

    @property
    def speeches(self) -> list[Recorded]:
        return [r for r in self.requests if r.path.split("?")[0].endswith("/audio/speech")]

    @property
    def transcriptions(self) -> list[Recorded]:
        return [r for r in self.requests if r.path.split("?")[0].endswith("/audio/transcriptions")]

    def audio(self) -> bytes:
        if self.speech_audio is None:
            self.speech_audio = tone()
        return self.speech_audio

    def heard(self, fields: dict[str, Any]) -> str:
        return self.transcript(fields) if callable(self.transcript) else self.transcript

    @contextmanager
    def running(self) -> Iterator[FakeOpenAI]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                """Stay quiet."""

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                raw = self.rfile.read(length)
                content_type = self.headers.get("content-type", "")
                body = (
                    _multipart(content_type, raw)
                    if content_type.startswith("multipart/")
                    else json.loads(raw or b"{}")
                )
                headers = {name.lower(): value for name, value in self.headers.items()}
                fake.requests.append(Recorded(self.path, headers, body))
                if fake.delay:
                    fake._release.wait(fake.delay)
                if fake.failures > 0:
                    fake.failures -= 1
                    self._send_json(
                        fake.failure_status,
                        {"error": {"message": "try later", "type": "server_error"}},
                        {"retry-after-ms": "5"},
                    )
                    return
                path = self.path.split("?")[0]
                if path.endswith("/audio/speech"):
                    self._send_bytes(fake.audio(), "audio/ogg")
                    return
                if path.endswith("/audio/transcriptions"):
                    self._send_json(200, {"text": fake.heard(body)})
                    return
                text = fake.answer(body)
                if body.get("stream"):
                    self._stream(body, text)
                else:
                    self._send_json(200, fake.completion(body, text))

            def _send_json(
                self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None
            ) -> None:
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    for name, value in (headers or {}).items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout): nothing to answer

            def _send_bytes(self, data: bytes, content_type: str) -> None:
                try:
                    self.send_response(200)
                    self.send_header("content-type", content_type)
                    self.send_header("content-length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _stream(self, body: dict[str, Any], text: str) -> None:
                try:
                    self.send_response(200)
                    self.send_header("content-type", "text/event-stream")
                    self.end_headers()
                    words = text.split(" ")
                    for index, word in enumerate(words):
                        piece = word if index == 0 else f" {word}"
                        self._event(fake.chunk(body, {"content": piece}, None))
                    self._event(fake.chunk(body, {}, "stop"))
                    if (body.get("stream_options") or {}).get("include_usage"):
                        usage_chunk = fake.chunk(body, {}, None)
                        usage_chunk["choices"] = []
                        usage_chunk["usage"] = fake.usage()
                        self._event(usage_chunk)
                    self.wfile.write(b"data: [DONE]\n\n")
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _event(self, payload: dict[str, Any]) -> None:
                self.wfile.write(f"data: {json.dumps(payload)}\n\n".encode())
                self.wfile.flush()

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        self._server = server
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._release.set()
            server.shutdown()
            server.server_close()
            thread.join()

    def usage(self) -> dict[str, int]:
        return {
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.prompt_tokens + self.completion_tokens,
        }

    def completion(self, body: dict[str, Any], text: str) -> dict[str, Any]:
        return {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": 0,
            "model": body.get("model", "fake"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": "stop",
                }
            ],
            "usage": self.usage(),
        }

    def chunk(
        self, body: dict[str, Any], delta: dict[str, Any], finish: str | None
    ) -> dict[str, Any]:
        return {
            "id": "chatcmpl-fake",
            "object": "chat.completion.chunk",
            "created": 0,
            "model": body.get("model", "fake"),
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }

"""A fake OpenAI-compatible chat server on 127.0.0.1: real HTTP, recorded requests, bad moods."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = str | Callable[[dict[str, Any]], str]


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
        self.requests.clear()

    @property
    def completions(self) -> list[Recorded]:
        return [r for r in self.requests if r.path.split("?")[0].endswith("/chat/completions")]

    def answer(self, body: dict[str, Any]) -> str:
        return self.reply(body) if callable(self.reply) else self.reply

    @contextmanager
    def running(self) -> Iterator[FakeOpenAI]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                """Stay quiet."""

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
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

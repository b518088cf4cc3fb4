"""A real HTTP server on 127.0.0.1 serving fixture routes, with fault behaviour.

Routes are keyed by path plus query, case-insensitively on the parameter names
and path (ModernGov accepts ``MId`` and ``MID`` alike). A route is a fixed
``Reply`` or a function of the request number (1 for the first hit) that
returns one, so "500 then success" or "changed on the second run" are easy.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit


@dataclass
class Reply:
    """What the server answers: status, headers, body, and fault knobs."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (timeouts)
    declared_length: int | None = None  # a Content-Length larger than the body = cut off


Route = Reply | Callable[[int], Reply]
#: A route that answers any query on one path: f(parameters with lower-case names, hit number)
Dynamic = Callable[[dict[str, str], int], Reply]


def route_key(target: str) -> str:
    """Normalised ``path?k=v&...``: lower-case path and names, sorted parameters."""
    parts = urlsplit(target)
    pairs = sorted((k.lower(), v) for k, v in parse_qsl(parts.query, keep_blank_values=True))
    query = "&".join(f"{k}={v}" for k, v in pairs)
    path = "/" + unquote(parts.path).lower().lstrip("/")
    return f"{path}?{query}" if query else path


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hanging up (timeouts, cut-off tests) are expected, not errors."""


class FixtureServer:
    """A ThreadingHTTPServer on 127.0.0.1:0 in a daemon thread."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.dynamic: dict[str, Dynamic] = {}
        self.hits: Counter[str] = Counter()
        self.user_agents: list[str] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out at once, as on real servers
            wbufsize = -1

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                server._serve(self)

            def log_message(self, *args: object) -> None:
                pass

        self._httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, target: str) -> str:
        return self.base + "/" + target.lstrip("/")

    def add(self, target: str, route: Route) -> None:
        self.routes[route_key(target)] = route

    def add_dynamic(self, path: str, route: Dynamic) -> None:
        """Answer every query on ``path`` (after the exact routes) with ``route``."""
        self.dynamic[route_key(path)] = route

    def count(self, target: str) -> int:
        return self.hits[route_key(target)]

    @property
    def total_hits(self) -> int:
        return sum(self.hits.values())

    def start(self) -> FixtureServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _serve(self, req: BaseHTTPRequestHandler) -> None:
        key = route_key(req.path)
        with self._lock:
            self.hits[key] += 1
            n = self.hits[key]
            self.user_agents.append(req.headers.get("User-Agent", ""))
        route = self.routes.get(key)
        dynamic = self.dynamic.get(key.split("?", 1)[0])
        if route is not None:
            reply = route(n) if callable(route) else route
        elif dynamic is not None:
            params = {k.lower(): v for k, v in parse_qsl(urlsplit(req.path).query)}
            reply = dynamic(params, n)
        else:
            reply = Reply(b"<html><body>Not found</body></html>", status=404)
        if reply.delay:
            time.sleep(reply.delay)
        try:
            req.send_response(reply.status)
            req.send_header("Content-Type", reply.content_type)
            length = reply.declared_length if reply.declared_length is not None \
                else len(reply.body)
            req.send_header("Content-Length", str(length))
            for name, value in reply.headers.items():
                req.send_header(name, value)
            if reply.declared_length is not None:
                req.send_header("Connection", "close")
                req.close_connection = True
            req.end_headers()
            req.wfile.write(reply.body)
            req.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            req.close_connection = True

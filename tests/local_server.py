"""A static file server on a free loopback port, for browser tests and benchmarks."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    requests: list[str] | None = None

    def log_message(self, format: str, *args: object) -> None:
        pass

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if self.requests is not None:
            self.requests.append(self.requestline)


@contextmanager
def served(directory: Path, requests: list[str] | None = None) -> Iterator[str]:
    """Serve ``directory`` over http in a thread; yields its root URL.

    ``requests``, when given, receives every request line the server reads
    (``GET /path HTTP/1.1``): what the browser really sent.
    """
    handler = functools.partial(
        type("_Handler", (_QuietHandler,), {"requests": requests}), directory=str(directory)
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()

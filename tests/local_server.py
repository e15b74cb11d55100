"""A static file server on a free loopback port, for browser tests and benchmarks."""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    requests: list[str] | None = None
    stalled: set[str] | None = None

    def log_message(self, format: str, *args: object) -> None:
        pass

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if self.requests is not None:
            self.requests.append(self.requestline)

    def copyfile(self, source, outputfile) -> None:
        # A stalled file: its headers went out, its body waits (no byte, no
        # error) for as long as its name is in ``stalled``, up to a minute.
        name = self.path.split("?")[0].rsplit("/", 1)[-1]
        deadline = time.monotonic() + 60
        while self.stalled and name in self.stalled and time.monotonic() < deadline:
            time.sleep(0.1)
        # The browser may have given up on it meanwhile.
        with contextlib.suppress(OSError):
            super().copyfile(source, outputfile)


@contextmanager
def served(
    directory: Path, requests: list[str] | None = None, stalled: set[str] | None = None
) -> Iterator[str]:
    """Serve ``directory`` over http in a thread; yields its root URL.

    ``requests``, when given, receives every request line the server reads
    (``GET /path HTTP/1.1``): what the browser really sent.  ``stalled``:
    file names whose body is held back (headers sent, then silence) while
    they are in the set; the caller empties it to let them through.
    """
    handler = functools.partial(
        type("_Handler", (_QuietHandler,), {"requests": requests, "stalled": stalled}),
        directory=str(directory),
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()

"""Serve the built site for ``make serve``: a static file server on one port.

``python -m http.server`` ends in a traceback when the port is taken; this
says so in one line, with the way to pick another port, and stops quietly
on Ctrl-C.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import functools
import socket
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer


class _Server(ThreadingHTTPServer):
    # A quick restart must not wait for the old socket's TIME_WAIT to end.
    allow_reuse_address = True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bind", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--directory", required=True, help="folder to serve")
    parser.add_argument("port", type=int)
    args = parser.parse_args(argv)

    handler = functools.partial(SimpleHTTPRequestHandler, directory=args.directory)
    _Server.address_family = socket.AF_INET6 if ":" in args.bind else socket.AF_INET
    try:
        server = _Server((args.bind, args.port), handler)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            print(
                f"make serve: port {args.port} on {args.bind} is already in use "
                f"(another server, or an earlier `make serve` still running).\n"
                f"Pick another port: make serve PORT={args.port + 1}",
                file=sys.stderr,
            )
        else:
            print(
                f"make serve: cannot listen on {args.bind} port {args.port}: {error.strerror}",
                file=sys.stderr,
            )
        return 1
    host = f"[{args.bind}]" if ":" in args.bind else args.bind
    print(f"Serving {args.directory} on http://{host}:{args.port}/ (Ctrl-C to stop)", flush=True)
    with server, contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())

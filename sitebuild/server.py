"""A static server for the built site, at the root or under a Pages-style prefix.

The served folder can be swapped while running, which the offline tests use
to stand in for a new deploy, and extra headers can be sent with every
response (GitHub Pages' `Cache-Control: max-age=600`, say).
"""

from __future__ import annotations

import functools
import gzip
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@functools.lru_cache(maxsize=256)
def compressed(path: Path, mtime_ns: int) -> bytes:
    """Each file compressed once (a host keeps compressed copies too), so the
    server's own work does not slow the page being measured."""
    return gzip.compress(path.read_bytes(), 6)


class SiteHandler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    def __init__(self, *args, site: SiteServer, **kwargs):  # type: ignore[no-untyped-def]
        self.site = site
        super().__init__(*args, directory=str(site.directory), **kwargs)

    COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".wasm")

    def do_GET(self) -> None:
        # Always send the file: two test builds made within one second would
        # otherwise look unchanged to a conditional request (304).
        del self.headers["If-Modified-Since"]
        self.site.hits.append(self.path)
        if self.site.gzip and self._send_gzipped():
            return
        for suffix, seconds in list(self.site.delays.items()):
            if self.path.endswith(suffix):
                time.sleep(seconds)  # stands in for a slow network
        super().do_GET()

    def _send_gzipped(self) -> bool:
        """Compress text and wasm as GitHub Pages does, for `make bench`."""
        path = self.translate_path(self.path.split("?", 1)[0])
        if path.endswith("/"):
            path += "index.html"
        target = Path(path)
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file() or not target.name.endswith(self.COMPRESSIBLE):
            return False
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return False
        body = compressed(target, target.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return True

    def end_headers(self) -> None:
        for name, value in self.site.headers.items():
            self.send_header(name, value)
        super().end_headers()

    def translate_path(self, path: str) -> str:
        prefix = self.site.prefix
        if not path.startswith(prefix):
            return str(self.site.directory / "__outside_prefix__")
        return super().translate_path("/" + path[len(prefix):])

    def send_error(self, code, message=None, explain=None):  # type: ignore[no-untyped-def]
        # Like GitHub Pages: a missing page gets the site's own 404.html.
        page = self.site.directory / "404.html"
        if code == 404 and page.exists() and self.command == "GET":
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # type: ignore[no-untyped-def]
        # A browser that closes mid-download is normal; anything else is not.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class SiteServer:
    def __init__(
        self, directory: Path, prefix: str = "/", *, gzip: bool = False, headers: dict[str, str] | None = None
    ) -> None:
        self.directory = directory
        self.prefix = prefix
        self.gzip = gzip
        self.headers = dict(headers or {})
        self.hits: list[str] = []  # every path asked for, in order
        self.delays: dict[str, float] = {}
        self.httpd = QuietServer(("127.0.0.1", 0), partial(SiteHandler, site=self))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    @property
    def root(self) -> str:
        return self.origin + self.prefix

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

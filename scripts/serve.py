#!/usr/bin/env python3
"""`make serve`: builds the site (scripts/build.py), serves dist/ on http://127.0.0.1:8080/ and
rebuilds when a source changes; reload the page to see the new build.

A debug build by default, as it rebuilds in seconds (dependencies are still optimised, see
Cargo.toml); `--release` serves what `make dist` ships. Only 127.0.0.1 is bound: the page never
needs to be reachable from another machine.
"""
import argparse
import functools
import http.server
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
# What a build reads: a change under any of these rebuilds.
WATCHED = ["src", "styles", "assets", "index.html", "Cargo.toml", "Cargo.lock", "SECURITY.md"]


def snapshot():
    """Modification time of every watched file, by path."""
    times = {}
    for name in WATCHED:
        path = ROOT / name
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file())
        for file in files:
            times[file] = file.stat().st_mtime_ns
    return times


def build(release):
    command = [sys.executable, str(ROOT / "scripts" / "build.py")] + (["--release"] if release else [])
    return subprocess.run(command, cwd=ROOT).returncode == 0


def watch(release):
    """Polls once a second (no extra package needed); a failed build leaves the last good one
    served and says so."""
    seen = snapshot()
    while True:
        time.sleep(1)
        now = snapshot()
        if now != seen:
            seen = now
            print("serve: sources changed, rebuilding", flush=True)
            print("serve: rebuilt, reload the page" if build(release) else "serve: build failed, still serving the last good one",
                  flush=True)


class Handler(http.server.SimpleHTTPRequestHandler):
    """dist/ as files (looked up per request, so each new build is served at once), never cached
    without asking: a reload always gets the latest build."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".webmanifest": "application/manifest+json",
                      ".js": "text/javascript"}

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, *args):
        pass  # one line per request would bury the build output


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="serve the optimised build")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    if not build(args.release):
        sys.exit("serve: the build failed")
    threading.Thread(target=watch, args=(args.release,), daemon=True).start()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), functools.partial(Handler, directory=str(DIST)))
    print(f"serve: JWT debugger on http://127.0.0.1:{args.port}/ (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Builds the site into dist/: the page's wasm module and the engine module (cargo, wasm-bindgen,
wasm-opt), and index.html with its assets.

This is the project's only build of the page: `make serve`, `make dist`, the end-to-end tests and
`make bench` all use it. It does for index.html what a bundler would, and no more: every
`<link data-build rel=...>` tag names a source file and becomes the link to a copy of it in dist/,
content-hashed where the browser may cache it. It replaced Trunk: a first `make bench` on a fresh
machine spent about five of its twelve minutes compiling Trunk, for the work of these ~250 lines.

    rel="rust"       the page's module: data-bin, data-cargo-features, data-wasm-opt (a level,
                     release builds only) and data-wasm-opt-params (flags for wasm-opt); becomes
                     the module loader (an inline script, allowed by its hash in the CSP) and
                     preload links. The engine (src/engine_main.rs, the crate without those
                     features) is built beside it into dist/engine/ with the same wasm-opt.
    rel="css"        a stylesheet, minified in release builds.
    rel="icon"       a favicon.
    rel="copy-file"  a file copied as it is under its own name (service worker, manifest, ...).

Usage: build.py [--release] [--out DIR]
"""
import argparse
import base64
import hashlib
import html as htmlmod
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = "wasm32-unknown-unknown"
ENGINE_BIN = "jwt-engine"
# The CSP meta tag in index.html names this placeholder where the loader's hash goes.
CSP_PLACEHOLDER = "'sha256-INLINE_SCRIPTS'"

TAG = re.compile(r"<link\s+data-build\b([^>]*?)/?>", re.S)
ATTR = re.compile(r"([a-zA-Z][\w-]*)(?:\s*=\s*\"([^\"]*)\")?")


class BuildError(Exception):
    """A problem with the sources (index.html, a missing file) or a failed tool."""


def say(text):
    print(f"build: {text}", flush=True)


def run(*command):
    """Runs a tool; its output goes to ours. A failure stops the build with the command named."""
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        raise BuildError(f"{' '.join(command)} failed")


def content_hash(data):
    """The cache-busting part of a file name: changes whenever the bytes do."""
    return hashlib.sha256(data).hexdigest()[:16]


def integrity(data):
    """A Subresource Integrity value: the browser refuses the file if it was altered."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def attributes(text):
    return {name: htmlmod.unescape(value or "") for name, value in ATTR.findall(text)}


def links(page):
    """The attributes of every `<link data-build>` in `page`, in order."""
    return [attributes(match.group(1)) for match in TAG.finditer(page)]


def minify_css(css):
    """Drops comments and the whitespace CSS does not need. Conservative: only whitespace next to
    `{ } ; , > :` and runs of whitespace go, so selectors (`a :hover` is not `a:hover`) and values
    (`calc(1px + 2px)` needs its spaces) keep their meaning. Strings are left alone."""
    out = []
    # Comments and strings first, in one pass: an apostrophe in a comment starts no string.
    for i, part in enumerate(re.split(r"(/\*.*?\*/|\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')", css, flags=re.S)):
        if i % 2:
            out.append("" if part.startswith("/*") else part)
            continue
        part = re.sub(r"\s+", " ", part)
        part = re.sub(r"\s*([{};,>])\s*", r"\1", part)
        part = re.sub(r":\s+", ":", part)
        out.append(part.replace(";}", "}"))
    return "".join(out).strip()


def minify_html(page):
    """Drops comments and the whitespace between tags (none of this page's text depends on it)."""
    page = re.sub(r"<!--.*?-->", "", page, flags=re.S)
    page = re.sub(r">\s+<", "><", page)
    return page.strip()


class Site:
    """dist/ being assembled in a staging directory: files written under their final names."""

    def __init__(self, staging):
        self.dir = staging

    def write(self, name, data):
        path = self.dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    def hashed(self, source_name, data):
        """Writes `data` as `<stem>-<hash><ext>` and returns that name."""
        stem, ext = os.path.splitext(os.path.basename(source_name))
        name = f"{stem}-{content_hash(data)}{ext}"
        self.write(name, data)
        return name


def source(href):
    path = ROOT / href
    if not path.is_file():
        raise BuildError(f"index.html links {href}, which does not exist")
    return path.read_bytes()


def cargo_build(release, bin_name, features):
    command = ["cargo", "build", f"--target={TARGET}", "--bin", bin_name]
    if release:
        command.append("--release")
    if features:
        command += ["--features", features]
    say(" ".join(command))
    run(*command)
    target_dir = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target_dir / TARGET / ("release" if release else "debug") / f"{bin_name}.wasm"


def bindgen(wasm, out_dir, name):
    run("wasm-bindgen", "--target", "web", "--no-typescript", "--out-dir", str(out_dir), "--out-name", name, str(wasm))


def wasm_opt(path, level, params):
    run("wasm-opt", f"-O{level}", *params, str(path), "-o", str(path))


def build_modules(site, link, release):
    """Both wasm modules, bound and optimised; returns the page module's tags for index.html."""
    page_bin = link.get("data-bin")
    if not page_bin:
        raise BuildError('index.html: the rel="rust" link needs data-bin')
    page_wasm = cargo_build(release, page_bin, link.get("data-cargo-features", ""))
    engine_wasm = cargo_build(release, ENGINE_BIN, "")
    bindgen(page_wasm, site.dir, page_bin)
    bindgen(engine_wasm, site.dir / "engine", ENGINE_BIN)
    level = link.get("data-wasm-opt")
    if release and level:
        params = link.get("data-wasm-opt-params", "").split()
        say(f"wasm-opt -O{level} on both modules")
        # Two processes: wasm-opt runs mostly on one core.
        with ThreadPoolExecutor(2) as pool:
            jobs = [pool.submit(wasm_opt, site.dir / f"{page_bin}_bg.wasm", level, params),
                    pool.submit(wasm_opt, site.dir / "engine" / f"{ENGINE_BIN}_bg.wasm", level, params)]
            for job in jobs:
                job.result()

    # The page's module under content-hashed names (the engine keeps fixed ones: the page asks for
    # engine/jwt-engine.js by name, with the protocol version in the query).
    js_path, wasm_path = site.dir / f"{page_bin}.js", site.dir / f"{page_bin}_bg.wasm"
    wasm_bytes, js_bytes = wasm_path.read_bytes(), js_path.read_bytes()
    tag = content_hash(js_bytes + wasm_bytes)
    js_name, wasm_name = f"{page_bin}-{tag}.js", f"{page_bin}-{tag}_bg.wasm"
    js_path.rename(site.dir / js_name)
    wasm_path.rename(site.dir / wasm_name)

    loader = f"import init from '/{js_name}';\nawait init({{ module_or_path: '/{wasm_name}' }});"
    tags = [f'<script type="module">{loader}</script>',
            f'<link rel="modulepreload" href="/{js_name}" crossorigin integrity="{integrity(js_bytes)}">']
    # wasm-bindgen's snippets (inline_js) are imported by the module: preloaded beside it.
    for snippet in sorted((site.dir / "snippets").rglob("*.js")) if (site.dir / "snippets").is_dir() else []:
        rel = snippet.relative_to(site.dir).as_posix()
        tags.append(f'<link rel="modulepreload" href="/{rel}" crossorigin integrity="{integrity(snippet.read_bytes())}">')
    tags.append(f'<link rel="preload" href="/{wasm_name}" as="fetch" type="application/wasm" crossorigin '
                f'integrity="{integrity(wasm_bytes)}">')
    return "".join(tags)


def asset_tag(site, link, release):
    """A non-Rust link's replacement in index.html ("" for a plain copy)."""
    rel, href = link.get("rel"), link.get("href")
    if not href:
        raise BuildError(f'index.html: <link data-build rel="{rel}"> needs href')
    data = source(href)
    if rel == "css":
        if release:
            data = minify_css(data.decode("utf-8")).encode("utf-8")
        name = site.hashed(href, data)
        return f'<link rel="stylesheet" href="/{name}" integrity="{integrity(data)}">'
    if rel == "icon":
        name = site.hashed(href, data)
        kind = f' type="{link["type"]}"' if link.get("type") else ""
        return f'<link rel="icon" href="/{name}"{kind} integrity="{integrity(data)}">'
    if rel == "copy-file":
        site.write(os.path.basename(href), data)
        return ""
    raise BuildError(f'index.html: unknown <link data-build rel="{rel}">')


def allow_inline_scripts(page):
    """Writes the sha256 of every inline script into the CSP: a static page cannot fill nonces,
    so hashes allow exactly these scripts and nothing else."""
    if CSP_PLACEHOLDER not in page:
        raise BuildError(f"index.html: the CSP meta tag has no {CSP_PLACEHOLDER} for the loader's hash")
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", page, flags=re.S)
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
                     for s in inline})
    return page.replace(CSP_PLACEHOLDER, " ".join(hashes))


def build(release, out):
    staging = ROOT / "target" / "site-staging"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    site = Site(staging)
    page = (ROOT / "index.html").read_text(encoding="utf-8")
    rust = [link for link in links(page) if link.get("rel") == "rust"]
    if len(rust) != 1:
        raise BuildError(f'index.html: expected one <link data-build rel="rust">, found {len(rust)}')

    def replace(match):
        link = attributes(match.group(1))
        return build_modules(site, link, release) if link.get("rel") == "rust" else asset_tag(site, link, release)

    page = TAG.sub(replace, page)
    page = allow_inline_scripts(minify_html(page) if release else page)
    site.write("index.html", page.encode("utf-8"))
    # Swapped in at the end, so a server on dist/ never sees a half-built site for long.
    out = Path(out)
    shutil.rmtree(out, ignore_errors=True)
    shutil.move(str(staging), str(out))
    say(f"{'release' if release else 'debug'} build in {out}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="optimised build (LTO, wasm-opt, minified)")
    parser.add_argument("--out", default=str(ROOT / "dist"), help="where the site goes (default dist/)")
    args = parser.parse_args()
    try:
        build(args.release, args.out)
    except BuildError as error:
        sys.exit(f"build: {error}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Trunk's post_build hook (Trunk.toml): the steps Trunk does not do by itself, on the staged site
in $TRUNK_STAGING_DIR, before Trunk swaps it into dist/. In this order, since each step works on
the files as the steps before it left them:

1. In release builds the page's wasm-bindgen glue (an ES module, 43 KB) is minified with terser:
   Trunk's own minifier cannot parse it (`export { … as default }`) and leaves it as written.
   The engine's glue is minified with terser too, from wasm-bindgen's own output under cargo's
   target directory: Trunk's minifier names things differently from one build to the next, so
   the engine's content hash changed with every build and returning visitors fetched it again.
   Without terser on PATH (`make setup` installs it) the build goes on with the page's glue as
   written and the engine's as Trunk minified it, and says so. The page's integrity attributes
   are recomputed for the files this changed.
2. The page's glue and module (the `data-type="main"` link) are renamed after a hash of their
   bytes as they ship, `jwt-debugger-<hash>.js` and `…_bg.wasm`, and the page's references to
   them (the inline loader's import and module path, the preload links) follow. Trunk's own name
   hashes cargo's wasm, before wasm-bindgen, wasm-opt and this hook: a change to the hook (or a
   newer terser, or other wasm-opt settings) shipped new bytes under the old name, which the
   service worker answers from its cache, so a returning visitor's first load met the old files
   under the new page and did not start. Done in debug builds too (where nothing changes them
   after Trunk): one path, the same kind of name either way.
3. The key engine (the `data-type="worker"` link) gets content-hashed names the same way. Trunk
   names a worker's files after its binary only, with no hash, so a cached old engine could meet
   a new page; with the hash in the name a new build always loads its own engine. The page reads
   the name from the `<meta name="jwt-engine">` tag written here. The worker starts from
   scripts/engine_loader.js, written in before step 1 (and minified with the glue), in place of
   Trunk's loader shim: it tells the page why the engine could not start, which Trunk's
   one-line shim leaves unsaid.
4. The Content-Security-Policy allows the inline scripts Trunk wrote (the module loader, and the
   live-reload client under `trunk serve`) by their sha256: a static page cannot fill nonces.
   After step 2, which changes the loader's text. `trunk serve` would write the request's host
   into the live-reload client as it serves the page, changing its hash; the hook fills those
   two blanks first, the way the client's own fallback does (the page's host, the public URL),
   so the hash holds.
5. The service worker gets the list of this build's files to precache at install, and a cache
   name derived from them, so a new build replaces the old cache as a whole. Last: it lists the
   files under their final names and hashes index.html as it ships.

The names wasm-bindgen gives the imports and exports between each module and its glue
(`__wbg_call_a410eb4b59ed5965`) are left as it writes them. Shortening them saved about 5 KB
gzip, but no tool does it for wasm-bindgen's output: it took a wasm binary rewriter here, and a
rename in the glue that any change to how wasm-bindgen writes its glue could break. BENCHMARKS.md
has the bytes.
"""
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ENGINE = "jwt-engine"
# The page's module (the `data-type="main"` link), named after its bytes like the engine.
PAGE = "jwt-debugger"
# Placeholders in index.html and assets/sw.js that this hook fills.
CSP_PLACEHOLDER = "'sha256-INLINE_SCRIPTS'"
# Trunk's minifier may reorder attributes and drop the quotes around their values.
ENGINE_META = re.compile(r'<meta\b[^>]*\bname="?jwt-engine"?[\s>/][^>]*>|<meta\b[^>]*\bname="?jwt-engine"?>')
CONTENT = re.compile(r'\bcontent=(?:"[^"]*"|[^\s>"]+)')
SW_FILES = "const PRECACHE = [];"
SW_CACHE = "const CACHE = 'jwt-debugger';"
SERVICE_WORKER = "sw.js"
# The inline module loader Trunk writes imports the page's glue by its URL.
PAGE_GLUE = re.compile(r"""\bfrom\s+['"]\.?/?([\w.-]+\.js)['"]""")
MINIFIER = "terser"
# The worker's first script (step 3), next to this hook.
ENGINE_LOADER = Path(__file__).with_name("engine_loader.js")


class SiteError(Exception):
    """The staged site is not what this hook expects (a placeholder or a file is missing)."""


def digest(data):
    return hashlib.sha256(data).hexdigest()[:16]


def content_names(site, current, stem):
    """Old name → new name for a module's files now named `current` (its glue `.js`, its
    `_bg.wasm`, and its `_loader.js` shim when it has one): `<stem>-<hash>` and the same endings,
    the hash taken over the bytes of all three as they ship (the loader's before it names the
    others by their new names)."""
    glue, module = site / f"{current}.js", site / f"{current}_bg.wasm"
    if not glue.is_file() or not module.is_file():
        raise SiteError(f"{glue.name} and {module.name} are not both in the staged site")
    loader = site / f"{current}_loader.js"
    tag = digest(glue.read_bytes() + module.read_bytes()
                 + (loader.read_bytes() if loader.is_file() else b""))
    return {f"{current}{end}": f"{stem}-{tag}{end}" for end in (".js", "_bg.wasm", "_loader.js")
            if (site / f"{current}{end}").is_file()}


def with_new_names(text, names):
    """`text` with every file name of `names` (old → new) replaced, in one pass so that a new
    name is never taken for an old one."""
    found = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w.-])")
    return found.sub(lambda m: names[m.group(1)], text)


def rename(site, names):
    """Renames the files (old → new); the JS among them have the other names rewritten first (a
    glue may name its module, the engine's shim names both)."""
    for old, new in names.items():
        path = site / old
        if path.suffix == ".js":
            path.write_text(with_new_names(path.read_text(encoding="utf-8"), names), encoding="utf-8")
        path.rename(site / new)


def hash_page(site, page):
    """Renames the page's glue and module to `jwt-debugger-<hash>…` after their final bytes, and
    returns the page with its references to them (the loader's import and module path, the
    preload links) renamed to match. Trunk's own name hashes cargo's wasm, before wasm-bindgen,
    wasm-opt and this hook's terser: two builds could ship different bytes under one name, which
    the service worker answers from its cache."""
    current = page_glue(site, page).name[: -len(".js")]
    names = content_names(site, current, PAGE)
    rename(site, names)
    return with_new_names(page, names)


def write_engine_loader(site):
    """The worker's first script: scripts/engine_loader.js, under the engine's bare names (step 3
    renames them)."""
    shutil.copyfile(ENGINE_LOADER, site / f"{ENGINE}_loader.js")


def hash_engine(site):
    """Renames the engine's files to `jwt-engine-<hash>…`, rewrites the references between them,
    and returns the URL the page starts the engine from: its loader."""
    names = content_names(site, ENGINE, ENGINE)
    rename(site, names)
    return "./" + names[f"{ENGINE}_loader.js"]


def fill_live_reload(page, public_url):
    """Fills the blanks `trunk serve` would fill per request in its live-reload client."""
    for quote in ("'", "`"):
        page = page.replace(f"{quote}{{{{__TRUNK_ADDRESS__}}}}{quote}", "window.location.host")
    return page.replace("{{__TRUNK_WS_BASE__}}", public_url)


def allow_inline_scripts(page):
    """Writes the sha256 of every inline script into the CSP placeholder."""
    if CSP_PLACEHOLDER not in page:
        raise SiteError(f"index.html: the CSP meta tag has no {CSP_PLACEHOLDER} for the loader's hash")
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", page, flags=re.S)
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
                     for s in inline})
    return page.replace(CSP_PLACEHOLDER, " ".join(hashes))


def name_engine(page, url):
    if not ENGINE_META.search(page):
        raise SiteError('index.html: no <meta name="jwt-engine" content="…"> for the engine\'s URL')
    return ENGINE_META.sub(lambda m: CONTENT.sub(f'content="{url}"', m.group(0), count=1), page, count=1)


def sri(data):
    """The Subresource Integrity value Trunk writes for a file (sha384)."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def page_glue(site, page):
    """The JS module the inline loader imports."""
    found = PAGE_GLUE.search(page)
    if not found:
        raise SiteError("index.html: no inline loader importing the page's JS module")
    glue = site / found.group(1)
    if not glue.is_file():
        raise SiteError(f"the page's JS module {glue.name} is not in the staged site")
    return glue


def minify_page_glue(glue, minifier):
    """Minifies the page's JS module in place."""
    # Module scope: its exports are kept, its own names may be shortened.
    subprocess.run([minifier, str(glue), "--module", "--compress", "--mangle", "--output", str(glue)],
                   check=True)


def minify_classic_script(script, minifier):
    """Minifies one of the engine's classic scripts (its glue, its loader) in place: the glue's
    one global, `wasm_bindgen`, keeps its name (terser leaves top-level names of a script
    alone)."""
    subprocess.run([minifier, str(script), "--compress", "--mangle", "--output", str(script)], check=True)


def bindgen_output(source):
    """The directory Trunk's wasm-bindgen wrote this release build's files to (under cargo's
    target directory), or None when cargo cannot say."""
    try:
        found = subprocess.run(["cargo", "metadata", "--format-version", "1", "--no-deps", "--offline"],
                               cwd=source, check=True, capture_output=True, text=True)
        return Path(json.loads(found.stdout)["target_directory"]) / "wasm-bindgen" / "release"
    except (OSError, subprocess.CalledProcessError, ValueError, KeyError):
        return None


def restore_engine_glue(site, bindgen_dir):
    """Puts wasm-bindgen's own engine glue back in place of the copy Trunk minified. Trunk's
    minifier names things differently from one build to the next, so the engine's content hash,
    and the file a returning visitor's cache holds, changed with every build even when nothing
    in it had; terser then minifies the glue the same way every time. Returns whether it did."""
    raw = bindgen_dir / f"{ENGINE}.js" if bindgen_dir else None
    staged_glue = site / f"{ENGINE}.js"
    if raw is None or not raw.is_file() or not staged_glue.is_file():
        return False
    shutil.copyfile(raw, staged_glue)
    return True


def minify(site, page):
    """Step 1: both modules' glue minified by terser, the engine's from wasm-bindgen's output.
    Runs before the files are named after their bytes, so that they are named after what
    ships."""
    minifier = shutil.which(MINIFIER)
    if minifier is None:
        print(f"finish_site: {MINIFIER} is not on PATH (make setup installs it): the page's JS "
              "is left unminified", file=sys.stderr)
        return
    minify_page_glue(page_glue(site, page), minifier)
    minify_classic_script(site / f"{ENGINE}_loader.js", minifier)
    if restore_engine_glue(site, bindgen_output(os.environ.get("TRUNK_SOURCE_DIR", "."))):
        minify_classic_script(site / f"{ENGINE}.js", minifier)
    else:
        print("finish_site: wasm-bindgen's own engine glue could not be located (cargo "
              "metadata failed, or no wasm-bindgen/release output under its target "
              "directory): the engine keeps Trunk's minified glue, and a name that changes "
              "with every build", file=sys.stderr)


def refresh_integrity(site, page, before):
    """Rewrites each integrity value in the page whose file changed since `before` (integrity
    value → path) was taken."""
    for old, path in before.items():
        if path.is_file():
            page = page.replace(old, sri(path.read_bytes()))
    return page


def precache_list(site):
    """Every file of the site but the service worker itself, as URLs relative to it; "./" is the
    page (index.html under the URL people open)."""
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    return ["./"] + [f"./{f}" for f in files if f not in (SERVICE_WORKER, "index.html")]


def write_service_worker(site):
    sw = site / SERVICE_WORKER
    text = sw.read_text(encoding="utf-8")
    if SW_FILES not in text or SW_CACHE not in text:
        raise SiteError(f"{SERVICE_WORKER}: expected the lines {SW_FILES!r} and {SW_CACHE!r} to fill")
    files = precache_list(site)
    # The cache's name follows the bytes it holds: a new build installs into a new cache.
    build = hashlib.sha256()
    for name in files[1:]:
        build.update(name.encode() + (site / name[2:]).read_bytes())
    build.update((site / "index.html").read_bytes())
    text = text.replace(SW_FILES, f"const PRECACHE = {json.dumps(files)};")
    text = text.replace(SW_CACHE, f"const CACHE = 'jwt-debugger-{build.hexdigest()[:16]}';")
    sw.write_text(text, encoding="utf-8")


def finish(site):
    site = Path(site)
    index = site / "index.html"
    page = index.read_text(encoding="utf-8")
    before = {sri(p.read_bytes()): p for p in site.iterdir() if p.is_file()}
    write_engine_loader(site)
    if os.environ.get("TRUNK_PROFILE") == "release":
        minify(site, page)
    # Under the names Trunk gave them, while `before` still finds the files.
    page = refresh_integrity(site, page, before)
    page = hash_page(site, page)
    page = name_engine(page, hash_engine(site))
    page = fill_live_reload(page, os.environ.get("TRUNK_PUBLIC_URL", "/"))
    # Last but the service worker: the loader's text has its final names now.
    index.write_text(allow_inline_scripts(page), encoding="utf-8")
    write_service_worker(site)


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        sys.exit("finish_site: run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)")
    try:
        finish(staging)
    except SiteError as error:
        sys.exit(f"finish_site: {error}")


if __name__ == "__main__":
    main()

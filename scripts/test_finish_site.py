"""Tests of scripts/finish_site.py, Trunk's post_build hook, on a small staged site. (The whole
build is tested by the end-to-end tests, which load dist/ under its CSP and integrity checks.)
Run by `make test-native`."""
import base64
import hashlib
import json
import os
import re
import tempfile
import unittest
from contextlib import redirect_stderr
from io import StringIO
from pathlib import Path
from unittest import mock

import finish_site

# The page's files as Trunk names them (after cargo's wasm), and its inline loader.
LOADER = ("import init, * as bindings from '/jwt-debugger-0a1b.js';\n"
          "const wasm = await init({ module_or_path: '/jwt-debugger-0a1b_bg.wasm' });")
PAGE = (
    "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' "
    + finish_site.CSP_PLACEHOLDER
    + "\"><meta content=./jwt-engine.js name=jwt-engine></head><body>"
    + f"<script type=\"module\">{LOADER}</script><script src=\"/x.js\"></script></body></html>"
)
GLUE = "// the page's glue\nexport default function init() {\n    return 1;\n}\n"
MODULE = b"\0asm\1\0\0\0page"
SW = "const CACHE = 'jwt-debugger';\nconst PRECACHE = [];\nself.addEventListener('install', () => {});\n"


def staged(directory, glue=GLUE):
    """A site as Trunk stages it: the page's glue and module preloaded with their integrity (the
    way a minified release page writes the links), the engine under its bare names."""
    site = Path(directory)
    (site / "jwt-debugger-0a1b.js").write_text(glue)
    (site / "jwt-debugger-0a1b_bg.wasm").write_bytes(MODULE)
    links = (f'<link crossorigin href=/jwt-debugger-0a1b.js integrity={finish_site.sri(glue.encode())} '
             'rel=modulepreload><link as=fetch crossorigin href=/jwt-debugger-0a1b_bg.wasm '
             f'integrity={finish_site.sri(MODULE)} rel=preload type=application/wasm>')
    (site / "index.html").write_text(PAGE.replace("</head>", links + "</head>"))
    (site / "sw.js").write_text(SW)
    (site / "app-1234.css").write_text("a{}")
    (site / "jwt-engine.js").write_text("let wasm; function init() { fetch('jwt-engine_bg.wasm'); }")
    (site / "jwt-engine_bg.wasm").write_bytes(b"\0asm\1\0\0\0")
    return site


class Engine(unittest.TestCase):
    def test_files_get_a_content_hash_and_the_page_names_the_loader(self):
        with tempfile.TemporaryDirectory() as d:
            site = staged(d)
            finish_site.finish(site)
            names = sorted(p.name for p in site.iterdir() if p.name.startswith("jwt-engine"))
            self.assertEqual(len(names), 3)
            tag = re.fullmatch(r"jwt-engine-([0-9a-f]{16})\.js", names[0]).group(1)
            self.assertEqual(names, [f"jwt-engine-{tag}.js", f"jwt-engine-{tag}_bg.wasm", f"jwt-engine-{tag}_loader.js"])
            # The worker starts from scripts/engine_loader.js, which names the engine's files by
            # their new names, and reports on the channel the page's URL fragment names.
            loader = (site / f"jwt-engine-{tag}_loader.js").read_text()
            self.assertIn(f"importScripts('./jwt-engine-{tag}.js')", loader)
            self.assertIn(f"fetch('./jwt-engine-{tag}_bg.wasm')", loader)
            self.assertIn("new BroadcastChannel(channel)", loader)
            self.assertNotIn("jwt-engine.js", loader)
            self.assertIn(f"fetch('jwt-engine-{tag}_bg.wasm')", (site / f"jwt-engine-{tag}.js").read_text())
            self.assertIn(f'<meta content="./jwt-engine-{tag}_loader.js" name=jwt-engine>', (site / "index.html").read_text())

    def test_a_new_loader_gives_the_engine_a_new_name(self):
        tags = []
        for loader in ("importScripts('./jwt-engine.js');", "importScripts('./jwt-engine.js'); // 2"):
            with tempfile.TemporaryDirectory() as d, tempfile.NamedTemporaryFile("w", suffix=".js") as f:
                f.write(loader)
                f.flush()
                site = staged(d)
                with mock.patch.object(finish_site, "ENGINE_LOADER", Path(f.name)):
                    finish_site.finish(site)
                tags.append(sorted(p.name for p in site.iterdir() if p.name.endswith("_loader.js")))
        self.assertNotEqual(tags[0], tags[1])

    def test_another_engine_gets_another_name(self):
        tags = []
        for body in (b"\0asm\1\0\0\0", b"\0asm\1\0\0\0\1"):
            with tempfile.TemporaryDirectory() as d:
                site = staged(d)
                (site / "jwt-engine_bg.wasm").write_bytes(body)
                finish_site.finish(site)
                tags.append(sorted(p.name for p in site.iterdir() if p.name.endswith("_bg.wasm")))
        self.assertNotEqual(tags[0], tags[1])

    def test_a_missing_engine_stops_the_build(self):
        with tempfile.TemporaryDirectory() as d:
            site = staged(d)
            (site / "jwt-engine_bg.wasm").unlink()
            with self.assertRaises(finish_site.SiteError):
                finish_site.finish(site)


class EngineMeta(unittest.TestCase):
    def test_the_content_is_replaced_whatever_the_attribute_order_and_quotes(self):
        for tag in ('<meta name="jwt-engine" content="./jwt-engine_loader.js" />',
                    '<meta content=./jwt-engine_loader.js name=jwt-engine>'):
            page = finish_site.name_engine(f"<head>{tag}<meta name=other content=x></head>", "./e-1.js")
            self.assertIn('content="./e-1.js"', page)
            self.assertIn("<meta name=other content=x>", page)


class InlineScripts(unittest.TestCase):
    def test_hash_of_each_inline_script_goes_into_the_csp(self):
        page = finish_site.allow_inline_scripts(PAGE)
        digest = base64.b64encode(hashlib.sha256(LOADER.encode()).digest()).decode()
        self.assertIn(f"script-src 'self' 'sha256-{digest}'\"", page)
        self.assertNotIn(finish_site.CSP_PLACEHOLDER, page)

    def test_the_live_reload_client_is_filled_before_it_is_hashed(self):
        client = "const address = '{{__TRUNK_ADDRESS__}}'; const base = '{{__TRUNK_WS_BASE__}}';"
        page = finish_site.fill_live_reload(f"<script>{client}</script>", "/")
        self.assertEqual(page, "<script>const address = window.location.host; const base = '/';</script>")
        self.assertNotIn("__TRUNK_", finish_site.fill_live_reload("<script>`{{__TRUNK_ADDRESS__}}`</script>", "/"))

    def test_a_page_without_the_placeholder_is_refused(self):
        with self.assertRaises(finish_site.SiteError):
            finish_site.allow_inline_scripts("<meta content=\"script-src 'self'\">")


# Stands in for terser: writes the input without its comment lines and indentation.
FAKE_MINIFIER = """#!/usr/bin/env python3
import sys
args = sys.argv[1:]
source, output = args[0], args[args.index("--output") + 1]
lines = open(source).read().splitlines()
open(output, "w").write("".join(l.strip() for l in lines if not l.strip().startswith("//")))
"""


def fake_terser(directory, newer=False):
    """A terser on PATH in `directory`; a `newer` one writes the same input differently (one line
    per line), as an upgrade of terser may."""
    path = Path(directory) / "terser"
    path.write_text(FAKE_MINIFIER.replace('"".join', '"\\n".join') if newer else FAKE_MINIFIER)
    path.chmod(0o755)
    return path


class Minify(unittest.TestCase):
    def test_the_page_glue_is_minified_and_its_integrity_follows(self):
        with tempfile.TemporaryDirectory() as d:
            site = staged(d)
            before = finish_site.sri(GLUE.encode())
            page = (site / "index.html").read_text()
            minifier = fake_terser(d)
            taken = {before: site / "jwt-debugger-0a1b.js"}
            finish_site.minify_page_glue(finish_site.page_glue(site, page), str(minifier))
            page = finish_site.refresh_integrity(site, page, taken)
            minified = (site / "jwt-debugger-0a1b.js").read_bytes()
            self.assertEqual(minified, b"export default function init() {return 1;}")
            self.assertNotIn(before, page)
            self.assertIn(f"integrity={finish_site.sri(minified)} ", page)

    def test_the_engine_glue_comes_from_wasm_bindgens_output(self):
        with tempfile.TemporaryDirectory() as d, tempfile.TemporaryDirectory() as out:
            site = staged(d)
            raw = "let wasm_bindgen = (function() { /* as wasm-bindgen wrote it */ })();"
            (Path(out) / "jwt-engine.js").write_text(raw)
            self.assertTrue(finish_site.restore_engine_glue(site, Path(out)))
            self.assertEqual((site / "jwt-engine.js").read_text(), raw)
            # Nothing there, or no directory at all: Trunk's copy stays.
            (site / "jwt-engine.js").write_text("trunk's")
            self.assertFalse(finish_site.restore_engine_glue(site, Path(out) / "elsewhere"))
            self.assertFalse(finish_site.restore_engine_glue(site, None))
            self.assertEqual((site / "jwt-engine.js").read_text(), "trunk's")

    def test_wasm_bindgens_output_is_found_under_cargos_target_directory(self):
        found = finish_site.bindgen_output(Path(__file__).resolve().parent.parent)
        self.assertIsNotNone(found)
        self.assertEqual(found.parts[-2:], ("wasm-bindgen", "release"))
        self.assertIsNone(finish_site.bindgen_output("/"))

    def test_a_page_without_its_glue_is_refused(self):
        with tempfile.TemporaryDirectory() as d:
            site = staged(d)
            (site / "jwt-debugger-0a1b.js").unlink()
            with self.assertRaises(finish_site.SiteError):
                finish_site.page_glue(site, (site / "index.html").read_text())
            with self.assertRaises(finish_site.SiteError):
                finish_site.page_glue(site, "<html></html>")


def shipped_glue(site):
    """The page's glue as the finished index.html imports it."""
    return finish_site.page_glue(site, (site / "index.html").read_text())


class ReleaseBuild(unittest.TestCase):
    """The whole hook as a release build runs it, terser stood in for."""

    def release(self, site, path, bindgen_dir):
        env = {"TRUNK_PROFILE": "release", "PATH": path}
        errors = StringIO()
        with mock.patch.dict(os.environ, env), redirect_stderr(errors), \
                mock.patch.object(finish_site, "bindgen_output", return_value=bindgen_dir):
            finish_site.finish(site)
        return errors.getvalue()

    def test_both_glues_are_minified_before_the_engine_is_named(self):
        with tempfile.TemporaryDirectory() as d, tempfile.TemporaryDirectory() as tools, \
                tempfile.TemporaryDirectory() as out:
            site = staged(d)
            (Path(out) / "jwt-engine.js").write_text("// wasm-bindgen's engine glue\nlet wasm_bindgen;\n")
            fake_terser(tools)
            errors = self.release(site, tools + os.pathsep + os.environ["PATH"], Path(out))
            self.assertEqual(errors, "")
            minified = shipped_glue(site).read_bytes()
            self.assertEqual(minified, b"export default function init() {return 1;}")
            self.assertIn(f"integrity={finish_site.sri(minified)} ", (site / "index.html").read_text())
            engine = b"let wasm_bindgen;"
            # The loader was minified too (as the fake terser does it) before the names were
            # hashed over all three files.
            minified_loader = "".join(line.strip() for line in finish_site.ENGINE_LOADER.read_text().splitlines()
                                      if not line.strip().startswith("//")).encode()
            tag = finish_site.digest(engine + b"\0asm\1\0\0\0" + minified_loader)
            self.assertEqual((site / f"jwt-engine-{tag}.js").read_bytes(), engine)
            self.assertNotIn("//", (site / f"jwt-engine-{tag}_loader.js").read_text())

    def test_without_terser_the_glue_stays_as_written_and_the_build_says_so(self):
        with tempfile.TemporaryDirectory() as d, tempfile.TemporaryDirectory() as empty:
            site = staged(d, glue="// as written\n")
            errors = self.release(site, empty, None)
            self.assertIn("terser is not on PATH", errors)
            self.assertEqual(shipped_glue(site).read_text(), "// as written\n")
            self.assertEqual(len(list(site.glob("jwt-engine-*_bg.wasm"))), 1)

    def test_without_wasm_bindgens_engine_glue_the_build_says_so(self):
        with tempfile.TemporaryDirectory() as d, tempfile.TemporaryDirectory() as tools:
            site = staged(d, glue="export default 1;")
            fake_terser(tools)
            (site / "jwt-engine.js").write_text("// Trunk's copy\nlet wasm;\n")
            errors = self.release(site, tools + os.pathsep + os.environ["PATH"], None)
            self.assertIn("engine glue could not be located", errors)
            # Trunk already minified its copy (its own way): terser is not run on it again.
            self.assertEqual(next(site.glob("jwt-engine-*[0-9a-f].js")).read_text(), "// Trunk's copy\nlet wasm;\n")

    def test_a_glue_that_differs_only_once_minified_ships_under_another_name(self):
        # The page's glue and module are named after the bytes that ship, not Trunk's hash of
        # cargo's wasm: one staged site (Trunk's names the same) through terser and a newer one.
        shipped = []
        for newer in (False, True):
            with tempfile.TemporaryDirectory() as d, tempfile.TemporaryDirectory() as tools, \
                    tempfile.TemporaryDirectory() as out:
                site = staged(d)
                (Path(out) / "jwt-engine.js").write_text("let wasm_bindgen;")
                fake_terser(tools, newer)
                errors = self.release(site, tools + os.pathsep + os.environ["PATH"], Path(out))
                self.assertEqual(errors, "")
                glue = shipped_glue(site)
                tag = finish_site.digest(glue.read_bytes() + MODULE)
                names = sorted(p.name for p in site.glob("jwt-debugger-*"))
                self.assertEqual(names, [f"jwt-debugger-{tag}.js", f"jwt-debugger-{tag}_bg.wasm"])
                # Every reference in the page is to these files, with their integrity.
                page = (site / "index.html").read_text()
                self.assertEqual(set(re.findall(r"/(jwt-debugger-[\w.-]+)", page)), set(names))
                for name in names:
                    self.assertIn(f"href=/{name} integrity={finish_site.sri((site / name).read_bytes())} ", page)
                loader = re.search(r'<script type="module">(.*?)</script>', page, flags=re.S).group(1)
                self.assertIn(f"from '/{names[0]}';", loader)
                self.assertIn(f"module_or_path: '/{names[1]}'", loader)
                # The CSP allows the loader as it now reads; the service worker precaches the files.
                allowed = base64.b64encode(hashlib.sha256(loader.encode()).digest()).decode()
                self.assertIn(f"'sha256-{allowed}'", page)
                sw = (site / "sw.js").read_text()
                self.assertIn(f'"./{names[0]}", "./{names[1]}"', sw)
                shipped.append(names)
        self.assertNotEqual(shipped[0], shipped[1])


class ServiceWorker(unittest.TestCase):
    def test_every_file_is_precached_under_a_cache_named_after_the_build(self):
        with tempfile.TemporaryDirectory() as d:
            site = staged(d)
            finish_site.finish(site)
            sw = (site / "sw.js").read_text()
            files = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", sw).group(1))
            engine = sorted(f for f in files if "jwt-engine-" in f)
            self.assertEqual(files[0], "./")
            self.assertIn("./app-1234.css", files)
            self.assertEqual(len(engine), 3)
            self.assertNotIn("./sw.js", files)
            self.assertNotIn("./index.html", files)
            first = re.search(r"const CACHE = '(jwt-debugger-[0-9a-f]{16})';", sw).group(1)
        with tempfile.TemporaryDirectory() as d:
            site = staged(d)
            (site / "app-1234.css").write_text("b{}")
            finish_site.finish(site)
            second = re.search(r"const CACHE = '(jwt-debugger-[0-9a-f]{16})';", (site / "sw.js").read_text()).group(1)
        self.assertNotEqual(first, second)


if __name__ == "__main__":
    unittest.main()

"""Tests of scripts/finish_site.py, Trunk's post_build hook, on a small staged site. (The whole
build is tested by the end-to-end tests, which load dist/ under its CSP and integrity checks.)
Run by `make test-native`."""
import base64
import hashlib
import json
import re
import subprocess
import tempfile
import unittest
from pathlib import Path

import finish_site

LOADER = "import init, * as bindings from '/jwt-debugger-0a1b.js';\nawait init();"
PAGE = (
    "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' "
    + finish_site.CSP_PLACEHOLDER
    + "\"><meta content=./jwt-engine.js name=jwt-engine></head><body>"
    + f"<script type=\"module\">{LOADER}</script><script src=\"/x.js\"></script></body></html>"
)
SW = "const CACHE = 'jwt-debugger';\nconst PRECACHE = [];\nself.addEventListener('install', () => {});\n"


def staged(directory, loader_shim=True):
    site = Path(directory)
    (site / "index.html").write_text(PAGE)
    (site / "sw.js").write_text(SW)
    (site / "app-1234.css").write_text("a{}")
    (site / "jwt-engine.js").write_text("let wasm; function init() { fetch('jwt-engine_bg.wasm'); }")
    (site / "jwt-engine_bg.wasm").write_bytes(b"\0asm\1\0\0\0")
    if loader_shim:
        (site / "jwt-engine_loader.js").write_text(
            'importScripts("./jwt-engine.js");wasm_bindgen("./jwt-engine_bg.wasm");')
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
            shim = (site / f"jwt-engine-{tag}_loader.js").read_text()
            self.assertEqual(shim, f'importScripts("./jwt-engine-{tag}.js");wasm_bindgen({{ module_or_path: "./jwt-engine-{tag}_bg.wasm" }});')
            self.assertIn(f"fetch('jwt-engine-{tag}_bg.wasm')", (site / f"jwt-engine-{tag}.js").read_text())
            self.assertIn(f'<meta content="./jwt-engine-{tag}_loader.js" name=jwt-engine>', (site / "index.html").read_text())

    def test_another_engine_gets_another_name(self):
        tags = []
        for body in (b"\0asm\1\0\0\0", b"\0asm\1\0\0\0\1"):
            with tempfile.TemporaryDirectory() as d:
                site = staged(d)
                (site / "jwt-engine_bg.wasm").write_bytes(body)
                finish_site.finish(site)
                tags.append(sorted(p.name for p in site.iterdir() if p.name.endswith("_bg.wasm")))
        self.assertNotEqual(tags[0], tags[1])

    def test_without_a_loader_shim_the_page_names_the_script(self):
        with tempfile.TemporaryDirectory() as d:
            site = staged(d, loader_shim=False)
            finish_site.finish(site)
            self.assertRegex((site / "index.html").read_text(), r'content="\./jwt-engine-[0-9a-f]{16}\.js"')

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


class Minify(unittest.TestCase):
    def test_the_page_glue_is_minified_and_its_integrity_follows(self):
        with tempfile.TemporaryDirectory() as d:
            site = staged(d)
            glue = "// wasm-bindgen's glue\nexport default function init() {\n    return 1;\n}\n"
            (site / "jwt-debugger-0a1b.js").write_text(glue)
            before = finish_site.sri(glue.encode())
            page = (site / "index.html").read_text().replace(
                "</head>", f'<link href="/jwt-debugger-0a1b.js" integrity="{before}" rel="modulepreload"></head>')
            minifier = Path(d) / "fake-terser"
            minifier.write_text(FAKE_MINIFIER)
            minifier.chmod(0o755)
            taken = {before: site / "jwt-debugger-0a1b.js"}
            finish_site.minify_page_glue(finish_site.page_glue(site, page), str(minifier))
            page = finish_site.refresh_integrity(site, page, taken)
            minified = (site / "jwt-debugger-0a1b.js").read_bytes()
            self.assertEqual(minified, b"export default function init() {return 1;}")
            self.assertNotIn(before, page)
            self.assertIn(f'integrity="{finish_site.sri(minified)}"', page)

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
            with self.assertRaises(finish_site.SiteError):
                finish_site.page_glue(site, (site / "index.html").read_text())
            with self.assertRaises(finish_site.SiteError):
                finish_site.page_glue(site, "<html></html>")


def name(text):
    return bytes([len(text)]) + text.encode()


def section(kind, body):
    return bytes([kind]) + finish_site.to_leb128(len(body)) + body


GLUE_MODULE = "./jwt-debugger_bg.js"
LONG = ["__wbg_call_a410eb4b59ed5965", "__wbindgen_init_externref_table"]


def module_with_imports():
    """A module of wasm-bindgen's shape: two functions from its glue, and a table, a memory and a
    global from elsewhere, each kind of descriptor once."""
    types = section(1, bytes([1, 0x60, 0, 0]))
    imports = bytes([5])
    imports += name(GLUE_MODULE) + name(LONG[0]) + bytes([0x00, 0])
    imports += name("env") + name("table") + bytes([0x01, 0x6F, 0x01, 1, 200, 1])
    imports += name(GLUE_MODULE) + name(LONG[1]) + bytes([0x00, 0])
    imports += name("env") + name("memory") + bytes([0x02, 0x00, 17])
    imports += name("env") + name("g") + bytes([0x03, 0x7F, 0x00])
    return b"\0asm\1\0\0\0" + types + section(2, imports) + section(0, name("after") + b"kept")


GLUE = ('function i(){const e={__proto__:null,' + LONG[0] + ':function(a){return a},'
        + LONG[1] + ':function(){}};return{__proto__:null,"' + GLUE_MODULE + '":e}}'
        + 'function w(){return wasm.__wbindgen_malloc}')


def node_reads(data, listing):
    """What the JavaScript engine lists of the module (`listing`, a JS expression over `m`), which
    also checks that it is valid."""
    script = f"const m=new WebAssembly.Module(require('fs').readFileSync(0));console.log(JSON.stringify({listing}))"
    run = subprocess.run(["node", "-e", script], input=data, capture_output=True, check=True)
    return json.loads(run.stdout)


def wasm_imports(data):
    """What the JavaScript engine reads from the module's import section."""
    return node_reads(data, "WebAssembly.Module.imports(m).map(i=>[i.module,i.name,i.kind])")


def cuts_inside_sections(whole):
    """Every length `whole` could be cut to but one between two sections (which would leave a
    valid, shorter module)."""
    boundaries, at = {8}, 8
    while at < len(whole):
        size, body = finish_site.leb128(whole, at + 1)
        at = body + size
        boundaries.add(at)
    return sorted(set(range(8, len(whole))) - boundaries)


class ImportNames(unittest.TestCase):
    def test_the_glue_imports_get_short_names_in_both_files(self):
        with tempfile.TemporaryDirectory() as d:
            glue, wasm = Path(d) / "jwt-debugger-0a1b.js", Path(d) / "jwt-debugger-0a1b_bg.wasm"
            glue.write_text(GLUE)
            wasm.write_bytes(module_with_imports())
            finish_site.shorten_imports(glue, wasm)
            self.assertEqual(wasm_imports(wasm.read_bytes()), [
                [GLUE_MODULE, "a", "function"], ["env", "table", "table"],
                [GLUE_MODULE, "b", "function"], ["env", "memory", "memory"], ["env", "g", "global"]])
            text = glue.read_text()
            self.assertIn("{__proto__:null,a:function(a){return a},b:function(){}}", text)
            self.assertNotIn("__wbg_", text)
            # Exports and everything after the import section are as they were.
            self.assertIn("wasm.__wbindgen_malloc", text)
            self.assertTrue(wasm.read_bytes().endswith(b"afterkept"))

    def test_an_import_the_glue_does_not_write_once_stops_the_build(self):
        for glue in (GLUE.replace(LONG[1], "__wbg_other_0000000000000000"),
                     GLUE + "const again=" + LONG[0] + ";"):
            with tempfile.TemporaryDirectory() as d:
                js, wasm = Path(d) / "x.js", Path(d) / "x_bg.wasm"
                js.write_text(glue)
                wasm.write_bytes(module_with_imports())
                with self.assertRaisesRegex(finish_site.SiteError, "written [02] times"):
                    finish_site.shorten_imports(js, wasm)
                self.assertEqual(wasm.read_bytes(), module_with_imports(), "nothing is half-written")

    def test_a_module_that_is_not_wasm_or_is_cut_short_is_refused(self):
        whole = module_with_imports()
        with self.assertRaises(finish_site.SiteError):
            finish_site.rename_imports(b"not wasm", GLUE_MODULE)
        # Cut anywhere but between two sections: refused with a SiteError, never another
        # exception or a module.
        for cut in cuts_inside_sections(whole):
            with self.subTest(cut=cut), self.assertRaises(finish_site.SiteError):
                finish_site.rename_imports(whole[:cut], GLUE_MODULE)

    def test_a_type_this_step_does_not_read_is_refused(self):
        # A global of a GC reference type (0x63 and a heap type) is not misread as one byte.
        types = section(1, bytes([1, 0x60, 0, 0]))
        imports = bytes([2]) + name(GLUE_MODULE) + name(LONG[0]) + bytes([0x00, 0])
        imports += name("env") + name("g") + bytes([0x03, 0x63, 0x6F, 0x00])
        module = b"\0asm\1\0\0\0" + types + section(2, imports)
        with self.assertRaisesRegex(finish_site.SiteError, "0x63"):
            finish_site.rename_imports(module, GLUE_MODULE)

    def test_short_names_are_distinct_identifiers(self):
        names = [finish_site.short_name(i) for i in range(3000)]
        self.assertEqual(len(set(names)), 3000)
        self.assertEqual(names[:3] + names[51:54], ["a", "b", "c", "Z", "aa", "ab"])
        self.assertTrue(all(re.fullmatch(r"[A-Za-z]+", n) for n in names))


INVOKE = "wasm_bindgen__convert__closures_____invoke__h0123456789abcdef"


def module_with_exports():
    """A valid module exporting its memory, `main`, and two of wasm-bindgen's runtime names."""
    types = section(1, bytes([1, 0x60, 0, 0]))
    functions = section(3, bytes([2, 0, 0]))
    memory = section(5, bytes([1, 0x00, 1]))
    exports = bytes([4]) + name("memory") + bytes([0x02, 0]) + name("main") + bytes([0x00, 0])
    exports += name("__wbindgen_malloc") + bytes([0x00, 0]) + name(INVOKE) + bytes([0x00, 1])
    code = section(10, bytes([2, 2, 0, 0x0B, 2, 0, 0x0B]))
    return b"\0asm\1\0\0\0" + types + functions + memory + section(7, exports) + code


# The page's glue reads exports from `wasm`; the engine's, minified by Trunk, from another name.
EXPORT_GLUE = ("let wasm;function f(){wasm.__wbindgen_malloc(1);u." + INVOKE + "();"
               "return wasm.memory.buffer}function " + INVOKE + "(a){wasm." + INVOKE + "(a)}"
               "const c=()=>" + INVOKE + " (1);const d=g(1," + INVOKE + ");")


def wasm_exports(data):
    """What the JavaScript engine reads from the module's export section."""
    return node_reads(data, "WebAssembly.Module.exports(m).map(e=>[e.name,e.kind])")


class ExportNames(unittest.TestCase):
    def test_exports_get_short_names_in_both_files(self):
        with tempfile.TemporaryDirectory() as d:
            glue, wasm = Path(d) / "x.js", Path(d) / "x_bg.wasm"
            glue.write_text(EXPORT_GLUE)
            wasm.write_bytes(module_with_exports())
            finish_site.shorten_exports(glue, wasm)
            self.assertEqual(wasm_exports(wasm.read_bytes()), [
                ["memory", "memory"], ["main", "function"], ["a", "function"], ["b", "function"]])
            # The glue's wrapper function of the same name is its own name, kept.
            self.assertEqual(glue.read_text(), "let wasm;function f(){wasm.a(1);u.b();return wasm.memory.buffer}"
                             "function " + INVOKE + "(a){wasm.b(a)}const c=()=>" + INVOKE + " (1);"
                             "const d=g(1," + INVOKE + ");")

    def test_an_export_read_other_than_as_a_property_stops_the_build(self):
        with tempfile.TemporaryDirectory() as d:
            glue, wasm = Path(d) / "x.js", Path(d) / "x_bg.wasm"
            for use in ('const n="__wbindgen_malloc";', "const{__wbindgen_malloc:m}=wasm;",
                        "const{x,__wbindgen_malloc}=wasm;", "wasm[`__wbindgen_malloc`](1);"):
                glue.write_text(EXPORT_GLUE + use)
                wasm.write_bytes(module_with_exports())
                with self.assertRaisesRegex(finish_site.SiteError, "__wbindgen_malloc is used other than"):
                    finish_site.shorten_exports(glue, wasm)
                self.assertEqual(wasm.read_bytes(), module_with_exports(), "nothing is half-written")
                self.assertEqual(glue.read_text(), EXPORT_GLUE + use)

    def test_a_module_cut_short_is_refused(self):
        whole = module_with_exports()
        for cut in cuts_inside_sections(whole):
            with self.subTest(cut=cut), self.assertRaises(finish_site.SiteError):
                finish_site.rename_exports(whole[:cut], finish_site.KEPT_EXPORTS)


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

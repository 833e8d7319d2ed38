"""Tests of scripts/import_floors.py, and the core's own import graph through it."""
import contextlib
import io
import re
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import import_floors  # noqa: E402


def core_of(files):
    """A throwaway core folder holding `files` ({relative path: text})."""
    folder = Path(tempfile.mkdtemp()) / "jwt"
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def run(folder):
    """main's exit code and what it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = import_floors.main(["import_floors.py", str(folder)])
    return code, out.getvalue()


class TheCore(unittest.TestCase):
    def test_the_core_stands_on_floors(self):
        code, printed = run(import_floors.CORE)
        self.assertEqual(code, 0, printed)
        self.assertIn("floor 0:", printed)

    def test_the_core_does_not_know_the_page_or_its_worker(self):
        # The core is handed what it needs; the key engine is the app's business (src/engine/).
        # base64url.rs is left out: the base64 crate's own API calls its codecs engines.
        named = []
        for path in sorted(import_floors.CORE.rglob("*.rs")):
            if path.name == "base64url.rs":
                continue
            for line in path.read_text(encoding="utf-8").splitlines():
                if re.search(r"engine|worker|remote|thread_local", line, re.I):
                    named.append(f"{path.relative_to(import_floors.CORE)}: {line.strip()}")
        # The one per-thread value: provider.rs's cache of parsed RSA public keys. jsonwebtoken
        # calls the provider as a plain function with no context, so a cache can live nowhere
        # else; it changes how fast an answer comes, never the answer.
        self.assertEqual(named, ["provider.rs: thread_local! {"])


class Cycles(unittest.TestCase):
    def test_two_top_level_modules_that_need_each_other_are_a_cycle(self):
        folder = core_of({
            "mod.rs": "pub mod a;\npub mod b;\n",
            "a.rs": "use crate::jwt::b::Thing;\n",
            "b.rs": "pub struct Thing;\nfn f() { super::a::g() }\n",
        })
        code, printed = run(folder)
        self.assertEqual(code, 1)
        self.assertIn("top-level modules", printed)

    def test_a_folder_whose_map_calls_a_child_that_needs_the_map_is_a_cycle(self):
        folder = core_of({
            "mod.rs": "pub mod keys;\n",
            "keys/mod.rs": "mod secret;\npub enum KeyError { A }\nfn parse() { secret::decode() }\n",
            "keys/secret.rs": "use super::KeyError;\npub fn decode() {}\n",
        })
        code, printed = run(folder)
        self.assertEqual(code, 1)
        self.assertIn("inside keys", printed)

    def test_declaring_and_reexporting_children_is_not_a_need(self):
        folder = core_of({
            "mod.rs": "pub mod keys;\n",
            "keys/mod.rs": "mod error;\nmod secret;\npub use error::KeyError;\npub use secret::decode;\n",
            "keys/error.rs": "pub enum KeyError { A }\n",
            "keys/secret.rs": "use super::error::KeyError;\npub fn decode() {}\n",
        })
        code, printed = run(folder)
        self.assertEqual(code, 0, printed)
        self.assertIn("inside keys: 0: error, mod.rs; 1: secret", printed)

    def test_a_reexport_behind_an_attribute_is_still_a_reexport(self):
        # The child names its type through the map, which only re-exports the child.
        folder = core_of({
            "mod.rs": "pub mod keys;\n",
            "keys/mod.rs": (
                "mod error;\nmod read;\npub use error::KeyError;\n"
                "#[cfg(not(feature = \"split\"))]\npub use read::parse;\n"
            ),
            "keys/error.rs": "pub enum KeyError { A }\n",
            "keys/read.rs": "use super::KeyError;\npub fn parse() {}\n",
        })
        code, printed = run(folder)
        self.assertEqual(code, 0, printed)

    def test_test_code_and_comments_are_left_out(self):
        folder = core_of({
            "mod.rs": "pub mod a;\npub mod b;\n",
            "a.rs": "use crate::jwt::b::Thing;\n",
            "b.rs": (
                "pub struct Thing; // not crate::jwt::a::g\n"
                "#[cfg(test)]\nmod tests {\n    use crate::jwt::a;\n    fn t() { if true { a::g() } }\n}\n"
            ),
            "b/tests.rs": "use crate::jwt::a::g;\n",
        })
        code, printed = run(folder)
        self.assertEqual(code, 0, printed)
        self.assertIn("floor 0: b\nfloor 1: a", printed)


class Paths(unittest.TestCase):
    def test_grouped_use_lines_are_expanded(self):
        self.assertEqual(
            import_floors.expand("super::{der, key::{self, Key}, error::KeyError}"),
            ["super::der", "super::key::self", "super::key::Key", "super::error::KeyError"],
        )

    def test_super_and_self_are_read_from_the_file_that_writes_them(self):
        modules = {("keys",), ("keys", "der"), ("token",)}
        self.assertEqual(import_floors.resolve(("keys", "pem"), "super::der::read", modules), ("keys", "der"))
        self.assertEqual(import_floors.resolve(("keys",), "super::token::Kind", modules), ("token",))
        self.assertEqual(import_floors.resolve(("keys",), "self::der", modules), ("keys", "der"))
        self.assertIsNone(import_floors.resolve(("keys",), "crate::engine::x", modules))


if __name__ == "__main__":
    unittest.main()

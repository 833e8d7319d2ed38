"""Tests of scripts/build.py's pieces that do not need cargo: the minifiers, the asset links and
the CSP hash. (The whole build is tested by the end-to-end tests, which load dist/ under its CSP
and integrity checks.) Run by `make test-native`."""
import base64
import hashlib
import tempfile
import unittest
from pathlib import Path

import build


class MinifyCss(unittest.TestCase):
    def test_drops_comments_and_spacing(self):
        css = "/* the theme's colours */\na {\n  color: red;\n  margin: 0 auto;\n}\n"
        self.assertEqual(build.minify_css(css), "a{color:red;margin:0 auto}")

    def test_keeps_strings_as_written(self):
        css = 'a { font-family: "Segoe  UI", x; content: "a ;} /* b */"; }'
        self.assertEqual(build.minify_css(css), 'a{font-family:"Segoe  UI",x;content:"a ;} /* b */"}')

    def test_keeps_meaningful_spaces(self):
        # A descendant pseudo-class and calc()'s operators need their spaces.
        css = "nav :hover { width: calc(100% - 2px); }"
        self.assertEqual(build.minify_css(css), "nav :hover{width:calc(100% - 2px)}")


class MinifyHtml(unittest.TestCase):
    def test_drops_comments_and_whitespace_between_tags(self):
        page = "<head>\n  <!-- a note -->\n  <title>JWT  debugger</title>\n</head>\n"
        self.assertEqual(build.minify_html(page), "<head><title>JWT  debugger</title></head>")


class InlineScripts(unittest.TestCase):
    def test_hash_of_the_loader_goes_into_the_csp(self):
        script = "import init from '/a.js';\nawait init();"
        page = f"<meta content=\"script-src 'self' {build.CSP_PLACEHOLDER}\"><script type=\"module\">{script}</script>"
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        self.assertEqual(build.allow_inline_scripts(page),
                         f"<meta content=\"script-src 'self' 'sha256-{digest}'\"><script type=\"module\">{script}</script>")

    def test_a_page_without_the_placeholder_is_refused(self):
        with self.assertRaisesRegex(build.BuildError, "CSP"):
            build.allow_inline_scripts("<script>x</script>")


class Assets(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.site = build.Site(Path(self.tmp.name))

    def tearDown(self):
        self.tmp.cleanup()

    def test_css_is_hashed_and_integrity_checked(self):
        tag = build.asset_tag(self.site, {"rel": "css", "href": "styles/app.css"}, release=True)
        [name] = [p.name for p in Path(self.tmp.name).glob("app-*.css")]
        data = (Path(self.tmp.name) / name).read_bytes()
        self.assertEqual(name, f"app-{build.content_hash(data)}.css")
        self.assertEqual(tag, f'<link rel="stylesheet" href="/{name}" integrity="{build.integrity(data)}">')
        self.assertNotIn(b"/*", data)

    def test_copy_file_keeps_its_name_and_leaves_no_tag(self):
        tag = build.asset_tag(self.site, {"rel": "copy-file", "href": "assets/sw.js"}, release=True)
        self.assertEqual(tag, "")
        self.assertEqual((Path(self.tmp.name) / "sw.js").read_bytes(), (build.ROOT / "assets/sw.js").read_bytes())

    def test_unknown_rel_and_missing_file_are_errors(self):
        with self.assertRaisesRegex(build.BuildError, "unknown"):
            build.asset_tag(self.site, {"rel": "sass", "href": "styles/app.css"}, release=True)
        with self.assertRaisesRegex(build.BuildError, "does not exist"):
            build.asset_tag(self.site, {"rel": "css", "href": "styles/missing.css"}, release=True)

    def test_the_page_links_only_what_the_build_knows(self):
        page = (build.ROOT / "index.html").read_text(encoding="utf-8")
        rels = [link.get("rel") for link in build.links(page)]
        self.assertEqual(rels.count("rust"), 1)
        self.assertTrue(set(rels) <= {"rust", "css", "icon", "copy-file"}, rels)


if __name__ == "__main__":
    unittest.main()

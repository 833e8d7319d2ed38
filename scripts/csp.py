"""Trunk post_build hook: writes the sha256 of every inline <script> Trunk put into index.html
(its module loader) into the page's
Content-Security-Policy, replacing the placeholder 'sha256-TRUNK_INLINE_SCRIPTS'. A static page
cannot fill nonces, so hashes are the way to allow exactly these scripts and nothing else."""
import base64
import hashlib
import os
import re
import sys

PLACEHOLDER = "'sha256-TRUNK_INLINE_SCRIPTS'"

staging = os.environ.get("TRUNK_STAGING_DIR") or sys.argv[1]
path = os.path.join(staging, "index.html")
html = open(path, encoding="utf-8").read()
if PLACEHOLDER not in html:
    sys.exit(f"csp.py: {PLACEHOLDER} not found in {path}: the CSP meta tag is missing")
if os.environ.get("TRUNK_PROFILE") == "debug":
    # `trunk serve` injects its live-reload client after this hook runs, so its hash cannot be
    # known here: the development server keeps a looser policy. Release builds get hashes.
    open(path, "w", encoding="utf-8").write(html.replace(PLACEHOLDER, "'unsafe-inline'"))
    print("csp.py: debug build, inline scripts allowed for live reload")
    sys.exit(0)
inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
if not inline:
    sys.exit("csp.py: no inline loader script found; Trunk's output changed?")
hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'" for s in inline})
html = html.replace(PLACEHOLDER, " ".join(hashes))
open(path, "w", encoding="utf-8").write(html)
print(f"csp.py: allowed {len(hashes)} inline script(s) by hash")

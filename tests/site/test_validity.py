"""Every built page through the W3C Nu HTML Checker, and every internal link and anchor
resolved over the output."""

from __future__ import annotations

import json
import posixpath
import shutil
import subprocess
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlsplit

import pytest

from sitebuild import ROOT, SITE_URL, Site

pytestmark = pytest.mark.slow

VNU = ROOT / "tools/node_modules/vnu-jar/build/dist/vnu.jar"

# Errors in Material's own markup (base.html), the same on every page; not ours to fix:
MATERIAL_MARKUP = {
    # <input type="checkbox" class="md-toggle" autocomplete="off">: Material keeps Firefox from
    # restoring the drawer and search toggles' state on back/forward navigation.
    "Attribute “autocomplete” is only allowed when the input type is",
    # <label for="__drawer|__toc"> points at Material's visually hidden toggle checkboxes.
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
}


def test_html_is_valid(site: Site):
    if not VNU.exists():
        pytest.fail("the Nu HTML Checker is missing: run `npm ci --prefix tools` (make test does)")
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is missing for the Nu HTML Checker: apt-get install default-jre-headless")
    pages = sorted(str(p) for p in site.root.rglob("*.html"))
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True)
    messages = json.loads(result.stderr)["messages"]
    ours = [f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages
            if not any(m["message"].startswith(known) for known in MATERIAL_MARKUP)]
    assert ours == []
    assert len(pages) > 90


def _targets(site: Site, path: str):
    soup = site.page(path)
    for a in soup.select("a[href]"):
        yield a["href"]


def test_every_internal_link_and_anchor_resolves(site: Site):
    ids = {}
    for path in site.html_paths() + ["404.html", "en/404.html"]:
        ids[path] = {e["id"] for e in site.page(path).select("[id]")}
    broken = []
    for path in site.html_paths():
        for href in _targets(site, path):
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            base = path if path.endswith("/") or not path else posixpath.dirname(path) + "/"
            target = posixpath.normpath(posixpath.join("/" + base, unquote(parts.path))).lstrip("/") if parts.path \
                else path
            if parts.path.endswith("/") and target:
                target += "/"
            if target == ".":
                target = ""
            file = site.root / target
            if target == "" or target.endswith("/"):
                file = file / "index.html"
            if not file.exists():
                broken.append(f"{path}: {href}")
                continue
            if parts.fragment and file.suffix == ".html" and target in ids:
                if unquote(parts.fragment) not in ids[target]:
                    broken.append(f"{path}: {href} (no such anchor)")
    assert broken == []


def test_sitemap_is_well_formed_and_complete(site: Site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site.root / "sitemap.xml").getroot()
    locs = [u.findtext("s:loc", namespaces=ns) for u in root.findall("s:url", ns)]
    assert len(locs) == len(set(locs))
    assert sorted(locs) == sorted(SITE_URL + p for p in site.html_paths())

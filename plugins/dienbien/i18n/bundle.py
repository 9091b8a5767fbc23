"""Material's script as the site's pages load it: the MkDocs side of :mod:`dienbien.buildtools.bundlepatch`.

Each language's build replaces Material's bundle among its files with the patched one. Any
failure stops the build, in ``mkdocs serve`` too: the pages load the script after they have
loaded, and an unpatched script would never start there.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from ..buildtools.bundlepatch import BundleChanged, patch_bundle

BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")


def patch_material_bundle(files: Files, config: MkDocsConfig) -> None:
    """Put the patched bundle in place of Material's, or stop the build naming what no longer matches."""
    bundle = next((f for f in files if BUNDLE.fullmatch(f.src_uri)), None)
    if bundle is None:
        raise PluginError("Material's script (assets/javascripts/bundle.*.min.js) is not among the theme's "
                          "files; keep mkdocs-material at the version in requirements.lock")
    try:
        patched = patch_bundle(bundle.content_string)
    except BundleChanged as e:
        raise PluginError(f"Material's script cannot be patched: {e}. Keep mkdocs-material at the version "
                          "in requirements.lock, or update plugins/dienbien/buildtools/bundlepatch.py for the new "
                          "bundle") from e
    files.remove(bundle)
    files.append(File.generated(config, bundle.src_uri, content=patched))

"""MkDocs hook that puts the browser editor at ``/admin/`` (see :mod:`dienbien.core.publish.cms`).

Only the default language's build writes it, before the site is published. ``mkdocs serve`` (``make edit``)
points the editor at the local proxy; a production build at the GitHub backend with the editorial workflow.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from dienbien.core.errors import SiteDataError
from dienbien.core.publish.cms import BUNDLE, backend_settings, cms_config, write_admin
from dienbien.i18n.config import site_languages

LANGUAGE_ENV = "DIENBIEN_I18N_LANGUAGE"  # set in the other languages' builds (dienbien/i18n)
_command = "build"


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


@event_priority(50)  # before dienbien/i18n publishes the staged site
def on_post_build(config: MkDocsConfig) -> None:
    if LANGUAGE_ENV in os.environ:
        return
    i18n = config.plugins["dienbien/i18n"].config
    languages = site_languages(config)
    root = Path(config.config_file_path).parent
    data = root / config.plugins["dienbien/pages"].config.data_dir
    try:
        backend = backend_settings(config.extra.get("editor"), Path(config.config_file_path).name)
        settings = cms_config(data, languages, local=_command == "serve", backend=backend)
        write_admin(Path(config.site_dir), root / BUNDLE, settings, i18n.languages[languages.default].site_name)
    except SiteDataError as e:
        raise PluginError(str(e)) from e

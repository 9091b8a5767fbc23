"""The site's languages as ``mkdocs.yml`` declares them under ``dienbien/i18n``: what the tests hand
the core wherever a build would (the registry, with its default language)."""

from __future__ import annotations

from pathlib import Path

from dienbien.i18n.config import load_languages

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = load_languages(ROOT / "mkdocs.yml")

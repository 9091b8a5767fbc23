"""The site's languages: which there are, in what order, which one is the default, and each
one's name and locale.

They are declared once, under ``dienbien/i18n`` in ``mkdocs.yml``; the plugins and tools read that
declaration (``dienbien.i18n.config.site_languages``) and hand the core a :class:`Languages`.
Iterating over it gives the language codes in order, so the data loaders take it wherever
they take the codes.

A language whose translation is pending (``translation: pending``) is published while it is
being translated: a text the data files do not give in it reads in the default language
(:func:`filled`), and a page it does not have yet shows the default language's, with a notice.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Language:
    code: str  # "vi", "en": the folder under content/, the address prefix, <html lang>
    name: str  # in the language itself, as the switcher shows it: "Tiếng Việt", "English"
    locale: str  # Open Graph locale: "vi_VN"
    pending: bool = False  # its translation is under way: what it lacks shows in the default language


@dataclass(frozen=True)
class Languages:
    """The ordered language registry: ``.default``, ``.codes``, and each :class:`Language` by code."""

    languages: tuple[Language, ...]
    default: str

    def __post_init__(self) -> None:
        codes = [lang.code for lang in self.languages]
        if not codes or len(set(codes)) != len(codes):
            raise ValueError(f"languages must be listed once each, got {codes}")
        if self.default not in codes:
            raise ValueError(f"the default language '{self.default}' is not one of {', '.join(codes)}")
        if self[self.default].pending:
            raise ValueError(f"the default language '{self.default}' cannot be pending: the others fall back to it")

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    @property
    def others(self) -> tuple[str, ...]:
        """Every language but the default one, in order."""
        return tuple(code for code in self.codes if code != self.default)

    @property
    def complete(self) -> tuple[str, ...]:
        """The languages every text of the data files must be given in (all but the pending ones)."""
        return tuple(lang.code for lang in self.languages if not lang.pending)

    @property
    def names(self) -> dict[str, str]:
        """Code → the language's name in itself, in order."""
        return {lang.code: lang.name for lang in self.languages}

    def __getitem__(self, code: str) -> Language:
        for lang in self.languages:
            if lang.code == code:
                return lang
        raise KeyError(code)

    def __iter__(self) -> Iterator[str]:
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.languages)

    def __contains__(self, code: object) -> bool:
        return code in self.codes


def filled(texts: Mapping[str, T], languages: Languages) -> dict[str, T]:
    """``texts`` in every language, in order: a pending language that lacks one reads the default
    language's."""
    return {lang: texts[lang] if lang in texts else texts[languages.default] for lang in languages}

"""Readable anchors for Vietnamese headings: "Đồi A1" → ``doi-a1``.

Python-Markdown's default slugify drops every non-ASCII letter ("Đồi A1" → ``i-a1``),
and Unicode decomposition alone cannot help with đ/Đ, which has no combining form.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def fold_vietnamese(text: str) -> str:
    """Remove diacritics, mapping đ → d: "Điện Biên Phủ" → "Dien Bien Phu"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(value: str, separator: str = "-") -> str:
    """A URL- and anchor-safe slug; the signature Python-Markdown's toc extension expects."""
    folded = fold_vietnamese(value).lower()
    return _NOT_WORD.sub(separator, folded).strip(separator)

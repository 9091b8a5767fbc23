"""QR signs for the relic sites and destinations: a short address per place, the small page
behind it, and a printable A4 sign sheet.

Every place of ``data/places.yml`` gets the short address ``q/<key>/``, the same for every
language. Its page is tiny and stands alone (no stylesheet, script file or font to fetch, so a
saved copy opens without a connection): it names the place in every language and links to each
language's page; an inline script reads ``navigator.languages`` and replaces itself with the
page in the reader's language. Without the script the reader taps a language. It is kept out of
search engines (``noindex``), the sitemap and the site's search.

A sign sheet is an A4 SVG (210 × 297 mm): the kind of place and its name in every language (the
default language first and largest; the words of each language are its ``signs`` strings), a
QR code of the short address (made with ``segno``, error correction H: about 30% of the code may
be lost to sun, rain or dirt and it still reads; the standard four-module quiet zone), the short
address written out, and the site's name. The code is 120 mm wide, which a phone reads from well
beyond a metre. The same SVG is wrapped in an HTML page that prints on one A4 sheet.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

import segno

from ..data.languages import Languages
from ..data.uistrings import strings
from ..domain.places import Place, Places
from ..site.languages import relative_url

#: Where the short pages and the sign sheets live, from the site root (both languages share them).
SHORT_FOLDER = "q"
SHEET_FOLDER = "bien-bao"
ALL_SHEETS = f"{SHEET_FOLDER}/tat-ca.html"
#: Error correction of the printed codes: H restores up to 30% of damaged modules.
ERROR = "h"
QUIET_ZONE = 4  # modules: what ISO/IEC 18004 asks around a QR code

# The sheet, in millimetres (the SVG's user units).
PAGE_W, PAGE_H = 210, 297
MARGIN = 15
QR_SIZE = 120  # the code with its quiet zone
QR_TOP = 112
#: A generous average advance of a character of Noto Sans (and of its usual stand-ins), in ems:
#: names are wrapped and sized with it, so they stay inside the margins in any common sans-serif.
CHAR_EM = {"bold": 0.64, "regular": 0.58}
FONT = "'Noto Sans', 'Helvetica Neue', Arial, sans-serif"
INK, ACCENT, PETAL = "#1b2620", "#7a1f4b", "#fbf3f6"


@dataclass(frozen=True)
class Sign:
    """One place's sign: its names, its pages (site paths per language) and its short address."""

    key: str
    kind: str
    name: dict[str, str]
    pages: dict[str, str]  # {"vi": "lich-su/di-tich/doi-a1/", "en": "en/…/"}
    url: str  # the production address the code holds: "https://dienbien.example.org/q/doi-a1/"

    @property
    def path(self) -> str:
        """The short page's site path: ``q/doi-a1/``."""
        return short_path(self.key)

    @property
    def shown_url(self) -> str:
        """The address as a sign prints it: ``dienbien.example.org/q/doi-a1/``."""
        parts = urlsplit(self.url)
        return parts.netloc + parts.path

    @property
    def sheet(self) -> str:
        return f"{SHEET_FOLDER}/{self.key}.html"

    @property
    def svg(self) -> str:
        return f"{SHEET_FOLDER}/{self.key}.svg"


def short_path(key: str) -> str:
    return f"{SHORT_FOLDER}/{key}/"


def signs(places: Places, site_url: str, page_of: Callable[[Place], dict[str, str]]) -> list[Sign]:
    """A sign per place, in the data's order. ``site_url`` is the production root
    (``https://dienbien.example.org/``); ``page_of`` gives a place's site path per language."""
    root = site_url if site_url.endswith("/") else site_url + "/"
    return [Sign(p.key, p.kind, dict(p.name), page_of(p), root + short_path(p.key)) for p in places.places.values()]


# -- the short page ------------------------------------------------------------------------------

_SHORT_STYLE = (
    f"body{{font:1.1rem/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:{INK};"
    f"background:{PETAL}}}main{{max-width:32rem;margin:0 auto;padding:2rem 1.25rem}}"
    f"p{{margin:0 0 1.5rem;color:{ACCENT};font-weight:600}}ul{{list-style:none;margin:0;padding:0}}"
    f"li{{margin:0 0 1rem}}a{{display:block;padding:1rem 1.25rem;border:2px solid {ACCENT};border-radius:.75rem;"
    f"background:#fff;color:{INK};text-decoration:none}}a:focus,a:hover{{background:{ACCENT};color:#fff}}"
    "strong{display:block;font-size:1.3rem;line-height:1.3}a span{display:block;margin-top:.25rem}"
)


def _in_order(languages: Languages) -> tuple[str, ...]:
    """The languages as a sign gives them: the default one first."""
    return (languages.default, *languages.others)


def short_page_html(sign: Sign, languages: Languages, site_names: dict[str, str]) -> str:
    """The page at ``q/<key>/``: every language offered as a link, and a script that opens the
    reader's language at once (``location.replace``: the short page stays out of the history)."""
    here = sign.path
    first, languages = languages.default, _in_order(languages)
    links = {lang: relative_url(here, sign.pages[lang]) for lang in languages}
    title = " · ".join(dict.fromkeys(sign.name[lang] for lang in languages))
    items = "".join(
        f'<li lang="{lang}"><a href="{escape(links[lang])}" hreflang="{lang}">'
        f"<strong>{escape(sign.name[lang])}</strong><span>{escape(strings(lang, 'signs')['read'])}</span></a></li>"
        for lang in languages)
    sites = " · ".join(f'<span lang="{lang}">{escape(site_names[lang])}</span>' for lang in languages)
    # The first of the reader's languages that the site has wins; with none of them, the reader chooses.
    script = ("(function(){var p=" + json.dumps(links, sort_keys=True) + ";"
              "var w=navigator.languages&&navigator.languages.length?navigator.languages:[navigator.language||''];"
              "for(var i=0;i<w.length;i++){var c=String(w[i]).toLowerCase().split('-')[0];"
              "if(Object.prototype.hasOwnProperty.call(p,c)){location.replace(p[c]);return;}}})();")
    return (f'<!doctype html>\n<html lang="{first}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
            '<meta name="robots" content="noindex">\n'
            f"<title>{escape(title)}</title>\n"
            f'<link rel="icon" href="{escape(relative_url(here, "assets/images/logo.svg"))}">\n'
            f"<script>{script}</script>\n<style>{_SHORT_STYLE}</style>\n</head>\n<body>\n<main>\n"
            f"<p>{sites}</p>\n"
            f'<nav aria-label="{escape(" / ".join(strings(lang, "signs")["choose"] for lang in languages))}">'
            f"<ul>{items}</ul></nav>\n</main>\n</body>\n</html>\n")


# -- the sign sheet -------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1024)  # each rebuild of `mkdocs serve` asks for the same codes again
def qr_code(url: str) -> segno.QRCode:
    """A QR code (never a Micro QR) of ``url``, error correction H."""
    return segno.make(url, error=ERROR, micro=False, boost_error=False)


def _modules_path(code: segno.QRCode) -> str:
    """The dark modules as one SVG path, a rectangle per horizontal run, in module units."""
    parts = []
    for y, row in enumerate(code.matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                parts.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return "".join(parts)


def _wrap(text: str, size: float, width: float, weight: str) -> list[str]:
    """Lines of ``text`` no wider than ``width`` mm at font ``size`` mm (by the generous average)."""
    per_line = max(1, int(width / (size * CHAR_EM[weight])))
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= per_line:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) == 2:  # two lines of even length read better than a long line and a short one
        words = text.split()
        splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
        lines = list(min(splits, key=lambda pair: max(len(pair[0]), len(pair[1]))))
    return lines


def _fitted(text: str, sizes: Sequence[float], width: float, max_lines: int, weight: str) -> tuple[float, list[str]]:
    """The largest size at which ``text`` takes at most ``max_lines`` lines, and those lines."""
    for size in sizes:
        lines = _wrap(text, size, width, weight)
        if len(lines) <= max_lines and all(len(line) * size * CHAR_EM[weight] <= width for line in lines):
            return size, lines
    size = sizes[-1]
    return size, _wrap(text, size, width, weight)


def _text(x: float, y: float, size: float, content: str, *, lang: str | None = None, weight: str = "regular",
          fill: str = INK, anchor: str = "middle", spacing: float | None = None) -> str:
    attrs = [f'x="{x:g}"', f'y="{y:g}"', f'font-size="{size:g}"']
    if weight == "bold":
        attrs.append('font-weight="700"')
    if fill != INK:
        attrs.append(f'fill="{fill}"')
    if anchor != "middle":
        attrs.append(f'text-anchor="{anchor}"')
    if spacing:
        attrs.append(f'letter-spacing="{spacing:g}"')
    if lang:
        attrs.append(f'xml:lang="{lang}"')
    return f"<text {' '.join(attrs)}>{escape(content)}</text>"


_FLOWER = (f'<g fill="#fff" stroke="{ACCENT}" stroke-width="1.5">'
           + "".join(f'<ellipse rx="8" ry="15" cy="-13" transform="rotate({a})"/>' for a in (0, 72, 144, 216, 288))
           + '</g><circle r="5" fill="#d9a521"/>')


def sheet_svg(sign: Sign, languages: Languages, site_names: dict[str, str], *, standalone: bool = True) -> str:
    """The A4 sign sheet of one place as SVG, in millimetres: the default language first and largest."""
    centre, width = PAGE_W / 2, PAGE_W - 2 * MARGIN
    first, languages = languages.default, _in_order(languages)
    out = []
    kinds = " · ".join(dict.fromkeys(strings(lang, "signs")["kind"][sign.kind].upper() for lang in languages))
    out.append(f'<g transform="translate({centre:g} 22) scale(0.2)">{_FLOWER}</g>')
    out.append(_text(centre, 38, 5, kinds, weight="bold", fill=ACCENT, spacing=0.4))
    y = 44.0
    for n, lang in enumerate(languages):
        weight = "bold" if n == 0 else "regular"
        sizes = (15, 13, 12, 11, 10, 9, 8, 7, 6) if n == 0 else (10, 9, 8.5, 8, 7.5, 7, 6, 5)
        size, lines = _fitted(sign.name[lang], sizes, width, 2, weight)
        y += size * (0.5 if n else 0.25)
        for line in lines:
            y += size * 1.12
            out.append(_text(centre, round(y, 2), size, line, lang=lang, weight=weight,
                             fill=INK if n == 0 else ACCENT))
    code = qr_code(sign.url)
    modules = code.symbol_size(border=QUIET_ZONE)[0]
    scale = QR_SIZE / modules
    left = (PAGE_W - QR_SIZE) / 2
    label = f"{strings(first, 'signs')['scan']}: {sign.shown_url}"
    out.append(f'<g role="img" aria-label="{escape(label)}">'
               f'<rect x="{left:g}" y="{QR_TOP:g}" width="{QR_SIZE:g}" height="{QR_SIZE:g}" fill="#fff"/>'
               f'<path transform="translate({left:g} {QR_TOP:g}) scale({scale:.6f}) translate({QUIET_ZONE} '
               f'{QUIET_ZONE})" d="{_modules_path(code)}" fill="#000" shape-rendering="crispEdges"/></g>')
    y = QR_TOP + QR_SIZE + 9
    for lang in languages:
        out.append(_text(centre, y, 5.5, strings(lang, "signs")["scan"], lang=lang))
        y += 7.5
    address_size = min(9.0, round(width / (len(sign.shown_url) * CHAR_EM["bold"]), 1))
    out.append(_text(centre, y + 6, address_size, sign.shown_url, weight="bold"))
    out.append(f'<line x1="{MARGIN}" y1="{PAGE_H - 24}" x2="{PAGE_W - MARGIN}" y2="{PAGE_H - 24}" '
               f'stroke="{ACCENT}" stroke-width="0.4"/>')
    y = PAGE_H - 17.0
    for lang in languages:
        out.append(_text(centre, y, 4.2, site_names[lang], lang=lang, fill=ACCENT))
        y += 6
    title = " · ".join(dict.fromkeys(sign.name[lang] for lang in languages))
    head = '<?xml version="1.0" encoding="UTF-8"?>\n' if standalone else ""
    return (f'{head}<svg xmlns="http://www.w3.org/2000/svg" class="db-sign" width="{PAGE_W}mm" height="{PAGE_H}mm" '
            f'viewBox="0 0 {PAGE_W} {PAGE_H}" font-family="{escape(FONT)}" fill="{INK}" text-anchor="middle" '
            f'xml:lang="{first}"><title>{escape(title)}</title>'
            f'<rect width="{PAGE_W}" height="{PAGE_H}" fill="#fff"/>' + "".join(out) + "</svg>\n")


_SHEET_STYLE = (
    "@page{size:A4;margin:0}html,body{margin:0;padding:0}"
    "body{background:#e8e4e6;font:1rem/1.4 system-ui,sans-serif;color:#1b2620}"
    ".db-sign{display:block;width:210mm;height:297mm;margin:0 auto 1rem;background:#fff;"
    "box-shadow:0 .2rem 1rem rgba(0,0,0,.2)}"
    ".db-toolbar{display:flex;flex-wrap:wrap;gap:.75rem;justify-content:center;align-items:center;padding:1rem}"
    ".db-toolbar button{font:inherit;padding:.5rem 1rem;border-radius:.4rem;border:2px solid #7a1f4b;"
    "background:#7a1f4b;color:#fff;cursor:pointer}.db-toolbar a{color:#7a1f4b}"
    "@media print{body{background:none}.db-toolbar{display:none}"
    ".db-sign{margin:0;box-shadow:none;break-after:page;overflow:hidden}.db-sign:last-of-type{break-after:auto}}"
)


def sheet_html(sheets: Sequence[Sign], languages: Languages, site_names: dict[str, str],
               here: str, lists: dict[str, str]) -> str:
    """A print page of one or more sign sheets, one A4 page each. ``here`` is the page's site
    path and ``lists`` the site path of the list of signs in each language."""
    registry, first, languages = languages, languages.default, _in_order(languages)
    printing = " / ".join(strings(lang, "signs")["print" if len(sheets) == 1 else "print_all"] for lang in languages)
    back = " · ".join(f'<a href="{escape(relative_url(here, lists[lang]))}" hreflang="{lang}" lang="{lang}">'
                      f'{escape(strings(lang, "signs")["list"])}</a>' for lang in languages)
    if len(sheets) == 1:
        title = " · ".join(dict.fromkeys(sheets[0].name[lang] for lang in languages))
    else:
        title = " · ".join(strings(lang, "signs")["print_all"] for lang in languages)
    body = "".join(sheet_svg(s, registry, site_names, standalone=False) for s in sheets)
    return (f'<!doctype html>\n<html lang="{first}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
            '<meta name="robots" content="noindex">\n'
            f"<title>{escape(title)}</title>\n<style>{_SHEET_STYLE}</style>\n</head>\n<body>\n"
            f'<div class="db-toolbar"><button type="button" onclick="window.print()">{escape(printing)}</button>'
            f"{back}</div>\n{body}</body>\n</html>\n")


def sign_files(all_signs: Sequence[Sign], languages: Languages, site_names: dict[str, str],
               lists: dict[str, str]) -> dict[str, str]:
    """Site path → text of every short page, sheet (SVG and HTML) and the page of all sheets."""
    files: dict[str, str] = {}
    for sign in all_signs:
        files[sign.path + "index.html"] = short_page_html(sign, languages, site_names)
        files[sign.svg] = sheet_svg(sign, languages, site_names)
        files[sign.sheet] = sheet_html([sign], languages, site_names, sign.sheet, lists)
    files[ALL_SHEETS] = sheet_html(all_signs, languages, site_names, ALL_SHEETS, lists)
    return files


# -- the list of signs, for the office ------------------------------------------------------------

def signs_list_html(all_signs: Sequence[Sign], lang: str, here: str) -> str:
    """The table of every sign: the place, its short address and links to its sheet (``here`` is
    the list page's site path)."""
    t = strings(lang, "signs")
    rows = []
    for kind in ("relic", "destination"):
        for sign in (s for s in all_signs if s.kind == kind):
            rows.append(
                f'<tr><td><a href="{escape(relative_url(here, sign.pages[lang]))}">{escape(sign.name[lang])}</a>'
                f"<br><small>{escape(t['kind'][kind])}</small></td>"
                f'<td><a href="{escape(relative_url(here, sign.path))}"><code>{escape(sign.shown_url)}</code></a></td>'
                f'<td><a href="{escape(relative_url(here, sign.sheet))}">{escape(t["sheet"])}</a> · '
                f'<a href="{escape(relative_url(here, sign.svg))}" download>{escape(t["svg"])}</a></td></tr>')
    return (f'<p class="db-signs-all"><a class="md-button md-button--primary" '
            f'href="{escape(relative_url(here, ALL_SHEETS))}">{escape(t["print_all"])}</a></p>\n\n'
            f'<table class="db-signs">\n<thead><tr><th>{escape(t["place"])}</th><th>{escape(t["short"])}</th>'
            f'<th>{escape(t["sheet"])}</th></tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>\n")

"""A page at every folder address: ``lich-su/di-tich/``, ``du-lich/diem-den/`` and
``van-hoa/dan-toc/`` list what is inside them as cards with the key facts, in every language.

The cards come from the same records as the pages they lead to, so a new place or group
appears on its folder page by itself. An editor may write the folder's ``index.md`` instead;
the cards then go where it writes ``{{ block.cards }}``.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from ..data.formatting import format_clock
from ..data.uistrings import strings
from .ethnic_groups import EthnicGroups
from .places import SECTION, Places
from .visiting import Visiting, price_text

RELICS = f"{SECTION['relic']}/index.md"
DESTINATIONS = f"{SECTION['destination']}/index.md"
GROUPS = "van-hoa/dan-toc/index.md"
FOLDERS = (RELICS, DESTINATIONS, GROUPS)


def folder_title(src: str, lang: str) -> str:
    return strings(lang, "folderpages")["folders"][src]["title"]


def folder_markdown(src: str, lang: str, places: Places | None, visiting: Visiting | None,
                    groups: EthnicGroups | None, link: Callable[[str], str], own_text: str = "") -> str:
    """The folder page: its title, a line of welcome (or the editor's own text) and the cards."""
    folder = strings(lang, "folderpages")["folders"][src]
    title, welcome = folder["title"], folder["welcome"]
    cards = folder_cards(src, lang, places, visiting, groups, link)
    if own_text:
        return own_text.replace("{{ block.cards }}", cards) if "{{ block.cards }}" in own_text \
            else own_text.rstrip("\n") + "\n\n" + cards
    return f"# {title}\n\n{welcome}\n\n{cards}"


def folder_cards(src: str, lang: str, places: Places | None, visiting: Visiting | None,
                 groups: EthnicGroups | None, link: Callable[[str], str]) -> str:
    t = strings(lang, "folderpages")
    cards = []
    if src == GROUPS:
        for g in (groups.groups if groups else ()):
            facts = [(t["share"], f"{{{{ fig.{g.share} }}}}"), (t["lives"], escape(g.where[lang]))]
            cards.append(_card(g.name[lang], link(groups.page(g)), None, facts))
    else:
        kind = "relic" if src == RELICS else "destination"
        v = strings(lang, "visiting")
        for p in (places.places.values() if places else ()):
            if p.kind != kind:
                continue
            facts = [(t["where"], escape(p.where[lang]))]
            visit = visiting.places.get(p.key) if visiting else None
            if visit and visit.hours and visit.hours.periods:
                spans = "; ".join(f"{escape(x.days[lang])} {format_clock(x.open, lang)}–{format_clock(x.close, lang)}"
                                  for x in visit.hours.periods)
                facts.append((v["hours"], spans))
            if visit and visit.price:
                facts.append((v["price"], "; ".join(f"{escape(x.who[lang])}: {escape(price_text(x.vnd, lang))}"
                                                    for x in visit.price.tickets)))
            cards.append(_card(p.name[lang], link(p.page), p.what[lang], facts))
    return '<div class="db-folder" markdown="1">\n\n' + "\n".join(cards) + "\n</div>\n"


def _card(name: str, href: str, what: str | None, facts: list[tuple[str, str]]) -> str:
    rows = "".join(f"<dt>{escape(label)}</dt><dd>{value}</dd>" for label, value in facts)
    lead = f"<p>{escape(what)}</p>\n" if what else ""
    return (f'<section class="db-folder-card" markdown="1">\n\n## [{name}]({href})\n\n'
            f"{lead}<dl>{rows}</dl>\n\n</section>\n")

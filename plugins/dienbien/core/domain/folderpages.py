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
from .ethnic_groups import EthnicGroups
from .places import SECTION, Places
from .visiting import TEXT as VISIT_TEXT
from .visiting import Visiting, price_text

RELICS = f"{SECTION['relic']}/index.md"
DESTINATIONS = f"{SECTION['destination']}/index.md"
GROUPS = "van-hoa/dan-toc/index.md"
FOLDERS = (RELICS, DESTINATIONS, GROUPS)

TEXT = {
    "vi": {
        RELICS: ("Di tích lịch sử",
                 "Những nơi làm nên chiến thắng Điện Biên Phủ năm 1954. Phần lớn nằm ngay trong lòng chảo "
                 "Mường Thanh, cách nhau chỉ một quãng đi bộ ngắn hay vài phút đi xe."),
        DESTINATIONS: ("Điểm đến",
                       "Hồ nước giữa núi, suối khoáng nóng, những con đèo và điểm cực Tây của Tổ quốc: những nơi "
                       "nên đến khi bạn đi xa hơn lòng chảo Điện Biên Phủ."),
        GROUPS: ("Các dân tộc",
                 "Điện Biên là quê hương của nhiều dân tộc anh em, mỗi dân tộc một tiếng nói, một sắc phục, "
                 "những lễ hội và món ăn riêng."),
        "where": "Địa điểm", "share": "Tỷ lệ trong dân số tỉnh", "lives": "Nơi sinh sống", "more": "Xem thêm",
    },
    "en": {
        RELICS: ("Historic sites",
                 "The places where the 1954 victory at Điện Biên Phủ was won. Most of them lie in the Mường Thanh "
                 "valley itself, a short walk or a few minutes' ride from one another."),
        DESTINATIONS: ("Destinations",
                       "A mountain lake, hot springs, high passes and Vietnam's westernmost point: where to go "
                       "beyond the Điện Biên Phủ valley."),
        GROUPS: ("Ethnic groups",
                 "Điện Biên is home to many peoples, each with its own language, dress, festivals and food."),
        "where": "Where", "share": "Share of the province's population", "lives": "Where they live",
        "more": "Read more",
    },
}


def folder_title(src: str, lang: str) -> str:
    return TEXT[lang][src][0]


def folder_markdown(src: str, lang: str, places: Places | None, visiting: Visiting | None,
                    groups: EthnicGroups | None, link: Callable[[str], str], own_text: str = "") -> str:
    """The folder page: its title, a line of welcome (or the editor's own text) and the cards."""
    title, welcome = TEXT[lang][src]
    cards = folder_cards(src, lang, places, visiting, groups, link)
    if own_text:
        return own_text.replace("{{ block.cards }}", cards) if "{{ block.cards }}" in own_text \
            else own_text.rstrip("\n") + "\n\n" + cards
    return f"# {title}\n\n{welcome}\n\n{cards}"


def folder_cards(src: str, lang: str, places: Places | None, visiting: Visiting | None,
                 groups: EthnicGroups | None, link: Callable[[str], str]) -> str:
    t = TEXT[lang]
    cards = []
    if src == GROUPS:
        for g in (groups.groups if groups else ()):
            facts = [(t["share"], f"{{{{ fig.{g.share} }}}}"), (t["lives"], escape(g.where[lang]))]
            cards.append(_card(g.name[lang], link(groups.page(g)), None, facts))
    else:
        kind = "relic" if src == RELICS else "destination"
        v = VISIT_TEXT[lang]
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

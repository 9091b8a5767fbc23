"""The ethnic groups of ``data/ethnic_groups.yml``: one page per group and language, an
overview table and a chart of population shares, all from the same records.

Rendering produces Markdown with ``{{ fig.KEY }}`` tokens, so every number on these pages
is formatted and cited by the figures machinery like any hand-written figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from babel import Locale

from ..data.figures import FigureStore, Source, cited_source, cited_sources
from ..data.formatting import format_number
from ..data.schema import check_keys, localized, localized_list, mapping, reference, slug, text
from ..data.uistrings import strings
from ..data.yamlfile import load_yaml
from ..errors import display_path
from ..media.svgchart import bar_chart
from .factsbox import facts_box

FIGURES_AT = "figures are defined in data/figures/*.yml"


@dataclass(frozen=True)
class Heritage:
    name: dict[str, str]
    status: dict[str, str] | None
    year: int | None
    source: Source


@dataclass(frozen=True)
class EthnicGroup:
    key: str
    name: dict[str, str]
    gloss: dict[str, str]  # the common alternative shown in brackets at first mention: "Mông (Hmong)"
    other_names: dict[str, list[str]]
    population: str  # figure key
    share: str  # figure key
    language_family: dict[str, str]
    where: dict[str, str]
    heritage: tuple[Heritage, ...]
    festivals: tuple[dict[str, str], ...]
    crafts: tuple[dict[str, str], ...]
    note: dict[str, str] | None
    sources: tuple[Source, ...]
    line: int


@dataclass(frozen=True)
class EthnicGroups:
    groups: tuple[EthnicGroup, ...]
    path: str

    def page(self, group: EthnicGroup) -> str:
        """The group's page in the content tree, the same in every language."""
        return f"van-hoa/dan-toc/{group.key}.md"


def load_ethnic_groups(path: Path, root: Path, languages: tuple[str, ...], store: FigureStore) -> EthnicGroups:
    doc = load_yaml(path, display_path(path, root))
    data = mapping(doc, (), doc.data, "the ethnic groups file")
    check_keys(doc, (), data, {"groups"}, set())
    if not isinstance(data["groups"], list) or not data["groups"]:
        raise doc.error(("groups",), "expected a list of groups, each starting with '- key:'")
    groups, seen = [], {}
    for i, entry in enumerate(data["groups"]):
        k = ("groups", i)
        entry = mapping(doc, k, entry, "a group")
        check_keys(doc, k, entry, {"key", "name", "population", "share", "language_family", "where", "sources"},
                   {"gloss", "other_names", "heritage", "festivals", "crafts", "note"})
        key = slug(doc, k + ("key",), entry["key"])
        if key in seen:
            raise doc.error(k + ("key",), f"group '{key}' is already listed at line {seen[key]}")
        seen[key] = doc.line(*k)
        gloss = entry.get("gloss") or {}
        gloss = mapping(doc, k + ("gloss",), gloss, "the common alternative name per language") if gloss else {}
        other = entry.get("other_names") or {}
        other = mapping(doc, k + ("other_names",), other, "names per language") if other else {}
        heritage = []
        for j, item in enumerate(entry.get("heritage") or []):
            hk = k + ("heritage", j)
            item = mapping(doc, hk, item, "a heritage item")
            check_keys(doc, hk, item, {"name", "source"}, {"status", "year"})
            year = item.get("year")
            if year is not None and not isinstance(year, int):
                raise doc.error(hk + ("year",), f"expected a year like 2019, got {year!r}")
            heritage.append(Heritage(
                name=localized(doc, hk + ("name",), item["name"], languages),
                status=localized(doc, hk + ("status",), item["status"], languages) if item.get("status") else None,
                year=year,
                source=cited_source(doc, hk + ("source",), item["source"], store),
            ))
        groups.append(EthnicGroup(
            key=key,
            name=localized(doc, k + ("name",), entry["name"], languages),
            gloss={lang: text(doc, k + ("gloss", lang), gloss[lang]) for lang in languages if lang in gloss},
            other_names={lang: [text(doc, k + ("other_names", lang, n), v) for n, v in enumerate(other.get(lang) or [])]
                         for lang in languages},
            population=reference(doc, k + ("population",), entry["population"], store.figures, "figure", FIGURES_AT),
            share=reference(doc, k + ("share",), entry["share"], store.figures, "figure", FIGURES_AT),
            language_family=localized(doc, k + ("language_family",), entry["language_family"], languages),
            where=localized(doc, k + ("where",), entry["where"], languages),
            heritage=tuple(heritage),
            festivals=tuple(localized_list(doc, k + ("festivals",), entry.get("festivals"), languages)),
            crafts=tuple(localized_list(doc, k + ("crafts",), entry.get("crafts"), languages)),
            note=localized(doc, k + ("note",), entry["note"], languages) if entry.get("note") else None,
            sources=cited_sources(doc, k + ("sources",), entry["sources"], store),
            line=doc.line(*k),
        ))
    return EthnicGroups(tuple(groups), doc.path)


def ranked(groups: EthnicGroups, store: FigureStore) -> list[EthnicGroup]:
    """Largest first, by 2019 population."""
    return sorted(groups.groups, key=lambda g: store.figures[g.population].value, reverse=True)


def _rank(n: int, lang: str) -> str:
    """``đông nhất``, ``đông thứ hai`` … / ``largest``, ``second-largest`` … ``11th-largest``: the
    language's ranks in words where they read naturally, then numbered (the suffix by the language's
    ordinal rules: 1st, 2nd, 3rd, 11th)."""
    t = strings(lang, "ethnic_groups")
    if n <= len(t["ranks"]):
        return t["ranks"][n - 1]
    suffix = t["ordinal_suffixes"].get(Locale.parse(lang).ordinal_form(n), t["ordinal_suffixes"]["other"])
    return t["rank_numbered"].format(n=n, suffix=suffix)


def group_intro(group: EthnicGroup, groups: EthnicGroups, store: FigureStore, lang: str) -> str:
    """The page's first sentence: the people, and their place among the province's groups."""
    t = strings(lang, "ethnic_groups")
    order = ranked(groups, store)
    name = group.name[lang] + (f" ({group.gloss[lang]})" if group.gloss.get(lang) else "")
    if group is order[-1]:
        return t["intro_smallest"].format(name=name)
    return t["intro"].format(name=name, rank=_rank(order.index(group) + 1, lang))


def group_details_markdown(group: EthnicGroup, groups: EthnicGroups, store: FigureStore, lang: str,
                        overview_link: str) -> str:
    """The key-facts box at the foot of a group's page, and the way back to every group."""
    t = strings(lang, "ethnic_groups")
    rows = []
    if group.other_names.get(lang):
        rows.append((t["other_names"], escape(", ".join(group.other_names[lang]))))
    rows.append((t["population"], f"{{{{ fig.{group.population} }}}}"))
    rows.append((t["share"], f"{{{{ fig.{group.share} }}}}"))
    rows.append((t["family"], escape(group.language_family[lang])))
    rows.append((t["where"], escape(group.where[lang])))
    if group.heritage:
        items = []
        for h in group.heritage:
            status = f" ({escape(h.status[lang])}{', ' + str(h.year) if h.year else ''})" if h.status else (
                f" ({h.year})" if h.year else "")
            items.append(f"<li>{escape(h.name[lang])}{status}</li>")
        rows.append((t["heritage"], "<ul>" + "".join(items) + "</ul>"))
    for field, label in (("festivals", t["festivals"]), ("crafts", t["crafts"])):
        values = getattr(group, field)
        if values:
            rows.append((label, "<ul>" + "".join(f"<li>{escape(v[lang])}</li>" for v in values) + "</ul>"))
    if group.note:
        rows.append((t["note"], escape(group.note[lang])))
    return facts_box(t["facts"], rows, group.sources, t["sources"], lang) + f'[{t["back"]}]({overview_link})\n\n'


def group_page_top(group: EthnicGroup, groups: EthnicGroups, store: FigureStore, lang: str) -> str:
    """The generated top of a group's page: its title and the sentence that opens it."""
    return f"# {group.name[lang]}\n\n{group_intro(group, groups, store, lang)}\n\n"


def overview_table_markdown(groups: EthnicGroups, store: FigureStore, lang: str, link_of) -> str:
    """A table of every group, largest first, each linking to its page. Each cell carries its column's
    name (``data-label``) so that narrow screens show every row as a card (site.css, ``db-cards``)."""
    t = strings(lang, "ethnic_groups")
    heads = ("#", t["group"], t["population"], t["share"], t["family"])
    numeric = (' class="db-num"', "", ' class="db-num"', ' class="db-num"', "")
    head = "".join(f'<th scope="col"{num}>{escape(h)}</th>' for h, num in zip(heads, numeric, strict=True))
    rows = []
    for n, group in enumerate(ranked(groups, store), 1):
        cells = (str(n), f"[{group.name[lang]}]({link_of(group)})", f"{{{{ fig.{group.population} }}}}",
                 f"{{{{ fig.{group.share} }}}}", escape(group.language_family[lang]))
        rows.append('<tr markdown="1">' + "".join(
            f'<td data-label="{escape(h)}"{num} markdown="span">{c}</td>'
            for h, num, c in zip(heads, numeric, cells, strict=True)) + "</tr>")
    return ('<table class="db-cards" markdown="1">\n'
            f"<thead><tr>{head}</tr></thead>\n"
            '<tbody markdown="1">\n' + "\n".join(rows) + "\n</tbody>\n</table>\n")


def share_chart_html(groups: EthnicGroups, store: FigureStore, lang: str) -> str:
    """An SVG bar chart of population shares, drawn at build time; the table is its text alternative."""
    t = strings(lang, "ethnic_groups")
    bars = [(g.name[lang], float(store.figures[g.share].value), format_number(store.figures[g.share].value, lang)
             + "%") for g in ranked(groups, store)]
    return bar_chart("ethnic-shares", t["chart_title"], t["chart_desc"], bars)

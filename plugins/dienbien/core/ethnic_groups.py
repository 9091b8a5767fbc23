"""The ethnic groups of ``data/ethnic_groups.yml``: one page per group and language, an
overview table and a chart of population shares, all from the same records.

Rendering produces Markdown with ``{{ fig.KEY }}`` tokens, so every number on these pages
is formatted and cited by the figures machinery like any hand-written figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from .errors import display_path
from .factsbox import facts_box
from .figures import FigureStore, Source, cited_source, cited_sources
from .formatting import format_number
from .schema import check_keys, localized, localized_list, mapping, reference, slug, text
from .svgchart import bar_chart
from .yamlfile import load_yaml

FIGURES_AT = "figures are defined in data/figures/*.yml"

TEXT = {
    "vi": {
        "facts": "Thông tin chính", "other_names": "Tên gọi khác", "population": "Dân số trong tỉnh",
        "share": "Tỷ lệ trong dân số tỉnh", "family": "Ngữ hệ", "where": "Nơi sinh sống",
        "heritage": "Di sản", "festivals": "Lễ hội", "crafts": "Nghề truyền thống", "note": "Lưu ý",
        "sources": "Nguồn của thông tin chính", "group": "Dân tộc", "rank": "Thứ hạng (2019)",
        "intro": "{name} là một trong {count} dân tộc mà trang này liệt kê cho tỉnh Điện Biên, "
                 "{rank} theo Tổng điều tra dân số năm 2019.",
        "chart_title": "Tỷ lệ các dân tộc trong dân số tỉnh Điện Biên (Tổng điều tra 2019)",
        "chart_desc": "Biểu đồ thanh ngang; số liệu đầy đủ có trong bảng các dân tộc trên trang này.",
        "back": "Xem tất cả các dân tộc",
        "basis": "Danh sách các dân tộc trên trang này dựa theo Tổng điều tra dân số năm 2019: đó là các dân tộc "
                 "có từ 86 người trở lên sinh sống trong tỉnh. Chưa có nguồn nào công bố danh sách chính thức "
                 "19 dân tộc của tỉnh; các số liệu trong hộp thông tin chính đều ghi nguồn.",
    },
    "en": {
        "facts": "Key facts", "other_names": "Other names", "population": "Population in the province",
        "share": "Share of the province's population", "family": "Language family", "where": "Where they live",
        "heritage": "Heritage", "festivals": "Festivals", "crafts": "Crafts", "note": "Note",
        "sources": "Sources for the key facts", "group": "Ethnic group", "rank": "Rank (2019)",
        "intro": "The {name} are one of the {count} ethnic groups this site lists for Điện Biên province, "
                 "{rank} in the 2019 census.",
        "chart_title": "Ethnic groups' shares of Điện Biên's population (2019 census)",
        "chart_desc": "Horizontal bar chart; the full figures are in the table of groups on this page.",
        "back": "See all the groups",
        "basis": "The list of groups on this site follows the 2019 census: the groups with 86 or more residents "
                 "in the province. No source has published the province's official list of 19 groups; every "
                 "figure in the key facts above names its source.",
    },
}


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
                   {"other_names", "heritage", "festivals", "crafts", "note"})
        key = slug(doc, k + ("key",), entry["key"])
        if key in seen:
            raise doc.error(k + ("key",), f"group '{key}' is already listed at line {seen[key]}")
        seen[key] = doc.line(*k)
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
    if lang == "vi":
        return "đông nhất" if n == 1 else f"đông thứ {n}"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "the largest" if n == 1 else f"the {n}{suffix} largest"


def group_page_markdown(group: EthnicGroup, groups: EthnicGroups, store: FigureStore, lang: str,
                        overview_link: str) -> str:
    """The generated top of a group's page: title, a sentence, and the key-facts box."""
    t = TEXT[lang]
    rank = ranked(groups, store).index(group) + 1
    intro = t["intro"].format(name=group.name[lang], count=len(groups.groups), rank=_rank(rank, lang))
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
    return (f"# {group.name[lang]}\n\n{intro}\n\n"
            + facts_box(t["facts"], rows, group.sources, t["sources"], lang)
            + f'{t["basis"]} [{t["back"]}]({overview_link})\n\n')


def overview_table_markdown(groups: EthnicGroups, store: FigureStore, lang: str, link_of) -> str:
    """A Markdown table of every group, largest first, each linking to its page."""
    t = TEXT[lang]
    population, share, family = t["population"], t["share"], t["family"]
    lines = [f"| # | {t['group']} | {population} | {share} | {family} |", "|---:|---|---:|---:|---|"]
    for n, group in enumerate(ranked(groups, store), 1):
        lines.append(f"| {n} | [{group.name[lang]}]({link_of(group)}) | {{{{ fig.{group.population} }}}} | "
                     f"{{{{ fig.{group.share} }}}} | {group.language_family[lang]} |")
    return "\n".join(lines) + "\n"


def share_chart_html(groups: EthnicGroups, store: FigureStore, lang: str) -> str:
    """An SVG bar chart of population shares, drawn at build time; the table is its text alternative."""
    t = TEXT[lang]
    bars = [(g.name[lang], float(store.figures[g.share].value), format_number(store.figures[g.share].value, lang)
             + "%") for g in ranked(groups, store)]
    return bar_chart("ethnic-shares", t["chart_title"], t["chart_desc"], bars)

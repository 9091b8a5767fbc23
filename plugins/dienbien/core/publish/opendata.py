"""The site's data as open files: every figure (JSON, CSV), the places (GeoJSON), the events
(JSON, beside the calendar files) and the ethnic groups (JSON, CSV), each with a JSON Schema
published beside it (:mod:`dienbien.core.publish.dataschemas`).

The files are written from the loaded data, the same records the pages are made from, so a
figure in a file and on a page always agree. Texts come in every language whose translation is
complete (a pending language's texts are the default language's, not translations), with the
figure tokens of data texts written out as the pages show them; the words around them (what each
file holds, the licence) are each language's ``opendata`` strings. Records are sorted by key and nothing
depends on the time of the build: two builds of the same data give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from typing import Any

from ..data.dates import PartialDate
from ..data.figures import Figure, FigureStore, Source
from ..data.formatting import format_figure, format_number
from ..data.uistrings import strings
from ..domain.events import ALL_EVENTS, Edition, plain
from ..domain.events import PAGE as EVENTS_PAGE
from ..domain.visiting import Fact, Hours, PlaceVisit, Tickets
from ..site.languages import relative_url
from . import dataschemas
from .sitedata import SiteData

FOLDER = "du-lieu"
LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}


@dataclass(frozen=True)
class DataFile:
    """One published file: where it is, what it holds, its bytes, and its schema's file."""

    path: str  # from the site root: "du-lieu/figures.json"
    what: str  # what it holds, a key of the strings opendata.holds: "figures", "places", "events", "groups"
    records: int
    content: bytes
    schema: str  # the path of the JSON Schema beside it
    media_type: str


# -- common pieces --------------------------------------------------------------------------------

def _number(value: Decimal) -> int | float:
    """A JSON number written as the data writes it: ``310000``, ``15.96``."""
    return int(value) if value == value.to_integral_value() else float(value)


def _number_text(value: Decimal) -> str:
    return json.dumps(_number(value))


def _date(date: PartialDate | None) -> tuple[str | None, str | None]:
    return (date.isoformat(), date.precision) if date else (None, None)


def source_record(source: Source, languages: Sequence[str]) -> dict[str, Any]:
    date, precision = _date(source.date)
    return {"key": source.key,
            "publisher": {lang: source.publisher_in(lang) for lang in languages},
            "title": {lang: source.title[lang] for lang in languages},
            "url": source.url, "date": date, "date_precision": precision}


def _only(value: Mapping[str, str], languages: Sequence[str]) -> dict[str, str]:
    """A data text in the published languages that give it (a pending language's fallback texts are
    not translations, and stay out of the files)."""
    return {lang: value[lang] for lang in languages if lang in value}


def _texts(value: Mapping[str, str] | None, store: FigureStore, languages: Sequence[str]) -> dict[str, str] | None:
    """A data text in every language, its figure tokens written out."""
    return None if value is None else {lang: plain(value[lang], store, lang) for lang in languages}


def _json(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _csv(header: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _head(schema: str, root_url: str, what: dict[str, str], docs: dict[str, str],
          site_names: Mapping[str, str]) -> dict[str, Any]:
    return {"$schema": root_url + schema, "title": what, "licence": LICENCE,
            "attribution": {lang: strings(lang, "opendata")["attribution"].format(site=name)
                            for lang, name in site_names.items()},
            "documentation": docs}


def _schema_file(path: str, schema: dict[str, Any], root_url: str) -> bytes:
    return _json({"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": root_url + path, **schema})


# -- figures -------------------------------------------------------------------------------------

def figure_columns(languages: Sequence[str]) -> tuple[str, ...]:
    """The header of ``figures.csv``: a column per language of each text."""
    return ("key", "value", "unit", "approx",
            *(f"{field}_{lang}" for field in ("label", "period", "text") for lang in languages), "source_key",
            *(f"source_publisher_{lang}" for lang in languages),
            *(f"source_title_{lang}" for lang in languages), "source_url", "source_date", "source_date_precision")


def figure_record(figure: Figure, languages: Sequence[str]) -> dict[str, Any]:
    return {"key": figure.key, "value": _number(figure.value), "unit": figure.unit.key, "approx": figure.approx,
            "label": {lang: figure.label[lang] for lang in languages},
            "period": {lang: figure.period[lang] for lang in languages} if figure.period else None,
            "text": {lang: format_figure(figure, lang) for lang in languages},
            "source": source_record(figure.source, languages)}


def _figure_row(record: dict[str, Any], languages: Sequence[str]) -> list[str]:
    source = record["source"]
    row = [record["key"], json.dumps(record["value"]), record["unit"], record["approx"] or ""]
    for field in ("label", "period", "text"):
        row += [(record[field] or {}).get(lang, "") for lang in languages]
    row += [source["key"], *(source["publisher"][lang] for lang in languages),
            *(source["title"][lang] for lang in languages), source["url"] or "", source["date"] or "",
            source["date_precision"] or ""]
    return row


# -- places --------------------------------------------------------------------------------------

def _fact(fact: Fact, languages: Sequence[str]) -> dict[str, Any]:
    checked, precision = _date(fact.checked)
    return {"text": _only(fact.text, languages), "source": source_record(fact.source, languages), "checked": checked,
            "checked_precision": precision}


def _hours(hours: Hours | None, languages: Sequence[str]) -> dict[str, Any] | None:
    if hours is None:
        return None
    checked, precision = _date(hours.checked)
    return {"periods": [{"days": _only(p.days, languages), "open": f"{p.open:%H:%M}", "close": f"{p.close:%H:%M}"}
                        for p in hours.periods],
            "note": _only(hours.note, languages) if hours.note else None,
            "source": source_record(hours.source, languages), "checked": checked, "checked_precision": precision}


def _tickets(price: Tickets | None, languages: Sequence[str]) -> dict[str, Any] | None:
    if price is None:
        return None
    checked, precision = _date(price.checked)
    return {"tickets": [{"who": _only(t.who, languages), "vnd": _number(t.vnd)} for t in price.tickets],
            "note": _only(price.note, languages) if price.note else None,
            "source": source_record(price.source, languages), "checked": checked, "checked_precision": precision}


def _practical(visit: PlaceVisit | None, languages: Sequence[str]) -> dict[str, Any]:
    visit = visit or PlaceVisit()
    return {"getting_there": [_fact(f, languages) for f in visit.getting_there],
            "hours": _hours(visit.hours, languages), "price": _tickets(visit.price, languages),
            "time_needed": [_fact(f, languages) for f in visit.time_needed],
            "on_site": [_fact(f, languages) for f in visit.on_site]}


# -- the files -----------------------------------------------------------------------------------


def data_files(data: SiteData, addresses: Mapping[str, Mapping[str, str]], root_url: str,
               languages: Sequence[str], docs: dict[str, str], site_names: Mapping[str, str],
               short_url: Callable[[str], str] | None = None) -> list[DataFile]:
    """Every open-data file, schemas included (schemas have no records). ``addresses`` is
    :func:`dienbien.core.site.addresses.page_addresses`; ``root_url`` the production root; ``docs``
    the absolute address of the open-data page and ``site_names`` the site's name in each
    language; ``short_url`` a place's short address on its sign."""
    store = data.store

    def head(schema_path: str, what_key: str) -> dict[str, Any]:
        what = {lang: strings(lang, "opendata")["holds"][what_key] for lang in languages}
        return _head(schema_path, root_url, what, docs, {lang: site_names[lang] for lang in languages})

    def page(key: str) -> dict[str, str]:
        return {lang: root_url + addresses[key][lang] for lang in languages if lang in addresses.get(key, {})}

    files: list[DataFile] = []

    def add(path: str, what_key: str, records: int, document: bytes, schema_name: str, schema: dict[str, Any],
            media_type: str) -> None:
        files.append(DataFile(path, what_key, records, document, schema_name, media_type))
        files.append(DataFile(schema_name, what_key, 0, _schema_file(schema_name, schema, root_url), "",
                              "application/schema+json"))

    figures = [figure_record(store.figures[k], languages) for k in sorted(store.figures)]
    schema = f"{FOLDER}/figures.schema.json"
    add(f"{FOLDER}/figures.json", "figures", len(figures),
        _json({**head(schema, "figures"), "figures": figures}),
        schema, dataschemas.figures(languages), "application/json")
    schema = f"{FOLDER}/figures.csv.schema.json"
    add(f"{FOLDER}/figures.csv", "figures", len(figures),
        _csv(figure_columns(languages), [_figure_row(r, languages) for r in figures]),
        schema, dataschemas.csv_row(figure_columns(languages), dataschemas.figure_csv(languages)), "text/csv")

    if data.places:
        visiting = data.visiting
        features = []
        for place in sorted(data.places.places.values(), key=lambda p: p.key):
            geometry = ({"type": "Point", "coordinates": [place.lon, place.lat]} if place.lat is not None else None)
            features.append({"type": "Feature", "id": place.key, "geometry": geometry, "properties": {
                "key": place.key, "kind": place.kind, "schema_org_type": place.type,
                "name": _only(place.name, languages), "other_names": list(place.other_names),
                "what": _texts(place.what, store, languages), "where": _texts(place.where, store, languages),
                "see": [_texts(s, store, languages) for s in place.see],
                "visit": _texts(place.visit, store, languages),
                "coordinates_source": (source_record(place.coordinates_source, languages)
                                       if place.coordinates_source else None),
                "practical": _practical(visiting.places.get(place.key) if visiting else None, languages),
                "figures": list(place.figures),
                "sources": [source_record(s, languages) for s in place.sources],
                "pages": page(place.page),
                "short_url": short_url(place.key) if short_url else None}})
        schema = f"{FOLDER}/places.schema.json"
        add(f"{FOLDER}/places.geojson", "places", len(features),
            _json({"type": "FeatureCollection", **head(schema, "places"),
                   "features": features}),
            schema, dataschemas.places(languages), "application/geo+json")

    if data.events:
        records = []
        for ev in sorted(data.events.events, key=lambda e: e.key):
            when = ev.when
            records.append({
                "key": ev.key, "type": ev.type, "name": _only(ev.name, languages),
                "what": _texts(ev.what, store, languages), "where": _texts(ev.where, store, languages),
                "when": {"calendar": when.calendar, "months": list(when.months) if when.months else None,
                         "days": list(when.days) if when.days else None, "every": when.every,
                         "text": _texts(when.text, store, languages)},
                "anniversary_of": ev.anniversary_of.isoformat() if ev.anniversary_of else None,
                "place": ev.place, "group": ev.group,
                "editions": [_edition(ed, store, languages) for ed in ev.editions],
                "sources": [source_record(s, languages) for s in ev.sources],
                "pages": {lang: f"{url}#{ev.anchor(lang)}" for lang, url in page(EVENTS_PAGE).items()}})
        schema = "events.schema.json"
        add("events.json", "events", len(records),
            _json({**head(schema, "events"), "checked": data.events.checked.isoformat(),
                   "calendars": {lang: root_url + _language_root(addresses, lang) + ALL_EVENTS
                                 for lang in page(EVENTS_PAGE)},
                   "events": records}),
            schema, dataschemas.events(languages), "application/json")

    if data.groups:
        groups = []
        for group in sorted(data.groups.groups, key=lambda g: g.key):
            population, share = store.figures[group.population], store.figures[group.share]
            groups.append({
                "key": group.key, "name": _only(group.name, languages), "gloss": _only(group.gloss, languages),
                "other_names": {lang: list(group.other_names.get(lang, [])) for lang in languages},
                "population": _figure_ref(population, languages), "share": _figure_ref(share, languages),
                "language_family": _only(group.language_family, languages),
                "where": _texts(group.where, store, languages),
                "heritage": [{"name": _only(h.name, languages),
                              "status": _only(h.status, languages) if h.status else None, "year": h.year,
                              "source": source_record(h.source, languages)} for h in group.heritage],
                "festivals": [_texts(f, store, languages) for f in group.festivals],
                "crafts": [_texts(c, store, languages) for c in group.crafts],
                "note": _texts(group.note, store, languages),
                "sources": [source_record(s, languages) for s in group.sources],
                "pages": page(data.groups.page(group))})
        schema = f"{FOLDER}/ethnic-groups.schema.json"
        add(f"{FOLDER}/ethnic-groups.json", "groups", len(groups),
            _json({**head(schema, "groups"), "groups": groups}),
            schema, dataschemas.groups(languages), "application/json")
        schema = f"{FOLDER}/ethnic-groups.csv.schema.json"
        glossed = [lang for lang in languages if any(lang in g["gloss"] for g in groups)]
        add(f"{FOLDER}/ethnic-groups.csv", "groups", len(groups),
            _csv(group_columns(languages, glossed), [_group_row(g, languages, glossed) for g in groups]),
            schema, dataschemas.csv_row(group_columns(languages, glossed), dataschemas.group_csv(languages)),
            "text/csv")
    return files


def _language_root(addresses: Mapping[str, Mapping[str, str]], lang: str) -> str:
    """``""`` or ``"en/"``: where a language's home page is."""
    return addresses.get("index.md", {}).get(lang, "")


def _edition(ed: Edition, store: FigureStore, languages: Sequence[str]) -> dict[str, Any]:
    return {"start": ed.start.isoformat(), "end": ed.end.isoformat() if ed.end else None,
            "time": f"{ed.time:%H:%M}" if ed.time else None, "part": ed.part,
            "title": _only(ed.title, languages), "venue": _texts(ed.venue, store, languages),
            "note": _texts(ed.note, store, languages),
            "sources": [source_record(s, languages) for s in ed.sources]}


def _figure_ref(figure: Figure, languages: Sequence[str]) -> dict[str, Any]:
    """A figure inside another record: its key (its full record is in the figures file), value and text."""
    return {"figure": figure.key, "value": _number(figure.value), "unit": figure.unit.key,
            "text": {lang: format_figure(figure, lang) for lang in languages}}


def group_columns(languages: Sequence[str], glossed: Sequence[str]) -> tuple[str, ...]:
    """The header of ``ethnic-groups.csv``: a column per language of each text (of the gloss, per
    language any group glosses its name in)."""
    return ("key", *(f"name_{lang}" for lang in languages), *(f"gloss_{lang}" for lang in glossed), "population",
            "population_figure", "share_percent", "share_figure", *(f"language_family_{lang}" for lang in languages),
            *(f"page_{lang}" for lang in languages))


def _group_row(group: dict[str, Any], languages: Sequence[str], glossed: Sequence[str]) -> list[str]:
    return [group["key"], *(group["name"][lang] for lang in languages),
            *(group["gloss"].get(lang, "") for lang in glossed),
            json.dumps(group["population"]["value"]), group["population"]["figure"],
            json.dumps(group["share"]["value"]), group["share"]["figure"],
            *(group["language_family"][lang] for lang in languages),
            *(group["pages"].get(lang, "") for lang in languages)]


# -- the open-data page --------------------------------------------------------------------------


def size_text(size: int, lang: str) -> str:
    """``12,3 kB`` / ``12.3 kB`` (1 kB = 1,000 bytes)."""
    if size < 1000:
        return f"{size} B"
    return f"{format_number(Decimal(size / 1000).quantize(Decimal('0.1')), lang)} kB"


def open_data_html(files: Sequence[DataFile], lang: str, here: str) -> str:
    """The table of files: link, what it holds, records, size and its schema. ``here`` is the
    page's path from the site root."""
    t = strings(lang, "opendata")
    sizes = {f.path: len(f.content) for f in files}
    rows = []
    for f in files:
        if not f.schema:
            continue
        name = f.path.rsplit("/", 1)[-1]
        rows.append(
            f'<tr><td><a href="{escape(relative_url(here, f.path))}"><code>{escape(name)}</code></a></td>'
            f"<td>{escape(t['holds'][f.what])}</td><td>{format_number(Decimal(f.records), lang)}</td>"
            f"<td>{escape(size_text(sizes[f.path], lang))}</td>"
            f'<td><a href="{escape(relative_url(here, f.schema))}">{escape(t["schema"])}</a> '
            f"({escape(size_text(sizes[f.schema], lang))})</td></tr>")
    table = (f'<table class="db-open-data">\n<thead><tr><th>{t["file"]}</th><th>{t["what"]}</th>'
             f'<th>{t["records"]}</th><th>{t["size"]}</th><th>{t["schema"]}</th></tr></thead>\n<tbody>\n'
             + "\n".join(rows) + "\n</tbody>\n</table>\n")
    return table


def licence_html(lang: str) -> str:
    t = strings(lang, "opendata")["licence"]
    return (f'<p class="db-licence"><strong>{escape(t["label"])}:</strong> '
            f'<a href="{escape(t["url"])}" rel="license">{escape(t["name"])}</a></p>\n')


def publishers_html(sources: Sequence[Source], lang: str) -> str:
    """Every publisher the data cites, once, in alphabetical order (for crediting them), folded
    away under a line that says how many there are."""
    names = sorted({s.publisher_in(lang) for s in sources}, key=lambda n: (n.casefold(), n))
    items = "".join(f"<li>{escape(n)}</li>" for n in names)
    show = strings(lang, "opendata")["publishers"].format(n=format_number(Decimal(len(names)), lang))
    return f'<details class="db-publishers"><summary>{escape(show)}</summary><ul>{items}</ul></details>\n'


def cited_sources(data: SiteData) -> list[Source]:
    """Every source a published record cites."""
    found: dict[str, Source] = {}

    def take(*sources: Source | None) -> None:
        for s in sources:
            if s is not None:
                found[s.key] = s

    store = data.store
    take(*(f.source for f in store.figures.values()))
    if data.places:
        for p in data.places.places.values():
            take(*p.sources, p.coordinates_source)
    if data.visiting:
        for visit in data.visiting.places.values():
            for value in (visit.getting_there, visit.time_needed, visit.on_site, (visit.hours,), (visit.price,)):
                take(*(v.source for v in value if v is not None))
    if data.events:
        for ev in data.events.events:
            take(*ev.sources, *(s for ed in ev.editions for s in ed.sources))
    if data.groups:
        for g in data.groups.groups:
            take(*g.sources, *(h.source for h in g.heritage))
    return [found[k] for k in sorted(found)]

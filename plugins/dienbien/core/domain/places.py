"""Relic sites and destinations of ``data/places.yml``: one page each per language, with a
key-facts box from the data and the editor's prose from ``content/<lang>/…`` below it."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from ..data.figures import SOURCES_AT, FigureStore, Source, cited_sources
from ..data.formatting import written_coordinates
from ..data.schema import (
    check_keys,
    choice,
    degrees,
    localized,
    localized_list,
    mapping,
    reference,
    references,
    slug,
    text,
)
from ..data.uistrings import strings
from ..data.yamlfile import load_yaml
from ..errors import display_path
from .factsbox import facts_box
from .visiting import PlaceVisit, plan_rows

KINDS = ("relic", "destination")
#: schema.org types a place may declare (used for structured data).
TYPES = ("TouristAttraction", "LandmarksOrHistoricalBuildings", "Museum", "Cemetery", "PlaceOfWorship",
         "LakeBodyOfWater", "Mountain", "BodyOfWater", "Park")
SECTION = {"relic": "lich-su/di-tich", "destination": "du-lich/diem-den"}


@dataclass(frozen=True)
class Photo:
    """A photo at the top of a place's page: a file under ``content/`` shared by every language."""

    src: str  # "/anh/doi-a1.jpg" is content/anh/doi-a1.jpg
    alt: dict[str, str] | None  # None: decorative
    line: int


@dataclass(frozen=True)
class Place:
    key: str
    kind: str
    type: str
    name: dict[str, str]
    other_names: tuple[str, ...]
    what: dict[str, str]
    where: dict[str, str]
    lat: float | None
    lon: float | None
    coordinates_source: Source | None
    see: tuple[dict[str, str], ...]
    visit: dict[str, str] | None
    figures: tuple[str, ...]
    sources: tuple[Source, ...]
    line: int
    photos: tuple[Photo, ...] = ()

    @property
    def page(self) -> str:
        """The place's page in the content tree, the same in every language."""
        return f"{SECTION[self.kind]}/{self.key}.md"


@dataclass(frozen=True)
class Places:
    places: dict[str, Place]
    path: str


def load_places(path: Path, root: Path, languages: tuple[str, ...], store: FigureStore) -> Places:
    doc = load_yaml(path, display_path(path, root))
    data = mapping(doc, (), doc.data, "the places file")
    check_keys(doc, (), data, {"places"}, set())
    if not isinstance(data["places"], list):
        raise doc.error(("places",), "expected a list of places, each starting with '- key:'")
    places: dict[str, Place] = {}
    for i, entry in enumerate(data["places"]):
        k = ("places", i)
        entry = mapping(doc, k, entry, "a place")
        check_keys(doc, k, entry, {"key", "kind", "type", "name", "what", "where", "sources"},
                   {"other_names", "lat", "lon", "coordinates_source", "see", "visit", "figures", "photos"})
        key = slug(doc, k + ("key",), entry["key"])
        if key in places:
            raise doc.error(k + ("key",), f"place '{key}' is already listed at line {places[key].line}")
        if ("lat" in entry) != ("lon" in entry):
            raise doc.error(k, "give both lat and lon, or neither")
        if ("lat" in entry) != ("coordinates_source" in entry):
            raise doc.error(k, "coordinates need their source: give lat, lon and coordinates_source (a key of "
                               "data/sources/*.yml) together, or none of them")
        other = entry.get("other_names") or []
        if not isinstance(other, list):
            raise doc.error(k + ("other_names",), "expected a list of names")
        places[key] = Place(
            key=key,
            kind=choice(doc, k + ("kind",), entry["kind"], KINDS),
            type=choice(doc, k + ("type",), entry["type"], TYPES),
            name=localized(doc, k + ("name",), entry["name"], languages),
            other_names=tuple(text(doc, k + ("other_names", n), v) for n, v in enumerate(other)),
            what=localized(doc, k + ("what",), entry["what"], languages),
            where=localized(doc, k + ("where",), entry["where"], languages),
            lat=degrees(doc, k + ("lat",), entry["lat"], -90, 90) if "lat" in entry else None,
            lon=degrees(doc, k + ("lon",), entry["lon"], -180, 180) if "lon" in entry else None,
            coordinates_source=(store.sources[reference(doc, k + ("coordinates_source",), entry["coordinates_source"],
                                                        store.sources, "source", SOURCES_AT)]
                                if "coordinates_source" in entry else None),
            see=tuple(localized_list(doc, k + ("see",), entry.get("see"), languages)),
            visit=localized(doc, k + ("visit",), entry["visit"], languages) if entry.get("visit") else None,
            figures=tuple(references(doc, k + ("figures",), entry.get("figures"), store.figures, "figure",
                                     "figures are defined in data/figures/*.yml")),
            sources=cited_sources(doc, k + ("sources",), entry["sources"], store),
            line=doc.line(*k),
            photos=_photos(doc, k + ("photos",), entry["photos"], root, languages) if "photos" in entry else (),
        )
    return Places(places, doc.path)


def _photos(doc, key: tuple, value, root: Path, languages: tuple[str, ...]) -> tuple[Photo, ...]:
    """``photos:``, a list of photos (the browser editor writes one as a list of one)."""
    if not isinstance(value, list):
        raise doc.error(key, "expected a list of photos, each starting with '- src:'",
                        "write photos:, then on the next line '  - src: /anh/…' and its alt")
    return tuple(_photo(doc, key + (n,), item, root, languages) for n, item in enumerate(value))


def _photo(doc, key: tuple, value, root: Path, languages: tuple[str, ...]) -> Photo:
    entry = mapping(doc, key, value, "a photo: src and alt")
    check_keys(doc, key, entry, {"src"}, {"alt", "decorative"})
    src = text(doc, key + ("src",), entry["src"])
    if not src.startswith("/"):
        raise doc.error(key + ("src",), f"write the photo's path from the content folder, starting with /: "
                                        f"'/anh/{src.rsplit('/', 1)[-1]}' for content/anh/{src.rsplit('/', 1)[-1]}")
    decorative = entry.get("decorative") is True
    if decorative and "alt" in entry:
        raise doc.error(key, "a decorative photo has no alt text; remove 'decorative: true' if it carries "
                             "information, or remove the alt")
    if not decorative and "alt" not in entry:
        raise doc.error(key, "the photo needs alt text in every language, alt: {vi: …, en: …}, saying what it "
                             "shows; a purely decorative photo is marked 'decorative: true'")
    alt = None if decorative else localized(doc, key + ("alt",), entry["alt"], languages)
    if not (root / "content" / src.lstrip("/")).is_file():
        raise doc.error(key + ("src",), f"there is no file content{src}; check the name and the folder")
    return Photo(src, alt, doc.line(*key))


def place_page_top(place: Place, lang: str) -> str:
    """The generated top of a place's page: its title and photos."""
    shown = ""
    for photo in place.photos:
        alt = photo.alt[lang].replace("[", "(").replace("]", ")") if photo.alt else ""
        shown += f"![{alt}]({photo.src})" + ("{ .decorative }" if photo.alt is None else "") + "\n\n"
    return f"# {place.name[lang]}\n\n" + shown


def plan_markdown(place: Place, visit: PlaceVisit | None, lang: str) -> str:
    """"Plan your visit": where the place is, then every practical fact the data has for it."""
    t, v = strings(lang, "places"), strings(lang, "visiting")
    rows = [(v["where"], escape(place.where[lang]) + _coordinates_html(place, lang)), *plan_rows(visit, lang)]
    if place.visit:
        rows.append((v["visit"], escape(place.visit[lang])))
    items = "\n".join(f"<dt>{escape(label)}</dt><dd>{value}</dd>" for label, value in rows)
    return f"## {t['plan']}\n\n<dl class=\"db-plan\">\n{items}\n</dl>\n\n"


def _coordinates_html(place: Place, lang: str) -> str:
    if place.lat is None:
        return ""
    lat, lon = f"{place.lat:.5f}", f"{place.lon:.5f}"
    shown = written_coordinates(place.lat, place.lon, lang)
    return (f'<br><span class="db-coordinates">{escape(strings(lang, "places")["coordinates"])}: '
            f'<a href="geo:{lat},{lon}">{escape(shown)}</a> · '
            f'<a href="https://www.openstreetmap.org/?mlat={lat}&amp;mlon={lon}#map=15/{lat}/{lon}" '
            f'rel="noopener">{escape(strings(lang, "places")["osm"])}</a></span>')


def place_details_markdown(place: Place, store: FigureStore, lang: str) -> str:
    """The key-facts box at the foot of a place's page: what it is, other names, what you will see,
    its figures, and the sources of all of these."""
    t = strings(lang, "places")
    rows = [(t["what"], escape(place.what[lang]))]
    if place.other_names:
        rows.append((t["other_names"], escape(", ".join(place.other_names))))
    if place.see:
        rows.append((t["see"], "<ul>" + "".join(f"<li>{escape(s[lang])}</li>" for s in place.see) + "</ul>"))
    if place.figures:
        items = "".join(f"<li>{escape(store.figures[f].label[lang])}: {{{{ fig.{f} }}}}</li>" for f in place.figures)
        rows.append((t["figures"], f"<ul>{items}</ul>"))
    sources = place.sources + ((place.coordinates_source,) if place.coordinates_source
                               and place.coordinates_source not in place.sources else ())
    return facts_box(t["facts"], rows, sources, t["sources"], lang)


def places_list_markdown(places: Places, kind: str, lang: str, link_of) -> str:
    """Every place of one kind, as links with one line each: new places appear by themselves."""
    items = [f"- [{p.name[lang]}]({link_of(p)}): {p.what[lang]}" for p in places.places.values() if p.kind == kind]
    return f"**{strings(lang, 'places')['list_heading'][kind]}:**\n\n" + "\n".join(items) + "\n"

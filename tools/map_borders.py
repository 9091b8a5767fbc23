"""Write ``data/map-borders.json``: the national borders around Điện Biên for the province map.

Reads Natural Earth's 1:10m countries (public domain) as packaged by the npm ``world-atlas``
package (``tools/package-lock.json`` pins it; ``npm ci --prefix tools`` installs it), keeps
Vietnam, Laos and China, clips them to the map's frame (``data/map.yml``: ``frame``) and
writes their outlines with five decimals. The build never reads world-atlas itself: the
small JSON it writes is committed, so a build needs no network and no Node.

    .venv/bin/python tools/map_borders.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
ATLAS = ROOT / "tools/node_modules/world-atlas"
COUNTRIES = {"704": "VN", "418": "LA", "156": "CN"}  # ISO 3166-1 numeric → alpha-2


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantized, delta-encoded arcs as longitude/latitude points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc[1:] if points else arc)
    return points


def clip(polygon: list[tuple[float, float]], west: float, south: float, east: float, north: float):
    """Sutherland–Hodgman clipping of one ring to a longitude/latitude rectangle."""
    edges = [(0, west, True), (0, east, False), (1, south, True), (1, north, False)]
    for axis, limit, keep_above in edges:
        if not polygon:
            break
        def inside(p, axis=axis, limit=limit, keep_above=keep_above) -> bool:
            return p[axis] >= limit if keep_above else p[axis] <= limit

        out = []
        for i, current in enumerate(polygon):
            previous = polygon[i - 1]
            if inside(current) != inside(previous):
                t = (limit - previous[axis]) / (current[axis] - previous[axis])
                cut = [previous[0] + t * (current[0] - previous[0]), previous[1] + t * (current[1] - previous[1])]
                cut[axis] = limit
                out.append(tuple(cut))
            if inside(current):
                out.append(current)
        polygon = out
    return polygon


def main() -> int:
    source = ATLAS / "countries-10m.json"
    if not source.is_file():
        print(f"{source} is missing: run `npm ci --prefix tools` first", file=sys.stderr)
        return 1
    frame = yaml.safe_load((ROOT / "data/map.yml").read_text(encoding="utf-8"))["frame"]
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    version = json.loads((ATLAS / "package.json").read_text(encoding="utf-8"))["version"]
    countries = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = COUNTRIES.get(geometry.get("id"))
        if code is None:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = []
        for polygon in polygons:
            clipped = clip(ring(polygon[0], arcs), frame["west"], frame["south"], frame["east"], frame["north"])
            if len(clipped) >= 3:
                rings.append([[round(lon, 5), round(lat, 5)] for lon, lat in clipped])
        countries[code] = rings
    out = {
        "source": f"Natural Earth 1:10m admin 0 countries (public domain), npm world-atlas {version}",
        "frame": frame,
        "countries": countries,
    }
    target = ROOT / "data/map-borders.json"
    target.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}: " + ", ".join(f"{c} {sum(map(len, r))} points"
                                                          for c, r in countries.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

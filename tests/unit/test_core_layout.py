"""The core is plain Python in a few named rooms: it imports without MkDocs or Material, no folder
holds more than twelve modules side by side, and a room imports only from the rooms below it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "plugins/dienbien/core"
#: The rooms from the bottom up: each may import from those before it, never from those after.
ORDER = ["data", "media", "markdown", "domain", "site", "publish"]


def test_every_core_module_imports_with_mkdocs_and_material_unimportable():
    script = (
        "import sys, importlib, pkgutil\n"
        "for name in ('mkdocs', 'material', 'properdocs'):\n"
        "    sys.modules[name] = None  # any import of them now raises ImportError\n"
        "import dienbien.core as core\n"
        "names = [m.name for m in pkgutil.walk_packages(core.__path__, 'dienbien.core.')]\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "print(len(names))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 45


def test_no_folder_of_the_core_holds_more_than_twelve_modules():
    for folder in [CORE, *(p for p in CORE.iterdir() if p.is_dir() and p.name != "__pycache__")]:
        entries = [p for p in folder.iterdir() if p.name != "__pycache__" and p.name != "__init__.py"
                   and (p.suffix == ".py" or p.is_dir())]
        assert len(entries) <= 12, (folder.name, sorted(p.name for p in entries))
    assert sorted(p.name for p in CORE.iterdir() if p.is_dir() and p.name != "__pycache__") == sorted(ORDER)


def test_rooms_import_only_from_the_rooms_below():
    for room in ORDER:
        for module in (CORE / room).glob("*.py"):
            tree = ast.parse(module.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.level == 2 and node.module:
                    other = node.module.split(".")[0]
                    if other in ORDER:
                        assert ORDER.index(other) < ORDER.index(room), f"{room}/{module.name} imports {node.module}"

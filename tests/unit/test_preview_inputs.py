"""What a rebuild of the preview redoes (buildtools/inputs.py), and the mirror of another language's
output (buildtools/mirror.py), on real files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dienbien.buildtools.inputs import ALL, NONE, PAGES, compare, outline, plan, take
from dienbien.buildtools.mirror import mirror

PAGE = "---\nslug: history\n---\n\n# History\n\nA paragraph.\n"


@pytest.mark.parametrize("edited", [
    PAGE + "\nAnother paragraph.\n",
    PAGE.replace("A paragraph.", "A longer paragraph."),
    PAGE.replace("A paragraph.", "A paragraph.\n\n## A new section\n"),
])
def test_an_edit_of_the_text_alone_keeps_the_outline(edited):
    assert outline(edited) == outline(PAGE)


@pytest.mark.parametrize("edited", [
    PAGE.replace("slug: history", "slug: past"),  # the address, in every menu and language link
    PAGE.replace("---\n\n", "translation: pending\n---\n\n"),
    PAGE.replace("# History", "# Our history"),  # the title, in the menus
    PAGE.replace("A paragraph.", "<h1>Another title</h1>"),
    "History\n=======\n\nA paragraph.\n",
])
def test_the_front_matter_or_a_title_changes_the_outline(edited):
    assert outline(edited) != outline(PAGE)


def test_without_front_matter_the_first_paragraph_counts_for_metadata():
    page = "title: History\n\nA paragraph.\n"
    assert outline(page.replace("History", "Past")) != outline(page)
    assert outline(page.replace("A paragraph.", "Another.")) == outline(page)
    underlined = "History\n=======\n\nText.\n"
    assert outline(underlined.replace("History\n", "Past\n")) != outline(underlined)


class Project:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.tick = 1_700_000_000_000_000_000
        for path, text in {"content/vi/a.md": "# A\n\nMột.\n", "content/en/a.md": "# A\n\nOne.\n",
                           "content/vi/b.md": "---\ntranslation: pending\n---\n# B\n\nHai.\n",
                           "content/anh/photo.jpg": "jpeg", "data/figures.yml": "x: 1\n",
                           "site_src/main.html": "{{ page.content }}", "mkdocs.yml": "site_name: x\n"}.items():
            self.write(path, text)
        self.watched = [root / "content", root / "data", root / "site_src", root / "mkdocs.yml"]
        self.snapshot = take(self.watched)

    def write(self, path: str, text: str) -> None:
        file = self.root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
        self.tick += 10_000_000
        os.utime(file, ns=(self.tick, self.tick))

    def append(self, path: str, text: str) -> None:
        self.write(path, (self.root / path).read_text(encoding="utf-8") + text)

    def plans(self) -> dict[str, str]:
        after = take(self.watched, self.snapshot)
        found = plan(compare(self.snapshot, after, self.root / "content", ("vi", "en")), after,
                     self.root / "content", ("vi", "en"))
        self.snapshot = after
        return found


@pytest.fixture
def project(tmp_path) -> Project:
    return Project(tmp_path)


def test_nothing_changed_nothing_to_redo(project):
    assert project.plans() == {"vi": NONE, "en": NONE}


def test_a_pages_text_is_rendered_again_in_its_language_only(project):
    project.append("content/vi/a.md", "\nMột đoạn nữa.\n")
    assert project.plans() == {"vi": PAGES, "en": NONE}
    project.append("content/en/a.md", "\nOne more paragraph.\n")
    assert project.plans() == {"vi": NONE, "en": PAGES}


def test_a_page_the_other_language_lacks_is_rendered_again_there_too(project):
    """content/vi/b.md shows in English while its translation is pending."""
    project.append("content/vi/b.md", "\nMột đoạn nữa.\n")
    assert project.plans() == {"vi": PAGES, "en": PAGES}


@pytest.mark.parametrize("change", [
    lambda p: p.write("data/figures.yml", "x: 2\n"),
    lambda p: p.write("site_src/main.html", "{{ page.content }}<footer></footer>"),
    lambda p: p.write("mkdocs.yml", "site_name: y\n"),
    lambda p: p.write("content/anh/photo.jpg", "another jpeg"),
    lambda p: p.write("content/vi/c.md", "# C\n"),  # a new page: every menu
    lambda p: (p.root / "content/en/a.md").unlink(),
    lambda p: p.write("content/vi/a.md", "# A mới\n\nMột.\n"),  # a new title: every menu
    lambda p: p.write("content/en/a.md", "---\nslug: a-new-word\n---\n# A\n\nOne.\n"),  # a new address
], ids=["data", "template", "mkdocs.yml", "photo", "new page", "removed page", "title", "address"])
def test_anything_else_rebuilds_every_language(project, change):
    change(project)
    assert project.plans() == {"vi": ALL, "en": ALL}


def test_an_editors_swap_and_backup_files_are_not_inputs(project):
    project.write("content/vi/.a.md.swp", "swap")
    project.write("content/vi/a.md~", "backup")
    assert project.plans() == {"vi": NONE, "en": NONE}


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file()}


def test_the_mirror_holds_the_sources_files_and_follows_their_changes(tmp_path):
    source, target = tmp_path / "out", tmp_path / "site/en"
    for path, text in {"index.html": "home", "history/index.html": "history", "pages.json": "[]",
                       "old/index.html": "old"}.items():
        (source / path).parent.mkdir(parents=True, exist_ok=True)
        (source / path).write_text(text, encoding="utf-8")
    target.mkdir(parents=True)
    (target / "stale.html").write_text("stale", encoding="utf-8")
    mirror(source, target, leave_out=("pages.json",))
    assert tree(target) == {"index.html": "home", "history/index.html": "history", "old/index.html": "old"}

    (source / "history/index.html").write_text("history, rewritten in place", encoding="utf-8")
    replaced = source / "new.html"
    replaced.write_text("written beside", encoding="utf-8")
    os.replace(replaced, source / "index.html")  # a file written whole and renamed over the old one
    (source / "old/index.html").unlink()
    (source / "old").rmdir()
    mirror(source, target, leave_out=("pages.json",))
    assert tree(target) == {"index.html": "written beside", "history/index.html": "history, rewritten in place"}
    assert not (target / "old").exists()


def test_a_failed_build_is_made_good_at_the_next_rebuild(project):
    from dienbien.i18n.preview import Preview

    preview = Preview(("vi", "en"), "vi", project.root / "content")
    assert preview.plan(project.watched) == {"vi": ALL, "en": ALL}
    preview.built("vi")  # the English build failed after emptying its output: it is built in full again
    assert preview.plan(project.watched) == {"vi": NONE, "en": ALL}
    preview.built("en")
    assert preview.plan(project.watched) == {"vi": NONE, "en": NONE}

    project.append("content/en/a.md", "\nOne more paragraph.\n")
    assert preview.plan(project.watched) == {"vi": NONE, "en": PAGES}
    # that build failed (or never ran): the next one renders again what it did not get to, though
    # nothing changed since
    assert preview.plan(project.watched) == {"vi": NONE, "en": PAGES}
    preview.built("en")
    assert preview.plan(project.watched) == {"vi": NONE, "en": NONE}

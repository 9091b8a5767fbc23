"""`make check`: the editor's report lists what must be fixed first, with the build's own rules,
never a traceback, and fails only on what must be fixed."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

import pytest

from sitebuild import ROOT, copy_project

pytestmark = pytest.mark.slow

CHECK = [sys.executable, str(ROOT / "tools/check.py")]


def check(*args: str, project=None) -> subprocess.CompletedProcess:
    command = [*CHECK, *args] + (["--root", str(project)] if project else [])
    with tempfile.TemporaryDirectory() as cache:  # photos and cards: never into the checkout's .cache/
        env = dict(os.environ, DIENBIEN_MESSAGES="vi+en", NO_MKDOCS_2_WARNING="1", DIENBIEN_CACHE_DIR=cache)
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)


def test_the_site_as_it_is_has_nothing_to_fix_and_a_short_ranked_report():
    result = check()  # with the build: the site as it is builds, and no page is too thin
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "CẦN SỬA · MUST FIX (0)" in out
    assert out.index("MUST FIX") < out.index("IMPORTANT FOR VISITORS") < out.index("REVIEW") < out.index("SUMMARY")
    assert len([line for line in out.splitlines() if line.startswith("  - ")]) <= 20  # the rest is counted
    assert "nguồn cũ" in out.split("SUMMARY")[1]  # old sources are a count in the summary, one line


def test_missing_translation_and_missing_alt_must_be_fixed(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "content/vi/lich-su/moi.md").write_text("# Mới\n\n![](anh/a.jpg)\n", encoding="utf-8")
    pending = project / "content/vi/lich-su/cho-dich.md"
    pending.write_text("---\ntranslation: pending\n---\n# Chờ dịch\n", encoding="utf-8")
    result = check("--fast", "--all", project=project)
    assert result.returncode == 1
    assert "content/vi/lich-su/moi.md: no 'en' version" in result.stdout
    assert "content/vi/lich-su/moi.md: chưa có bản 'en'" in result.stdout
    assert "content/vi/lich-su/moi.md:3: image anh/a.jpg has no alt text" in result.stdout
    assert "content/vi/lich-su/moi.md:3: ảnh anh/a.jpg chưa có chú thích (alt)" in result.stdout
    assert "content/vi/lich-su/cho-dich.md: translation into 'en' is pending" in result.stdout


def test_every_rule_the_build_applies_to_markdown_is_in_the_report(tmp_path):
    """The rules the build (or the tests) apply to an editor's page, broken all at once: the report
    lists each at its line (the build itself would stop at the first)."""
    project = copy_project(tmp_path / "p")
    page = project / "content/vi/du-lich/index.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("description:", "descripton:", 1)
    text = text.replace("{{ fig.tourism_visits_2018 }}", "{{ fig.tourism_visit_2018 }}", 1)
    text += ('\n<img src="/anh/hoa-ban.jpg" alt="Hoa ban">\n\n![](/anh/hoa-ban.jpg)\n\n'
             "![Hoa ban](/anh/hoa-ban.jpg){ .decorative }\n\n![Hoa ban](anh/khong-co.jpg)\n")
    text = text.replace("# Du lịch và hoa ban\n", "# Du lịch và hoa ban\n\nKhoảng 4.500 ha.\n", 1)  # not in ## Nguồn
    page.write_text(text, encoding="utf-8")
    lines = text.splitlines()

    def at(needle: str) -> str:
        return f"content/vi/du-lich/index.md:{max(i for i, line in enumerate(lines, 1) if needle in line)}: "

    result = check("--fast", "--all", project=project)
    out = result.stdout
    assert result.returncode == 1, out + result.stderr
    assert "Traceback" not in out + result.stderr
    for needle, message in [
        ("descripton:", "descripton: unknown field; did you mean 'description'?"),
        ("{{ fig.tourism_visit_2018 }}", "unknown figure key 'tourism_visit_2018'"),
        ("<img src", '<img src="/anh/hoa-ban.jpg"> is not processed for phones'),
        ("![](/anh/hoa-ban.jpg)", "image /anh/hoa-ban.jpg has no alt text"),
        ("{ .decorative }", "image /anh/hoa-ban.jpg is marked decorative but has alt text"),
        ("khong-co.jpg", "image 'anh/khong-co.jpg' does not exist"),
        ("4.500 ha", "'4.500 ha' is a statistic typed into the page"),
    ]:
        assert at(needle) + message in out, (needle, out)
    assert out.index("MUST FIX") < out.index(at("descripton:")) < out.index("IMPORTANT FOR VISITORS")


def test_what_only_the_build_finds_is_in_the_report_too(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "content/vi/chuyen-di/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{{ block.months }}", "{{ block.month }}"),
                    encoding="utf-8")
    lines = page.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "block.month }}" in text)
    result = check(project=project)
    assert result.returncode == 1
    assert f"content/vi/chuyen-di/index.md:{line}: không có khối 'month'" in result.stdout
    assert f"content/vi/chuyen-di/index.md:{line}: unknown block 'month'" in result.stdout


def test_a_yaml_typo_gives_file_line_and_what_to_do_without_a_traceback(tmp_path):
    project = copy_project(tmp_path / "p")
    events = project / "data/events.yml"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("    type: Festival\n", "    type Festival\n", 1), encoding="utf-8")
    line = next(i for i, t in enumerate(events.read_text(encoding="utf-8").splitlines(), 1) if t == "    type Festival")
    result = check("--fast", project=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert f"data/events.yml:{line}: lỗi cú pháp YAML: thiếu dấu ':' sau 'type'; viết 'type: ' rồi đến giá trị" \
        in result.stdout
    assert f"data/events.yml:{line}: YAML syntax error: no ':' after 'type'" in result.stdout

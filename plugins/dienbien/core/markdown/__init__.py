"""Editors' Markdown: figure tokens, front matter, links, anchors, the editorial checks."""

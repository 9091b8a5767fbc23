"""Pictures made at build time: photos for weak networks, social cards, SVG charts."""

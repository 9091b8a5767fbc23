"""The site's structure: pages in each language and their addresses, the menu, the sitemap,
offline reading, schema.org data."""

"""Everything in data/ loaded together, and what the site publishes from it beyond pages: open data,
QR signs, the browser editor's configuration."""

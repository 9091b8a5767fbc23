"""What the site is about, as data: ethnic groups, places, the 1954 campaign, festivals, trip planning,
practical facts, charts and maps."""

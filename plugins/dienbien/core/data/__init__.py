"""Reading data/: YAML with the line of every value, the shared field checks, figures and sources,
and writing numbers and dates for each language."""

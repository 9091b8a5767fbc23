"""Domain core: data files, figures, languages. Plain Python, no MkDocs imports."""

"""The bilingual Điện Biên site: a framework-free core and thin MkDocs adapters.

``dienbien.core`` never imports MkDocs; ``dienbien.i18n`` and ``dienbien.figures``
are the MkDocs plugins that call it.
"""

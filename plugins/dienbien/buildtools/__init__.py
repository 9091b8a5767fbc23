"""The MkDocs- and Material-specific side of the build: a work folder per build beside site/, reading
another build process's log, the guarded patches of Material's script. No MkDocs imports here either,
but nothing in the core needs them."""

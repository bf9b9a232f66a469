"""Build hooks for the Latvian Roma Platform site.

Each module holds one concern as plain functions; `plugin.py` is the only module that knows
about MkDocs events, so the logic can move to another engine without rewriting it.
"""

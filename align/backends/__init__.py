"""Embedding backends.  Each module imports its heavy dependency lazily."""

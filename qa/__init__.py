"""Quality checks, scoring, export and the ``zhen`` command line."""

__version__ = "0.1.0"

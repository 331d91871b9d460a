"""``zhen review OUTDIR``: start the review app, or (``-o``) export the review done in it."""

from __future__ import annotations

from pathlib import Path

import click

from align.formats.unit import DEFAULT_LANGS, Languages


def review_folder(outdir: Path, out: Path | None, *, drop_pending: bool, port: int,
                  open_browser: bool, profile: Path | None, glossary: Path | None,
                  langs: Languages = DEFAULT_LANGS) -> None:
    if out is None:
        from .server import serve

        serve(outdir, port=port, open_browser=open_browser, profile=profile, glossary=glossary,
              langs=langs)
        return
    from .export import export_review
    from .store import ReviewStore

    store = ReviewStore.open(outdir, check_run=False)
    try:
        click.echo(export_review(store, out, drop_pending=drop_pending, langs=langs))
    finally:
        store.close()

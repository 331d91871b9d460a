"""The labelled corpus (94 real pairs with injected errors) as a translation memory.

Shared by the tests that run a memory in chunks or in Dask partitions and hold the
outputs equal to those of one run: the same pairs again at the end (a TM repeats
units, far apart, so the document-wide checks see pairs from different chunks and
partitions), written as a TSV or as a TMX with two bad units.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "qa-labelled"


def corpus_pairs(first: int | None = None) -> list[tuple[str, str]]:
    """The corpus pairs (the ``first`` ones only, if given), then pairs 10–15 again."""
    zh = (CORPUS / "zh.txt").read_text(encoding="utf-8").splitlines()
    en = (CORPUS / "en.txt").read_text(encoding="utf-8").splitlines()
    pairs = [(z.strip(), e.strip()) for z, e in zip(zh, en, strict=True)]
    return pairs[:first] + pairs[10:16]


def write_tsv(path: Path, limit: int) -> Path:
    """The first ``limit`` pairs as a zh/en TSV (no unit ids)."""
    body = "".join(f"{zh}\t{en}\n" for zh, en in corpus_pairs()[:limit])
    path.write_text("zh\ten\n" + body, encoding="utf-8")
    return path


def write_tmx(path: Path, first: int | None = None) -> Path:
    """Every pair of :func:`corpus_pairs` as a TMX unit ``u0``, ``u1``…, with a unit in no
    wanted language (``bad-lang``) and one with empty segments (``bad-empty``) among them."""
    units = [f'<tu tuid="u{i}"><tuv xml:lang="zh-CN"><seg>{escape(zh)}</seg></tuv>'
             f'<tuv xml:lang="en-US"><seg>{escape(en)}</seg></tuv></tu>'
             for i, (zh, en) in enumerate(corpus_pairs(first))]
    units.insert(5, '<tu tuid="bad-lang"><tuv xml:lang="de-DE"><seg>Hallo</seg></tuv>'
                    '<tuv xml:lang="fr-FR"><seg>Bonjour</seg></tuv></tu>')
    units.insert(min(40, len(units) - 3), '<tu tuid="bad-empty"><tuv xml:lang="zh-CN"><seg> </seg></tuv>'
                     '<tuv xml:lang="en-US"><seg></seg></tuv></tu>')
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header '
                    'creationtool="test" creationtoolversion="1" segtype="sentence" '
                    'o-tmf="none" adminlang="en" srclang="zh-CN" datatype="plaintext"/>'
                    "<body>" + "\n".join(units) + "</body></tmx>\n", encoding="utf-8")
    return path

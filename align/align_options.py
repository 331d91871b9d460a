"""The aligner's bead types, window size and tunable options, in one place.

Every stage of the search (windows, band, features, scores) reads these, so
they live apart from the stages to keep the imports one way.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from align.errors import InputError

#: bead types (zh count, en count) searched in the final pass
BEAD_TYPES: tuple[tuple[int, int], ...] = (
    (1, 1),
    (1, 0),
    (0, 1),
    (1, 2),
    (2, 1),
    (2, 2),
    (1, 3),
    (3, 1),
    (1, 4),
    (4, 1),
    (2, 3),
    (3, 2),
    (1, 5),
    (5, 1),
    (1, 6),
    (6, 1),
    (2, 4),
    (3, 3),
    (4, 2),
)
MAX_WINDOW = 6



@dataclass(frozen=True)
class AlignOptions:
    """Score weights (tuned on MAC-Dev by coordinate ascent) and search limits."""

    w_sim: float = 1.0  # margin-normalised cosine
    margin: float = 1.0  # how much of the neighbour mean is subtracted
    top_k: int = 4  # neighbours in the margin
    w_len: float = 0.05  # Gaussian log-ratio length prior
    len_ratio: float = 3.25  # en chars per zh char
    len_sigma: float = 0.25
    w_lex_en: float = 0.3  # share of English content stems glossed on the zh side
    w_lex_zh: float = 0.1  # share of zh gloss stems found on the en side
    lex_idf: float = 1.0  # 0: every gloss match counts 1; 1: weighted by idf
    w_anchor: float = 0.15  # shared numbers / Latin tokens
    w_anchor_miss: float = 0.1  # zh numbers / Latin tokens missing on the en side
    w_quote: float = 0.03  # quote / title count mismatch
    w_quote_xor: float = 0.05  # quotes on one side only
    len_doc: float = 0.25  # 0: fixed len_ratio; 1: this document's own ratio
    w_para: float = 0.1  # bead crossing a paragraph boundary
    w_heading: float = 0.3  # heading merged with other sentences
    w_inner_quote: float = 0.098  # non-last en sentence of a bead closes a quote
    w_inner_open_zh: float = 0.5  # non-first zh sentence of a bead opens a quote
    merge: float = 0.105  # cost per extra English sentence in a bead
    merge_zh: float = 0.21  # cost per extra Chinese sentence in a bead
    many_many: float = 0.03  # extra cost when both sides have several sentences
    w_neighbour: float = 0.42  # a sentence just outside the bead matches its other side
    neighbour_slack: float = 0.05  # how far a neighbour may out-match the bead for free
    skip: float = -0.5  # score of a 1-0 or 0-1 bead
    # halves of a zh sentence cut at a clause mark match the en split
    # (align.clause_evidence).  The floor is applied when the band is built
    # (place_band), the weight only when beads are scored, so bench/align_tune.py
    # can sweep w_clause over one precomputed band but not clause_floor.
    w_clause: float = 1.0
    clause_floor: float = 0.3  # least weaker-half cosine that counts
    band: int = 12  # half width of the final band around the anchor path
    full_cells: int = 4_000_000  # below this many DP cells, search the whole matrix
    # a bead's confidence is its posterior over all paths, p(path) ∝
    # exp(score / T) (align.lattice); T fitted on MAC-Dev by
    # bench/align_confidence.py --fit
    conf_temperature: float = 0.075


def options_from(options: dict) -> AlignOptions:
    """AlignOptions from NAME=VALUE overrides; an unknown name is an InputError."""
    names = {f.name for f in fields(AlignOptions)}
    unknown = sorted(set(options) - names)
    if unknown:
        raise InputError(f"unknown alignment option(s): {', '.join(unknown)}")
    return AlignOptions(**options)

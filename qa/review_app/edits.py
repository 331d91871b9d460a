"""Alignment edits and English fixes, as pure functions on :class:`ReviewPair`.

Each returns new beads; the store saves them in one transaction and has the
checks of the changed beads run again.  A changed bead loses its aligner
confidence and quality estimate (they were about the old bead) and goes back
to *pending*: the reviewer has to look at it again.
"""

from __future__ import annotations

from dataclasses import replace

from .beads import ReviewPair, Sentence


class EditError(ValueError):
    """An edit that cannot be made; the message is shown to the reviewer."""


def _refuse_tags(*beads: ReviewPair) -> None:
    for b in beads:
        if b.has_tags:
            raise EditError(f"pair {b.id} holds inline tags from a CAT tool; edit it there "
                            "(moving text here would misplace the tags)")


def _changed(bead: ReviewPair, **fields) -> ReviewPair:
    return replace(bead, score=None, qe=None, decision="pending", version=bead.version + 1,
                   **fields)


def merge(first: ReviewPair, second: ReviewPair) -> ReviewPair:
    """``first`` and the bead after it as one bead (keeps ``first``'s id)."""
    _refuse_tags(first, second)
    comment = "\n".join(c for c in (first.comment, second.comment) if c)
    return _changed(first, zh=first.zh + second.zh, en=first.en + second.en, comment=comment,
                    heading=first.heading and second.heading)


def split(bead: ReviewPair, zh_at: int, en_at: int, new_id: int) -> tuple[ReviewPair, ReviewPair]:
    """Cut ``bead`` after its first ``zh_at`` Chinese and ``en_at`` English sentences."""
    _refuse_tags(bead)
    if not (0 <= zh_at <= len(bead.zh) and 0 <= en_at <= len(bead.en)):
        raise EditError(f"pair {bead.id} has {len(bead.zh)} Chinese and {len(bead.en)} English "
                        f"sentences; cannot split after {zh_at} and {en_at}")
    if zh_at + en_at == 0 or zh_at + en_at == len(bead.zh) + len(bead.en):
        raise EditError("a split must leave at least one sentence on each side of the cut")
    first = _changed(bead, zh=bead.zh[:zh_at], en=bead.en[:en_at])
    second = ReviewPair(id=new_id, zh=bead.zh[zh_at:], en=bead.en[en_at:], para=bead.para)
    return first, second


def move(bead: ReviewPair, neighbour: ReviewPair, side: str,
         to: str) -> tuple[ReviewPair, ReviewPair]:
    """Move the boundary sentence of ``side`` to the neighbouring bead.

    ``to="next"``: the last sentence of ``bead`` becomes the first of the
    next bead; ``to="prev"``: the first becomes the last of the previous one.
    Returns (bead, neighbour) changed; ``bead`` may be left empty (the store
    then removes it).
    """
    _refuse_tags(bead, neighbour)
    if side not in ("zh", "en") or to not in ("prev", "next"):
        raise EditError("move needs side zh or en and to prev or next")
    mine: tuple[Sentence, ...] = getattr(bead, side)
    theirs: tuple[Sentence, ...] = getattr(neighbour, side)
    if not mine:
        raise EditError(f"pair {bead.id} has no {'Chinese' if side == 'zh' else 'English'} "
                        "sentence to move")
    if to == "next":
        mine, theirs = mine[:-1], mine[-1:] + theirs
    else:
        mine, theirs = mine[1:], theirs + mine[:1]
    return _changed(bead, **{side: mine}), _changed(neighbour, **{side: theirs})


def fix_english(bead: ReviewPair, text: str) -> tuple[Sentence, ...]:
    """The reviewer's English as sentences (whitespace between sentences becomes one space).

    Segment ids stay with their sentences when the count of sentences is
    unchanged; otherwise the first sentence carries all of them (the bead
    still covers the same document segments).
    """
    from align.segment import segment_en

    if bead.en_codes:
        raise EditError(f"pair {bead.id} holds inline tags from a CAT tool; fix its English there")
    pieces = [s.text for s in segment_en(text)]
    if len(pieces) == len(bead.en):
        return tuple(Sentence(t, old.ids) for t, old in zip(pieces, bead.en))
    ids = bead.en_ids
    return tuple(Sentence(t, ids if n == 0 else ()) for n, t in enumerate(pieces))

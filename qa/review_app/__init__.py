"""``zhen review OUTDIR``: review a ``zhen check`` run in the browser.

A local web app (standard library only: ``http.server`` on 127.0.0.1 and
``sqlite3``) where a reviewer goes flag by flag, accepts, fixes or rejects
pairs, marks false alarms, corrects the alignment, and exports the final TMX.

* :mod:`.beads` — a pair as the review sees it: sentences per side, decision.
* :mod:`.edits` — alignment edits (merge, split, move a sentence) and English fixes.
* :mod:`.store` — ``OUTDIR/review.sqlite``: import of the run, one transaction per change.
* :mod:`.recheck` — the checks of the changed pairs run again.
* :mod:`.api` — the JSON API; :mod:`.server` — HTTP, the token, security headers.
* :mod:`.export` — the reviewed pairs written with the review applied (``zhen export``).
* :mod:`.memory` — dismissed flags not raised again by later ``zhen check`` runs.
"""

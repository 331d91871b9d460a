"""English variants that flip one meaning feature of a clause, by general rules (issue 15).

Why: ``bench/contrast_probe.py`` asks whether a sentence encoder can tell which of an
English clause and its flipped variant says what the Chinese says, without recognising the
Chinese construction.  The variants come from general English grammar and the project's
own tables, never from the probes' wording:

- polarity: remove a clause's negation (auxiliary + not, n't, never, no, without, fail to,
  refuse to, unable to, lack, un-/non- prefixes) or, when it has none, add one (after the
  first auxiliary or modal, or "did not"/"does not" before a finite verb);
- direction: each up/down cue of ``qa/data/directions.tsv`` (``EnglishCues``) replaced by its
  WordNet antonyms (``qa/antonyms.py``) that the same table lists with the other direction;
- time: the closed class of English ordering words (first/second half, beginning/end,
  early/late, since/by, last/next, before/after, past/next, until/from);
- modality: the English modals and their periphrases (must/shall/required to ↔ may/can,
  must not/may not ↔ may, encouraged ↔ required).

A bench module only: nothing in ``qa`` imports it.
"""

from __future__ import annotations

import re
from functools import cache

from qa import lexicons as lx

#: auxiliaries and modals after which "not" goes
_AUX = ("is are was were has have had will would can could should shall may might must "
        "does do did need").split()
_AUX_RE = re.compile(r"\b(" + "|".join(_AUX) + r")\b(?!\s+not\b)", re.IGNORECASE)
_AUX_NOT = re.compile(r"\b(" + "|".join(_AUX) + r")\s+not\b(\s+\w+)?", re.IGNORECASE)
_CONTRACTED = {"isn't": "is", "aren't": "are", "wasn't": "was", "weren't": "were", "hasn't": "has",
               "haven't": "have", "hadn't": "had", "won't": "will", "wouldn't": "would",
               "can't": "can", "cannot": "can", "couldn't": "could", "shouldn't": "should",
               "mustn't": "must", "doesn't": "does", "don't": "do", "didn't": "did"}
_CONTRACTED_RE = re.compile(r"\b(" + "|".join(re.escape(k) for k in _CONTRACTED) + r")",
                            re.IGNORECASE)
#: negation words and their positive counterparts (phrase → replacement), general English
_NEGATORS = [
    (r"\bnot yet\b", "already"), (r"\bno longer\b", "still"), (r"\bnever\b", "always"),
    (r"\bwithout\b", "with"), (r"\bnone of\b", "all of"), (r"\bneither\b", "both"),
    (r"\bnor\b", "and"), (r"\bno\b", ""), (r"\bnot\b", ""),
    (r"\b(fail(s|ed)?|refuse[sd]?)\s+to\b", None), (r"\bunable to\b", "able to"),
    (r"\black(s|ed|ing)?\b", None), (r"\b(has|have|had|is|are|was|were) yet to (be|\w+)\b", None),
]
_NEGATORS = [(re.compile(p, re.IGNORECASE), r) for p, r in _NEGATORS]
_PREFIXED = re.compile(r"\b(un|non-?)([a-z]{4,})\b", re.IGNORECASE)
#: positive words that take a negative counterpart when a clause has no negation
_POSITIVES = [(re.compile(r"\balready\b", re.IGNORECASE), "not yet"),
              (re.compile(r"\bstill\b", re.IGNORECASE), "no longer"),
              (re.compile(r"\bwith\b", re.IGNORECASE), "without")]
_NEGATION_PRESENT = re.compile(
    r"\b(not|no|never|none|nor|neither|without|cannot|fail(s|ed)?|refuse(s|d)?|unable|lack(s|ed)?|yet to)\b"
    r"|n't\b", re.IGNORECASE)

_TIME_SWAPS = {
    "first": ["second", "last"], "second": ["first"], "beginning": ["end"], "start": ["end"],
    "end": ["beginning"], "early": ["late"], "late": ["early"], "earlier": ["later"],
    "later": ["earlier"], "since": ["by", "until"], "by the": ["since the"], "until": ["from", "since"],
    "from": ["until"], "last": ["next"], "next": ["last"], "previous": ["next"],
    "past": ["next"], "before": ["after"], "after": ["before"], "prior to": ["after"],
    "as of": ["since"], "up to": ["since"], "mid": ["end"], "middle": ["end"], "ago": ["from now"],
    "following": ["previous"], "upcoming": ["past"], "within": ["after"],
}
_TIME_RE = re.compile(r"\b(" + "|".join(sorted((re.escape(k) for k in _TIME_SWAPS), key=len, reverse=True))
                      + r")\b", re.IGNORECASE)

_MODAL_SWAPS = [
    (r"\b(must|shall|should|may|can|could|might|will) not\b", ["may", "must"]),
    (r"\bcannot\b", ["may", "must"]),
    (r"\b(is|are|be|was|were) (required|obliged|obligated) to\b", [r"\1 allowed to", r"\1 encouraged to"]),
    (r"\b(is|are|be|was|were) (allowed|permitted|encouraged|advised) to\b", [r"\1 required to"]),
    (r"\b(has|have|need|needs) to\b", ["may"]),
    (r"\b(must|shall)\b", ["may", "can"]),
    (r"\bshould\b", ["may", "must"]),
    (r"\b(may|can|could|might)\b", ["must"]),
    (r"\b(in principle|where possible|if possible|where appropriate|as appropriate|generally)\b,?\s*", [""]),
    (r"\b(without exception|in all cases|in every case)\b", ["in principle"]),
    (r"\b(try|tries|strive|strives) to\b", ["must"]),
]
_MODAL_SWAPS = [(re.compile(p, re.IGNORECASE), r) for p, r in _MODAL_SWAPS]


def _tidy(text: str) -> str:
    return re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()


def _sub_at(text: str, m: re.Match, new: str) -> str:
    """``text`` with the match replaced by ``new``, its capital kept."""
    if new and m.group(0)[:1].isupper():
        new = new[0].upper() + new[1:]
    return _tidy(text[:m.start()] + new + text[m.end():])


@cache
def _irregular_past() -> dict[str, str]:
    from qa.english_verb_forms import irregular_verbs

    table = irregular_verbs()
    past: dict[str, str] = {}
    for form, base in table.base_of.items():
        if form not in table.participles:  # the simple past ("rose"), not "risen"
            past.setdefault(base, form)
    return past


@cache
def _base(word: str) -> str | None:
    """The base verb of a finite past or -s form ("reached" → "reach"), or None."""
    from qa.checks.fragments import _stems, verb_bases
    from qa.english_verb_forms import irregular_verbs

    low = word.lower()
    if low in irregular_verbs().base_of:
        return irregular_verbs().base_of[low]
    if not (low.endswith("ed") or (low.endswith("s") and not low.endswith(("ss", "us", "is")))):
        return None
    for s in _stems(low)[1:]:
        if s in verb_bases():
            return s
    return None


def _past(base: str) -> str:
    irr = _irregular_past().get(base)
    if irr:
        return irr
    if base.endswith("e"):
        return base + "d"
    if re.search(r"[^aeiou]y$", base):
        return base[:-1] + "ied"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", base):  # drop → dropped
        return base + base[-1] + "ed"
    return base + "ed"


def _third(base: str) -> str:
    if re.search(r"[^aeiou]y$", base):
        return base[:-1] + "ies"
    return base + ("es" if base.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")


def _ing(base: str) -> str:
    return (base[:-1] if base.endswith("e") and not base.endswith("ee") else base) + "ing"


def inflect_like(surface: str, target: str) -> str:
    """``target`` (a base form) in the inflection ``surface`` shows (-ed, -s, -ing, bare)."""
    low = surface.lower()
    if " " in target or " " in low:
        return target
    base = _base(low)
    if low.endswith("ing"):
        return _ing(target)
    if base is not None and (low.endswith("ed") or low != base and not low.endswith("s")):
        return _past(target)
    if base is not None and low.endswith("s"):
        return _third(target)
    if low.endswith("er") and not target.endswith("er"):
        from align.english import comparatives

        forms = comparatives(target)
        return forms[-1] if forms else target
    return target


def _remove_negation(text: str) -> list[str]:
    out: list[str] = []
    for m in _AUX_NOT.finditer(text):
        aux, verb = m.group(1).lower(), (m.group(2) or "").strip()
        if aux in ("do", "does", "did") and verb:
            from qa.checks.fragments import verb_bases

            if verb.lower() in verb_bases():
                form = {"did": _past, "does": _third}.get(aux, lambda b: b)(verb.lower())
                out.append(_sub_at(text, m, form))
                continue
        out.append(_sub_at(text, m, m.group(0)[:m.end(1) - m.start()] + (m.group(2) or "")))
    for m in _CONTRACTED_RE.finditer(text):
        out.append(_sub_at(text, m, _CONTRACTED[m.group(1).lower()]))
    for pattern, repl in _NEGATORS:
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in _covered(text)):
                continue
            word = m.group(0).lower()
            if repl is None and " yet to " in word:
                aux, verb = m.group(1), m.group(2)
                participle = "been" if verb.lower() == "be" else _past(verb.lower())
                new = f"{aux} already {participle}"
            elif repl is None and word.startswith(("fail", "refuse")):
                new = "managed to" if word.startswith("fail") else "agreed to"
                if not re.search(r"ed\s+to$", word):
                    new = new.replace("managed", "manage").replace("agreed", "agree")
            elif repl is None:  # lack → have
                new = {"lacks": "has", "lacked": "had", "lacking": "having"}.get(word, "have")
            else:
                new = repl
            out.append(_sub_at(text, m, new))
    for m in _PREFIXED.finditer(text):
        rest = m.group(2)
        if _known(rest.lower()):
            out.append(_sub_at(text, m, rest))
    return out


def _covered(text: str) -> list[tuple[int, int]]:
    """Spans the auxiliary rule already handles ("did not", "is not"): "not" there is not re-read."""
    return [(m.start(), m.end()) for m in _AUX_NOT.finditer(text)]


@cache
def _known(word: str) -> bool:
    """An English word of the project's lexicon ("un" + a known word is its negation)."""
    from qa.english_lexicon import is_known

    return is_known(word)


def _add_negation(text: str) -> list[str]:
    out: list[str] = []
    m = _AUX_RE.search(text)
    if m:
        out.append(_tidy(text[:m.end()] + " not" + text[m.end():]))
    else:
        from qa.checks.fragments import _NOT_BEFORE_VERB

        toks = list(re.finditer(r"[A-Za-z]+", text))
        for i, t in enumerate(toks):
            word = t.group(0)
            prev = toks[i - 1].group(0).lower() if i else ""
            base = _base(word)
            if i and base and prev not in _NOT_BEFORE_VERB and not word[0].isupper():
                aux = "does not" if word.lower().endswith("s") and word.lower() != base else "did not"
                out.append(_tidy(text[:t.start()] + f"{aux} {base}" + text[t.end():]))
                break
    for pattern, repl in _POSITIVES:
        for m2 in pattern.finditer(text):
            out.append(_sub_at(text, m2, repl))
    return out


def polarity_variants(text: str) -> list[str]:
    """The clause with its negation removed, or (with none) added."""
    if _NEGATION_PRESENT.search(text):
        return _remove_negation(text)
    return _add_negation(text)


@cache
def _direction_cues():
    from qa.direction_glosses import english_direction_cues

    return english_direction_cues()


@cache
def _opposites(cue: str, label: str) -> tuple[str, ...]:
    """WordNet antonyms of ``cue`` that the direction table reads as the other direction."""
    from align.english import comparatives
    from qa.antonyms import antonyms

    other = {"up": "down", "down": "up"}[label]
    found: list[str] = []
    for a in antonyms(cue):
        forms = [a.antonym] + (list(comparatives(a.antonym)[1:]) if cue.endswith("er") else [])
        for form in forms:
            hits = _direction_cues().find(form)
            if (hits and hits[0].label == other and hits[0].text.lower() == form.lower()
                    and not form.endswith(("ing", "ed"))):
                found.append(form)
    strong = [w for w in found if _direction_cues().find(w)[0].strength == "strong"]
    return tuple(dict.fromkeys(strong + found))[:3]


def direction_variants(text: str) -> list[str]:
    """The clause with one up/down word replaced by an opposite one."""
    out: list[str] = []
    for h in _direction_cues().find(text):
        if h.label not in ("up", "down"):
            continue
        surface = h.text
        base = _base(surface) or surface.lower()
        opposites = _opposites(base, h.label) or _opposites(lx.lemma(surface), h.label)
        for opp in opposites:
            new = inflect_like(surface, opp)
            out.append(_tidy(text[:h.start] + new + text[h.end:]))
        if not opposites and " " in surface:  # a phrase ("higher than"): its first word
            first = surface.split()[0]
            for opp in _opposites(_base(first) or first.lower(), h.label):
                new = inflect_like(first, opp) + surface[len(first):]
                out.append(_tidy(text[:h.start] + new + text[h.end:]))
    return out


def time_variants(text: str) -> list[str]:
    out: list[str] = []
    for m in _TIME_RE.finditer(text):
        for new in _TIME_SWAPS[m.group(1).lower()]:
            out.append(_sub_at(text, m, new))
    return out


def modality_variants(text: str) -> list[str]:
    out: list[str] = []
    taken: list[tuple[int, int]] = []
    for pattern, repls in _MODAL_SWAPS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            for r in repls:
                out.append(_sub_at(text, m, m.expand(r)))
    return out


VARIANTS = {"polarity": polarity_variants, "direction": direction_variants,
            "modality": modality_variants, "time": time_variants}


def variants(text: str, feature: str) -> list[str]:
    """Distinct variants of ``text`` under ``feature``'s rules (the text itself left out)."""
    return [v for v in dict.fromkeys(VARIANTS[feature](text)) if v and v != text.strip()]

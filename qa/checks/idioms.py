"""idiom-literal: idioms and set phrases translated character by character.

A literal rendering shows itself in the English: the glosses of the
expression's *parts* turn up side by side ("water control in Kowloon" for
九龙治水 = 九龙 Kowloon + 治 to control + 水 water) while none of the accepted
renderings of the *whole* does.  Parts are CC-CEDICT longest-match words;
accepted renderings come from the curated set-phrase table and from CEDICT's
own gloss of the whole expression.

Which Chinese spans are expressions: entries of the xinhua 成语 list, CEDICT
idioms, the curated table — and any short quoted term,
since quotes mark coined or figurative phrases.  Quoted terms that no lexicon
knows are flagged only on the strongest evidence (a proper noun such as
"Kowloon" produced from ordinary characters), because many coined policy terms
("second growth curve") are correctly translated word for word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from align.model import Pair
from align.script import HAN_CLASS
from align.zh_words import pos_words
from qa import lexicons as lx
from qa import literal as lr
from qa.checks.fragments import is_base_verb
from qa.model import Check, Context, Flag

_QUOTED = re.compile(f"[“\"「『]([{HAN_CLASS}，,、]{{2,12}})[”\"」』]")
_ARTICLES = frozenset({"a", "an", "the"})


@dataclass(frozen=True)
class Expression:
    text: str
    start: int
    end: int
    source: str  # "curated" | "lexicon" | "quoted"


@dataclass(frozen=True)
class LiteralRendering:
    expression: Expression
    en_span: tuple[int, int]
    parts: tuple[tuple[str, str], ...]  # (Chinese part, English word it became)
    meaning: str
    suggestion: str | None
    simile: bool = False  # introduced by "like", "as if"…: the image kept on purpose


@lru_cache(maxsize=1)
def _lexicon_keys() -> frozenset[str]:
    """Punctuation-free keys of every listed idiom (xinhua 成语, CEDICT idioms).

    jieba's 'i' tag was tried and dropped: it marks plain compounds such as
    数据共享 as idioms, which made the check flag ordinary literal prose.
    """
    keys = set(lx.chengyu())
    for word, entries in lx.cedict().entries.items():
        if len(word) >= 3 and any(e.is_idiom for e in entries):
            keys.add(word)
    return frozenset(lx.strip_zh_punct(k)[0] for k in keys)


def is_listed_idiom(expr: str) -> bool:
    """Whether ``expr`` is a 成语 of the idiom lists (xinhua 成语, CC-CEDICT idioms), not a term.

    Curated modern set phrases (抓手, 牛鼻子, 千行百业) and quoted coinages are *terms*: their
    literal rendering is also a ``literal-term`` mistranslation.
    """
    return lx.strip_zh_punct(expr)[0] in _lexicon_keys()


def stripped_keys(set_phrases: dict[str, lx.SetPhrase]) -> dict[str, str]:
    """The table's keys by their punctuation-free form (工欲善其事必先利其器 → 工欲善其事，必先利其器).
    Do not change the dict returned: it is kept for the next pair."""
    return _stripped_keys(tuple(set_phrases))


@lru_cache(maxsize=8)  # per table: it was rebuilt for every pair, twice
def _stripped_keys(keys: tuple[str, ...]) -> dict[str, str]:
    return {lx.strip_zh_punct(k)[0]: k for k in keys}


@lru_cache(maxsize=8)
def _openings(curated: tuple[str, ...]) -> frozenset[str]:
    """The first two characters of every expression :func:`find_expressions` can find there."""
    return frozenset(k[:2] for k in (*curated, *_lexicon_keys()) if len(k) >= 2)


def find_expressions(zh: str, set_phrases: dict[str, lx.SetPhrase]) -> list[Expression]:
    """Idioms, curated set phrases and quoted terms in ``zh``; nested ones dropped."""
    stripped, where = lx.strip_zh_punct(zh)
    curated = stripped_keys(set_phrases)
    lexicon = _lexicon_keys()
    openings = _openings(tuple(curated))
    found: list[Expression] = []
    longest = max([len(k) for k in curated] + [12])
    for i in range(len(stripped)):
        if stripped[i:i + 2] not in openings:
            continue  # no listed expression begins with these two characters
        for n in range(min(longest, len(stripped) - i), 1, -1):
            key = stripped[i:i + n]
            if key in curated:
                source = "curated"
            elif n >= 3 and key in lexicon:
                source = "lexicon"
            else:
                continue
            found.append(Expression(curated.get(key, key), where[i], where[i + n - 1] + 1, source))
            break
    for m in _QUOTED.finditer(zh):
        found.append(Expression(m.group(1), m.start(1), m.end(1), "quoted"))
    rank = {"curated": 0, "lexicon": 1, "quoted": 2}
    found.sort(key=lambda e: (e.start, -(e.end - e.start), rank[e.source]))
    kept: list[Expression] = []
    for e in found:
        if any(k.start <= e.start and e.end <= k.end for k in kept):
            continue
        kept.append(e)
    return kept


def _lemma_seq(text: str) -> list[str]:
    return [t.lemma for t in lx.tokenize_en(text) if t.lemma not in _ARTICLES]


def _find_seq(needle: list[str], hay: list[str]) -> int:
    n = len(needle)
    for i in range(len(hay) - n + 1):
        if hay[i:i + n] == needle:
            return i
    return -1


def _rendering_present(rendering: str, en_lemmas: list[str]) -> bool:
    seq = _lemma_seq(rendering)
    return bool(seq) and _find_seq(seq, en_lemmas) >= 0


def _rendering_spans(rendering: str, tokens: list[lx.Token]) -> list[tuple[int, int]]:
    """Token index ranges [i, j) where ``rendering`` occurs as a lemma sequence (articles skipped)."""
    seq = _lemma_seq(rendering)
    if not seq:
        return []
    idx = [k for k, t in enumerate(tokens) if t.lemma not in _ARTICLES]
    lemmas = [tokens[k].lemma for k in idx]
    n = len(seq)
    return [(idx[i], idx[i + n - 1] + 1) for i in range(len(lemmas) - n + 1) if lemmas[i:i + n] == seq]


#: a conjunction and the word after it: "and move faster to address …" opens a predicate of its own
_COORDINATOR = re.compile(r"\b(?:and|or|but)\s+([a-z]+)\b")


def _clause_of(text: str, pos: int) -> tuple[int, int]:
    """Character bounds of the clause containing ``pos``: between , ; : . ! ? and dashes, and
    between two coordinated predicates ("focus on the short boards in rural care | and move faster
    to address shortfalls"), where a conjunction comes before a verb's base form
    (``fragments.is_base_verb``).  A Chinese sentence's next clause (加快补齐…弱项) is often
    joined so, and its words ('shortfalls' for 弱项) render none of the clause before."""
    stops = ",;:.!?—"
    left = max((text.rfind(c, 0, pos) for c in stops), default=-1) + 1
    rights = [k for k in (text.find(c, pos) for c in stops) if k >= 0]
    right = min(rights) if rights else len(text)
    for m in _COORDINATOR.finditer(text, left, right):
        if not is_base_verb(m.group(1)):
            continue
        if m.start() < pos:
            left = m.start()
        else:
            return left, m.start()
    return left, right


def _rendered(phrase: lx.SetPhrase, tokens: list[lx.Token], text: str, accounted: frozenset[str],
              cue: tuple[int, int] | None) -> bool:
    """Whether an accepted rendering of ``phrase`` is really there.

    It must not be explained by another source word, and when a literal cue was
    found it must sit in the cue's own clause without being part of the cue:
    literal phrasing outweighs a rendering met elsewhere in the sentence.
    """
    clause = _clause_of(text, cue[0]) if cue else None
    for r in phrase.renderings:
        for i, j in _rendering_spans(r, tokens):
            content = {t.lemma for t in tokens[i:j] if t.text.lower() not in lx.STOPWORDS}
            if content and content <= accounted:
                continue
            if cue is not None:
                start, end = tokens[i].start, tokens[j - 1].end
                if not (clause[0] <= start and end <= clause[1]):
                    continue
                if start < cue[1] and cue[0] < end:
                    continue
            return True
    return False


def cue_span(phrase: lx.SetPhrase | None, tokens: list[lx.Token],
             accounted: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """Character span covering every curated literal cue found in the English.

    A cue all of whose content words other words of the Chinese gloss (``accounted``:
    'sheep' beside 肉羊 'mutton sheep' and 羊群 'flock of sheep' when the sentence is about
    sheep farming) is the topic of the sentence, not the expression's image: it is no cue
    there, so the rendering found elsewhere ("the bellwether of poverty alleviation") counts.
    A cue with a word of its own ('lead sheep') still counts.
    """
    if not phrase or not phrase.literal_cues:
        return None
    lem: list[lx.Token] = []
    compound: list[lx.Token] = []  # the whole (hyphenated) token each of ``lem`` comes from
    for t in tokens:
        if t.lemma in _ARTICLES:
            continue
        pieces = lr.split_hyphens([t]) if "-" in t.text else (t,)
        lem += pieces
        compound += [t] * len(pieces)
    cue: tuple[int, int] | None = None
    for text_cue in phrase.literal_cues:
        words = _cue_words(text_cue)
        if not words or accounted and set(lx.content_lemmas(text_cue)) <= accounted:
            continue
        at = _find_cue(words, lem)
        if at >= 0:
            # a cue inside a hyphenated compound makes the whole compound the image ("neck-choking"):
            # its other words are the image's, not a rendering of the meaning met beside it
            found = (compound[at].start, compound[at + len(words) - 1].end)
            cue = found if cue is None else (min(cue[0], found[0]), max(cue[1], found[1]))
    return cue


@lru_cache(maxsize=4096)
def _cue_words(text_cue: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """A literal cue's words: each lemma, and for a modifier (a word before the cue's last) the
    comparative and superlative forms it may take ("hard bone": "harder", "hardest")."""
    words = [t for t in lx.tokenize_en(text_cue) if t.lemma not in _ARTICLES]
    return tuple((t.lemma, _degree_forms(t.text.lower()) if k < len(words) - 1 else frozenset())
                 for k, t in enumerate(words))


def _find_cue(cue: tuple[tuple[str, frozenset[str]], ...], tokens: list[lx.Token]) -> int:
    """Where the words of a literal cue stand in a row in ``tokens``, each by its lemma or one of its
    degree forms ("the hardest bone" for the cue "hard bone": degree changes nothing of the image);
    -1 when they do not."""
    n = len(cue)
    first, forms = cue[0]
    for i in range(len(tokens) - n + 1):
        t = tokens[i]
        if t.lemma != first and not (forms and t.text.lower() in forms):
            continue  # the cheap test first: most words are not the cue's first
        if all(t.lemma == lemma or more and t.text.lower() in more
               for t, (lemma, more) in zip(tokens[i + 1:i + n], cue[1:])):
            return i
    return -1


@lru_cache(maxsize=4096)
def _degree_forms(adjective: str) -> frozenset[str]:
    """The comparative and superlative forms an adjective may take ("hard" → "harder", "hardest")."""
    forms = set(lx.comparatives(adjective))
    forms |= {f[:-2] + "est" if f.endswith("er") else f for f in forms if f != adjective}
    forms.discard("more")
    forms.discard("less")
    return frozenset(forms)


def detect_literal(pair_zh: str, pair_en: str,
                   set_phrases: dict[str, lx.SetPhrase]) -> list[LiteralRendering]:
    """Every expression in ``pair_zh`` whose English in ``pair_en`` is a character-by-character rendering."""
    tokens = lx.tokenize_en(pair_en)
    en_lemmas = [t.lemma for t in tokens if t.lemma not in _ARTICLES]
    en_set = set(en_lemmas)
    curated = stripped_keys(set_phrases)
    out: list[LiteralRendering] = []
    for expr in find_expressions(pair_zh, set_phrases):
        key = lx.strip_zh_punct(expr.text)[0]
        phrase = set_phrases[curated[key]] if key in curated else None
        whole = lr.whole_glosses(expr.text)
        accounted = lr.accounted_lemmas(pair_zh, expr.start, expr.end)
        cue = cue_span(phrase, tokens, accounted)
        if phrase and _rendered(phrase, tokens, pair_en, accounted, cue):
            continue
        if cue is None and any(lr.gloss_present(g, en_set) for g in whole):
            continue
        if phrase is None and compositional(key):
            continue  # 艰苦奋斗 "to struggle arduously": its parts' words are its sense
        meaning = (phrase.meaning if phrase and phrase.meaning else
                   lx.strip_gloss(whole[0]) if whole else "")
        suggestion_text = (phrase.renderings[0] if phrase and phrase.renderings else
                           lx.strip_gloss(whole[0]) if whole else None)
        known = bool(phrase and phrase.renderings) or bool(whole)
        found = _literal_evidence(expr, phrase, tokens, pair_en, known,
                                  _meaning_words(phrase, _sense_glosses(key)), accounted)
        if found is None:
            continue
        span, part_words, start = found
        out.append(LiteralRendering(expr, span, part_words, meaning, suggestion_text,
                                    _simile_before(pair_en, start)))
    return out


_FIG = re.compile(r"^\(?fig\.\)?\s*")


@lru_cache(maxsize=4096)
def compositional(key: str) -> bool:
    """Whether one of the first two CC-CEDICT senses of the expression says nothing but its parts:
    艰苦奋斗 "to struggle arduously" (奋斗 'struggle', 艰苦 'arduous'), 有所不同 "to differ to some
    extent", 实事求是 "to seek truth from facts".  Rendered by its parts, such an expression is
    rendered by its meaning, so a literal rendering is no error (Baker 2011 §3.2: the idiom whose
    sense is the sum of its words is not opaque).  九龙治水 ("fragmented management"), 画蛇添足
    ("to ruin the effect by adding sth superfluous") say more than their characters."""
    parts = [lemma for p in lr.parts_of(key, with_characters=True) for lemma in p.lemmas]
    for gloss in _sense_glosses(key)[:2]:
        words = lx.content_lemmas(lx.strip_gloss(gloss))
        # one word when of one stem: "arduous" of "arduously", "differ" of "different"
        if words and all(any(lx.same_stem(w, p) for p in parts) for w in words):
            return True
    return False


def _sense_glosses(key: str) -> list[str]:
    """The CC-CEDICT glosses of an expression that give its sense, not its image.

    When an entry marks a figurative sense, the glosses before it describe the
    image ('amidst the clouds and mist', then '(fig.) mystified' for 云里雾里;
    'a fish that escaped the net' for 漏网之鱼): only the figurative one and those
    after it are the sense.  A gloss marked 'lit.' is the image wherever it stands
    ('lit. green hills and clear waters' of 青山绿水).  Entries without either mark
    count whole.
    """
    out: list[str] = []
    for e in lx.cedict().get(key):
        glosses = [part.strip() for g in e.glosses if not lx.SKIP_GLOSS.match(g)
                   for part in g.split(";")]
        first_fig = next((k for k, g in enumerate(glosses) if _FIG.match(g)), 0)
        out += [_FIG.sub("", g) for g in glosses[first_fig:] if not g.startswith("lit.")]
    return out


def _meaning_words(phrase: lx.SetPhrase | None, whole: list[str]) -> frozenset[str]:
    """Content words of what the expression *means*: its CC-CEDICT glosses, curated meaning and renderings.

    A part rendered by one of these words is the sense, not the image: 业 of
    千行百业 as "industries", 规矩 of 不以规矩不成方圆 as "rules", 网 and 管 of
    一网统管 in "one network for unified city management".
    """
    def words(texts: Iterable[str]) -> set[str]:
        return {w for t in texts for w in lx.content_lemmas(lx.strip_gloss(t))}

    if not phrase:
        return frozenset(words(whole))
    # a curated literal cue names words that betray the image ('core', 'soul' of 缺芯少魂 in
    # "lacking cores and souls") even when an accepted rendering uses them ("core chips"),
    # unless the meaning itself is put in those words ('industries' of 千行百业)
    meaning = words([phrase.meaning])
    image = words(phrase.literal_cues) - meaning
    return frozenset((words(whole) | meaning | words(phrase.renderings)) - image)


#: a simile marker with the rest of its clause after it (no clause punctuation): "like a
#: gigantic ship breaking through strong winds" compares by the whole phrase it opens; "like" as
#: a verb ("we would like", "I like") marks nothing
_SIMILE = re.compile(r"(?<!\bwould )(?<!'d )(?<!\bI )(?<!\bwe )(?<!\byou )(?<!\bthey )"
                     r"\b(?:like|as if|as though|akin to)\s+[^,;:.!?—“”\"]*$", re.IGNORECASE)
#: how far before the literal words a simile marker may stand
_SIMILE_REACH = 60


def _simile_before(text: str, start: int) -> bool:
    """Whether the literal words follow "like", "as if", "as though" or "akin to" in their clause
    ("like a gigantic ship breaking through strong winds and heavy waves" for 长风破浪).

    A translator who writes "will become even more like water without a source"
    keeps the image as an explicit comparison (Newmark's image-plus-marker
    procedure): readable, if less idiomatic than the sense.  Such a rendering is
    still flagged, as minor.
    """
    return bool(_SIMILE.search(text[max(0, start - _SIMILE_REACH):start]))


def _idiom_shaped(expr: str) -> bool:
    """A quoted term that reads like a 成语, not a name or title.

    Four characters, containing a verb, and no place/person/organisation name
    by jieba's tags: 九龙治水 (九龙/nz 治水/v) qualifies; 澳门啤酒 (澳门/ns),
    上海映像 (上海/ns) and 中国香港 are names translated correctly word for word.
    """
    if len(lx.HAN.findall(expr)) != 4:
        return False
    flags = [f for _, f in pos_words(expr)]
    return any(f.startswith("v") for f in flags) and not any(f in ("ns", "nr", "nt") for f in flags)


#: English prepositions: a character glossed by one (往 "towards", 继 "after") is rendered by it in
#: any sentence that goes somewhere, so the word is no evidence of a literal rendering
_PREPOSITIONS = frozenset("""about above across after against along amid among around at before behind
below beneath beside between beyond by down during except for from in inside into near of off on
onto out outside over per since through throughout till to toward towards under until up upon via
with within without""".split())


def _literal_evidence(expr: Expression, phrase: lx.SetPhrase | None,
                      tokens: list[lx.Token], text: str, known_meaning: bool = True,
                      meaning_words: frozenset[str] = frozenset(),
                      accounted: frozenset[str] = frozenset(),
                      ) -> tuple[tuple[int, int], tuple[tuple[str, str], ...], int] | None:
    """The English clause that renders ``expr`` by its parts, the part words, and where they start.

    The words of a hyphenated compound are read one by one (``lr.split_hyphens``): "front-row
    soldier" for 排头兵 renders 排 'row' inside "front-row" as plainly as "soldier" renders 兵."""
    parts = lr.parts_of(expr.text)
    width = min(12, 3 * max(1, len(parts)) + 2)
    pieces = lr.split_hyphens(tokens)
    i, j, chosen = lr.best_window(parts, pieces, width, text) if parts else (0, 0, {})
    chosen = {k: tj for k, tj in chosen.items()
              if pieces[tj].lemma not in meaning_words and pieces[tj].text.lower() not in _PREPOSITIONS
              and pieces[tj].lemma not in accounted}
    if chosen:
        i, j = min(chosen.values()), max(chosen.values())
    if chosen and (j - i + 1) > 2 * len(chosen) + 2:
        chosen = {}  # glosses scattered over a long stretch: coincidence, not a rendering
    strong = [k for k in chosen if not parts[k].weak]
    named = [k for k, tj in chosen.items()
             if parts[k].names and pieces[tj].lemma in parts[k].names and pieces[tj].text[:1].isupper()]
    whole_is_name = any(e.proper for e in lx.cedict().get(lx.strip_zh_punct(expr.text)[0]))
    if expr.source == "quoted":
        ok = bool(named) and len(chosen) >= 2 and not whole_is_name and _idiom_shaped(expr.text)
    elif named and not whole_is_name:
        ok = len(chosen) >= 2
    elif known_meaning:
        ok = len(chosen) >= 2 and len(strong) >= 1
    else:
        # no English meaning on file: transparent 成语 (国富民强 "national
        # prosperity and strength") would look literal, so demand more parts
        ok = len(strong) >= 1 and len(chosen) >= max(3, -(-2 * len(parts) // 3))
    component: tuple[int, int] | None = None
    words: tuple[tuple[str, str], ...] = ()
    if ok:
        component = _whole_words(tokens, pieces[i].start, pieces[j].end)
        seen: dict[str, str] = {}
        for k, tj in sorted(chosen.items(), key=lambda kv: kv[1]):
            seen.setdefault(parts[k].zh, pieces[tj].text)
        words = tuple(seen.items())
    cue = cue_span(phrase, tokens, accounted)
    if cue is None and component is None:
        return None
    if cue is None:
        start, end = component  # type: ignore[misc]
    elif component is None or component[1] < cue[0] - 60 or component[0] > cue[1] + 60:
        # curated cues are the more precise evidence; distant part glosses are coincidence
        (start, end), words = cue, ()
    else:
        start, end = min(cue[0], component[0]), max(cue[1], component[1])
    return lr.clause_around(text, start, end), words, start


def _whole_words(tokens: Sequence[lx.Token], start: int, end: int) -> tuple[int, int]:
    """``start``–``end`` widened to the whole tokens it cuts: "front-row soldier", not "row soldier"."""
    for t in tokens:
        if t.start < start < t.end:
            start = t.start
        if t.start < end < t.end:
            end = t.end
    return start, end


def set_phrases_for(ctx: Context) -> dict[str, lx.SetPhrase]:
    source = ctx.options_of(IDIOMS).set_phrases
    cached = ctx.resources.get("set_phrases")
    if source is None and cached is not None:
        return cached
    return _default_set_phrases() if source is None else lx.load_set_phrases(source)


@lru_cache(maxsize=1)
def _default_set_phrases() -> dict[str, lx.SetPhrase]:
    return lx.load_set_phrases()


def check_idioms(pair: Pair, ctx: Context) -> list[Flag]:
    flags: list[Flag] = []
    for hit in detect_literal(pair.zh, pair.en, set_phrases_for(ctx)):
        e = hit.expression
        en_text = pair.en[hit.en_span[0]:hit.en_span[1]]
        kind = "an idiom" if e.source != "quoted" else "a set phrase (quoted in the source)"
        meaning = f" ('{hit.meaning}')" if hit.meaning else ""
        how = ""
        if hit.parts:
            how = " (" + ", ".join(f"{zh} → '{w}'" for zh, w in hit.parts) + ")"
        message = (f"'{e.text}' is {kind}{meaning}; the English '{en_text}' renders its "
                   f"characters literally{how}")
        if hit.suggestion:
            suggestion = f"Translate the figurative sense, e.g. '{hit.suggestion}'"
        else:
            suggestion = "Translate the figurative sense rather than the characters"
        if hit.simile:
            message += " (kept as a simile)"
        flags.append(IDIOMS.flag(pair, message, zh_spans=((e.start, e.end),), en_spans=(hit.en_span,),
                                 suggestion=suggestion, severity="minor" if hit.simile else None))
    return flags


@dataclass(frozen=True)
class IdiomOptions:
    #: a set-phrase table (TSV, as qa/data/set_phrases.tsv) to use instead of the shipped one
    set_phrases: str | None = None


IDIOMS = Check(id="idiom-literal", category="Style/Literal idiom", severity="major",
               description="Idioms and set phrases rendered character by character "
                           "(literal glosses of the parts, none of the accepted renderings)",
               run=check_idioms, scope="pair", options=IdiomOptions)
CHECKS = [IDIOMS]


def literal_idioms_in(pairs: Sequence[Pair], set_phrases: str | Path | Iterable[str] | None = None) -> list[Flag]:
    """Run the check over ``pairs`` with an explicit set-phrase table (path, lines, or None)."""
    table = lx.load_set_phrases(set_phrases)
    ctx = Context(pairs=list(pairs), resources={"set_phrases": table})
    return [f for p in pairs for f in check_idioms(p, ctx)]

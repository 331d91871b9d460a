"""Sentence segmentation for the Chinese and the English side.

Alignment works on sentences, so every later stage depends on the boundaries
drawn here.  The rules are deliberately conservative: a missed boundary costs
the aligner one 2-1 bead, a wrong one cuts a sentence in half on one side only.

Both sides are segmented by hand-written rules instead of pysbd: pysbd takes
one to two milliseconds per sentence even when fed one paragraph at a time, so
a 10,000-sentence document would take 10-20 s; the English rules below draw
the same boundaries as pysbd on the real corpus (see the tests) and run about
thirty times faster.

Segment texts are always exact substrings of the input (stripped of
surrounding whitespace), so character spans computed on a segment by QA can be
mapped back to the document.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from align.errors import InputError
from align.model import Segment
from align.script import HAN

__all__ = [
    "en_sentence_spans",
    "is_en_heading",
    "is_zh_heading",
    "segment",
    "segment_en",
    "segment_lines",
    "segment_zh",
    "zh_sentence_spans",
]

Span = tuple[int, int]

# --------------------------------------------------------------------------
# paragraphs

# Two or more ideographic spaces inside a line separate paragraphs: some
# Chinese web exports arrive as a single line with "　　" between paragraphs.
_PARA_BREAK = re.compile(r"\n|\u3000{2,}")
# Characters stripped from segment edges: whitespace (incl. U+3000, NBSP) plus
# invisible format characters that survive copy-paste.
_EDGE_JUNK = "\u200b\u200c\u200d\u2060\ufeff"
# CMS markers such as "##paidbegin##" glued to the start or end of a paragraph.
_CMS_HEAD = re.compile(r"(?:##[A-Za-z_]+##\s*)+")
_CMS_TAIL = re.compile(r"(?:\s*##[A-Za-z_]+##)+$")


def _strip_span(text: str, start: int, end: int) -> Span:
    while start < end and (text[start].isspace() or text[start] in _EDGE_JUNK):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_JUNK):
        end -= 1
    return start, end


def _paragraph_spans(text: str) -> list[Span]:
    """Non-empty paragraphs: lines, further cut at runs of ideographic spaces."""
    spans: list[Span] = []
    pos = 0
    for m in _PARA_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out: list[Span] = []
    for start, end in spans:
        start, end = _strip_span(text, start, end)
        if start >= end:
            continue
        head = _CMS_HEAD.match(text, start, end)
        if head:
            start = head.end()
        tail = _CMS_TAIL.search(text, start, end) if text.find("##", start, end) >= 0 else None
        if tail:
            end = tail.start()
        if start < end:
            out.append((start, end))
    return out


# --------------------------------------------------------------------------
# quotation pairs


def _marks_pattern(pairs: dict[str, str], straight: bool) -> re.Pattern[str]:
    chars = "".join(pairs) + "".join(pairs.values()) + ('"' if straight else "")
    return re.compile("[" + re.escape(chars) + "]")


def _protected_pairs(
    text: str,
    start: int,
    end: int,
    pairs: dict[str, str],
    marks: re.Pattern[str],
    max_len: int,
) -> _Protected:
    """Matched quote/title pairs (open index, close index) within a paragraph.

    Unmatched marks are ignored, so one stray quote (a frequent typo in
    machine-assisted translations) cannot glue a whole paragraph together;
    very long quotations are not protected so a quoted speech still splits.
    """
    closers = {c: o for o, c in pairs.items()}
    stack: list[tuple[str, int]] = []
    found: list[Span] = []
    straight_pos: list[int] = []
    for m in marks.finditer(text, start, end):
        ch, i = m.group(), m.start()
        if ch in pairs:
            stack.append((ch, i))
        elif ch in closers:
            opener = closers[ch]
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == opener:
                    o = stack[k][1]
                    del stack[k:]
                    if i - o <= max_len:
                        found.append((o, i))
                    break
        else:
            straight_pos.append(i)
    if straight_pos and len(straight_pos) % 2 == 0:
        for o, c in zip(straight_pos[::2], straight_pos[1::2]):
            if c - o <= max_len:
                found.append((o, c))
    return _Protected(found)


class _Protected:
    """Disjoint protected intervals, searchable in O(log n) per candidate cut.

    Keeps a one-line 10,000-sentence document linear instead of quadratic.
    """

    def __init__(self, pairs: list[Span]) -> None:
        merged: list[list[int]] = []
        for o, c in sorted(pairs):
            if merged and o <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], c)
            else:
                merged.append([o, c])
        self.opens = [o for o, _ in merged]
        self.closes = [c for _, c in merged]

    def covers(self, cut: int) -> bool:
        """True when cutting before index ``cut`` would split a protected pair."""
        k = bisect_left(self.opens, cut) - 1
        return k >= 0 and cut <= self.closes[k]


# --------------------------------------------------------------------------
# Chinese

_ZH_CLOSERS = "”’」』）》】〉)]"
_ZH_FULL_FINAL = "。！？；"
_ZH_HALF_FINAL = "!?;"
_ZH_ELLIPSIS = "…⋯"
_ZH_CANDIDATE = re.compile(
    r"(?:[。！？；!?;]|[…⋯]+)(?:[。！？；!?;…⋯]|[”’」』）》】〉)\]])*"
)
_ZH_OPENERS = "“‘「『《〈（(【"
_ZH_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "〈": "〉"}
_ZH_MARKS = _marks_pattern(_ZH_PAIRS, straight=False)
# After an ellipsis these characters continue the sentence ("……等", "……的").
_ZH_CONTINUES = set("等的之类和与及或者都也中里上下")
_ZH_ENUM = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、．.]"
    r"|[（(][一二三四五六七八九十百\d]+[)）]"
    r"|\d{1,3}[.．、](?!\d)"
    r"|第[一二三四五六七八九十百\d]+[章节部分篇条编卷]"
    r"|[①-⑳])"
)
_ZH_END_PUNCT = set("。！？；!?;…⋯.．")
_ZH_CLAUSE_PUNCT = set("，、,")
_LEADER_AND_PAGE = re.compile(r"(?:[…⋯.·．]{3,}|-{3,})\s*\d*$")
_ZH_HEADING_MAX = 50
_ZH_COMMA_HEADING_MAX = 24
_ZH_QUOTE_MAX = 200


def _zh_sentence_spans(
    text: str,
    start: int,
    end: int,
    cut_semicolons: bool = True,
    keep_quotations: bool = True,
) -> Iterator[Span]:
    pairs = (
        _protected_pairs(text, start, end, _ZH_PAIRS, _ZH_MARKS, max_len=_ZH_QUOTE_MAX)
        if keep_quotations
        else None
    )
    full_final = _ZH_FULL_FINAL if cut_semicolons else _ZH_FULL_FINAL.replace("；", "")
    half_final = _ZH_HALF_FINAL if cut_semicolons else _ZH_HALF_FINAL.replace(";", "")
    begin = start
    for m in _ZH_CANDIDATE.finditer(text, start, end):
        cut = m.end()
        if cut >= end:
            break
        run = m.group()
        nxt = text[cut]
        if nxt.isspace():
            # "。 下一句" — look past spaces for the decision below.
            j = cut
            while j < end and text[j].isspace():
                j += 1
            if j >= end:
                break
            nxt = text[j]
        if not any(ch in full_final for ch in run):
            if any(ch in half_final for ch in run):
                # Half-width marks split only between Chinese sentences, so
                # "Yahoo!" or "what?" inside a line stays intact.
                before = text[m.start() - 1] if m.start() > start else ""
                if not (HAN.match(nxt) or nxt in _ZH_OPENERS):
                    continue
                if not (HAN.match(before) or before in _ZH_CLOSERS):
                    continue
            elif not any(ch in _ZH_ELLIPSIS for ch in run):
                continue  # a semicolon, and semicolons do not cut
            else:
                # Ellipsis only: runs of three or more are dot leaders in a
                # table of contents; "……等" continues the sentence.
                dots = sum(ch in _ZH_ELLIPSIS for ch in run)
                if dots > 2 or not (HAN.match(nxt) or nxt in "“「『"):
                    continue
                if nxt in _ZH_CONTINUES:
                    continue
        if pairs is not None and pairs.covers(cut):
            continue
        s, e = _strip_span(text, begin, cut)
        if s < e:
            yield s, e
        begin = cut
    s, e = _strip_span(text, begin, end)
    if s < e:
        yield s, e


def _strip_closers(s: str, closers: str) -> str:
    return s.rstrip(closers + " ")


def is_zh_heading(s: str, whole_paragraph: bool) -> bool:
    """Headings, bylines and ToC entries: short, without sentence-final punctuation.

    Only a whole paragraph can be a heading; a short enumerated paragraph
    ("（一）加强顶层设计。") is one even with a full stop.  A line that ends in
    a comma, or a long line with commas, is a sentence cut by a PDF line break.
    """
    if not whole_paragraph or not s:
        return False
    core = _LEADER_AND_PAGE.sub("", s).strip()
    if not core:
        return True
    enumerated = bool(_ZH_ENUM.match(core))
    if enumerated and len(core) <= _ZH_HEADING_MAX:
        return True
    if len(core) > _ZH_HEADING_MAX:
        return False
    last = _strip_closers(core, _ZH_CLOSERS)[-1:]
    if not last or last in _ZH_END_PUNCT or last in _ZH_CLAUSE_PUNCT:
        return False
    if last in "：:":
        return False
    return not (("，" in core or "," in core) and len(core) > _ZH_COMMA_HEADING_MAX)


# --------------------------------------------------------------------------
# English

_EN_CANDIDATE = re.compile(r"(?:[.!?]+|…+)[”’\"')\]]*(?=\s)")
_EN_PAIRS = {"“": "”"}
# Straight double quotes pair up in order when their count is even.
_EN_MARKS = _marks_pattern(_EN_PAIRS, straight=True)
_EN_QUOTE_MAX = 400
# Short matched brackets never hold a sentence end: "(603716. SH)", "[Art. 3]".
# Unmatched ones are ignored (machine output often loses a closer), and a long
# bracketed passage may hold whole sentences of its own.
_EN_BRACKETS = {"(": ")", "[": "]"}
_EN_BRACKET_MARKS = _marks_pattern(_EN_BRACKETS, straight=False)
_EN_BRACKET_MAX = 80
# A closer after a space ("… the next step. ”") ends the sentence before it;
# it never starts one.  A straight quote may open the next sentence, so it is
# not listed.
_EN_LONE_CLOSERS = "”’)]"
# Titles and similar: never end a sentence ("Dr. Smith", "e.g. the").
_ABBR_NEVER = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sr",
    "jr",
    "st",
    "rev",
    "gen",
    "sen",
    "rep",
    "gov",
    "lt",
    "col",
    "capt",
    "sgt",
    "mt",
    "messrs",
    "hon",
    "pres",
    "fr",
    "e.g",
    "i.e",
    "cf",
    "vs",
    "viz",
    "approx",
    "al",
    "esp",
    "incl",
    "resp",
}
# Abbreviations that precede a number ("No. 3", "Fig. 2").
_ABBR_NUMBER = {
    "no",
    "nos",
    "vol",
    "vols",
    "fig",
    "figs",
    "p",
    "pp",
    "art",
    "arts",
    "sec",
    "ch",
    "chap",
    "para",
    "op",
    "eq",
    "eqs",
    "tab",
    "ed",
    "pt",
}
# Abbreviations that may end a sentence: split only before a word that
# typically starts one ("... sensors, etc. So as to ...").
_ABBR_MAYBE = {
    "etc",
    "inc",
    "ltd",
    "co",
    "corp",
    "bros",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "est",
    "dept",
    "univ",
}
_SENTENCE_STARTERS = {
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "in",
    "on",
    "at",
    "but",
    "and",
    "so",
    "however",
    "if",
    "when",
    "as",
    "for",
    "to",
    "its",
    "their",
    "our",
    "his",
    "her",
    "such",
    "with",
    "after",
    "since",
    "while",
    "although",
    "meanwhile",
    "moreover",
    "furthermore",
    "therefore",
    "thus",
    "also",
    "then",
    "what",
    "why",
    "how",
}
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_ROMAN = re.compile(r"^[IVXLC]+$")
_EN_END_PUNCT = set(".!?;:…")
_EN_HEADING_WORDS = 15
_EN_TITLE_HEADING_WORDS = 30


_WORD_AFTER = re.compile(r"[\"“‘'(\[]*([^\s\"”’'),.;:!?]*)")


def _next_word(text: str, pos: int, end: int) -> str:
    m = _WORD_AFTER.match(text, pos, end)
    return m.group(1) if m else ""


def _en_cut_here(text: str, m: re.Match[str], begin: int, end: int) -> bool:
    run = m.group()
    j = m.end()
    while j < end and text[j].isspace():
        j += 1
    if j >= end:
        return False
    nxt = text[j]
    if nxt.islower() or nxt in _EN_LONE_CLOSERS:
        return False
    if not (nxt.isupper() or nxt.isdigit() or nxt in "“\"‘'([" or not nxt.isascii()):
        return False
    ws = m.start()
    while ws > begin and not text[ws - 1].isspace():
        ws -= 1
    if "…" in run or run.startswith(".."):
        # A hesitation on a one-letter word goes on: "I... I've never met him".
        before = text[ws : m.start()].lstrip("(“\"‘'[")
        return not (
            len(before) == 1 and before.isalpha() and nxt.lower() == before.lower()
        )
    if "!" in run or "?" in run:
        return True
    # A single full stop: look at the word in front of it.
    first_word = _strip_span(text, begin, ws)[0] == ws
    word = text[ws : m.start()].lstrip("(“\"‘'[")
    low = word.lower()
    nword = _next_word(text, j, end)
    if not word:
        return True
    if low in _ABBR_NEVER:
        return False
    if low in _ABBR_NUMBER and nxt.isdigit():
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "J. K. Rowling"
    if first_word and (word.isdigit() or _ROMAN.match(word) or len(word) == 1):
        return False  # a list number opening the sentence: "1. Second item."
    if low in _ABBR_MAYBE or _DOTTED.match(word):
        return nword.lower() in _SENTENCE_STARTERS
    return True


def _en_sentence_spans(
    text: str, start: int, end: int, keep_quotations: bool = True
) -> Iterator[Span]:
    brackets = _protected_pairs(
        text, start, end, _EN_BRACKETS, _EN_BRACKET_MARKS, max_len=_EN_BRACKET_MAX
    )
    quotations = (
        _protected_pairs(text, start, end, _EN_PAIRS, _EN_MARKS, max_len=_EN_QUOTE_MAX)
        if keep_quotations
        else None
    )
    begin = start
    for m in _EN_CANDIDATE.finditer(text, start, end):
        if m.end() >= end:
            break
        if not _en_cut_here(text, m, begin, end):
            continue
        if brackets.covers(m.end()):
            continue
        if quotations is not None and quotations.covers(m.end()):
            continue
        s, e = _strip_span(text, begin, m.end())
        if s < e:
            yield s, e
        begin = m.end()
    s, e = _strip_span(text, begin, end)
    if s < e:
        yield s, e


_EN_ENUM = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*[.)]|[IVX]+\.|\(?[a-z]\))\s")


def is_en_heading(s: str, whole_paragraph: bool) -> bool:
    """A short paragraph without final punctuation, or a longer Title Case one.

    A long line without a full stop is usually a truncated sentence, not a
    heading; but a long byline or title is mostly capitalised words.
    """
    if not whole_paragraph or not s:
        return False
    core = _LEADER_AND_PAGE.sub("", s).strip()
    if not core:
        return True
    last = core.rstrip("”’\"')] ")[-1:]
    words = core.split()
    if _EN_ENUM.match(core) and len(words) <= _EN_HEADING_WORDS and last != ",":
        return True
    if not last or last in _EN_END_PUNCT or last == ",":
        return False
    if len(words) <= _EN_HEADING_WORDS:
        return True
    if len(words) > _EN_TITLE_HEADING_WORDS:
        return False
    content = [w for w in words if len(w.strip("“”\"'(),:")) > 3]
    capital = sum(w.strip("“”\"'(),:")[:1].isupper() for w in content)
    return bool(content) and capital * 2 >= len(content)


# --------------------------------------------------------------------------
# public API


def _check(text: object) -> str:
    if not isinstance(text, str):
        raise InputError(f"segmentation needs text, got {type(text).__name__}")
    return text


def _segment(text: str, sentences, heading) -> list[Segment]:
    out: list[Segment] = []
    for para, (ps, pe) in enumerate(_paragraph_spans(text)):
        spans = list(sentences(text, ps, pe))
        whole = len(spans) == 1
        for s, e in spans:
            chunk = text[s:e]
            out.append(
                Segment(
                    id=len(out), text=chunk, para=para, heading=heading(chunk, whole)
                )
            )
    return out


def en_sentence_spans(text: str, keep_quotations: bool = True) -> list[Span]:
    """English sentence spans ``(start, end)`` of ``text``, paragraph by paragraph.

    The one English splitter: the aligner (through ``segment_en``) and the
    checks use it.  ``keep_quotations`` keeps a quoted speech of several
    sentences whole, as the aligner needs (the Chinese side keeps its “…” whole
    too, and one side cut where the other is not costs a bead); the checks pass
    False, because they judge each sentence, quoted or not (a lowercase start
    or a fragment inside a quotation is as wrong as outside it).
    """
    return list(_en_sentence_spans_of(_check(text), keep_quotations))


#: texts kept split: the checks split each pair's English several times within a chunk of
#: pairs (spelling's sentence starts, repetition, capitalisation, fragments, coverage's four
#: readings), 2.9 CPU s of a 20,000-pair run when each split afresh
@lru_cache(maxsize=4096)
def _en_sentence_spans_of(text: str, keep_quotations: bool) -> tuple[Span, ...]:
    spans: list[Span] = []
    for ps, pe in _paragraph_spans(text):
        spans.extend(_en_sentence_spans(text, ps, pe, keep_quotations))
    return tuple(spans)


def zh_sentence_spans(
    text: str, cut_semicolons: bool = True, keep_quotations: bool = True
) -> list[Span]:
    """Chinese sentence spans ``(start, end)`` of ``text``, paragraph by paragraph.

    The one Chinese splitter: the aligner (through ``segment_zh``) and the
    checks use it.  A sentence keeps its final mark and closing quote.  The
    aligner cuts at ；too (``cut_semicolons``), because English translators
    often end a sentence there and a 1-1 bead beats a 2-1 one; the checks
    that judge whole sentences pass False, because a clause before ；is not a
    sentence of its own (the clause cuts, ``qa.clause_split.zh_clauses``, have
    it).  ``keep_quotations`` keeps a quoted speech of several sentences whole
    as the aligner needs (the English side keeps its quotation whole too).
    """
    _check(text)
    spans: list[Span] = []
    for ps, pe in _paragraph_spans(text):
        spans.extend(
            _zh_sentence_spans(text, ps, pe, cut_semicolons, keep_quotations)
        )
    return spans


def segment_zh(text: str) -> list[Segment]:
    """Chinese sentences and headings, with paragraph indices."""
    return _segment(_check(text), _zh_sentence_spans, is_zh_heading)


def segment_en(text: str) -> list[Segment]:
    """English sentences and headings, with paragraph indices."""
    return _segment(_check(text), _en_sentence_spans, is_en_heading)


def segment_lines(text: str) -> list[Segment]:
    """Presegmented input: each non-empty line is one segment, as given.

    Blank lines separate paragraphs, and lines that look like headings are
    marked as such.  Input without any blank line (the usual
    sentence-per-line file) says nothing about its layout, so it is one
    paragraph with no headings: guessing them from single sentences marks
    short dialogue lines as headings, which misleads the aligner.
    """
    _check(text)
    lines: list[tuple[int, int, bool]] = []  # start, end, follows a blank line
    pos = 0
    blank = False
    for raw in text.split("\n"):
        s, e = _strip_span(text, pos, pos + len(raw))
        pos += len(raw) + 1
        if s >= e:
            blank = bool(lines)
            continue
        lines.append((s, e, blank))
        blank = False
    blocks = any(after_blank for _, _, after_blank in lines)
    out: list[Segment] = []
    para = -1
    for s, e, after_blank in lines:
        if para < 0 or after_blank:
            para += 1
        chunk = text[s:e]
        rule = is_zh_heading if HAN.search(chunk) else is_en_heading
        heading = blocks and rule(chunk, True)
        out.append(Segment(id=len(out), text=chunk, para=para, heading=heading))
    return out


def segment(text: str, lang: str, presegmented: bool = False) -> list[Segment]:
    """Dispatch by language code ("zh"/"en"); ``presegmented`` keeps lines as given."""
    if not isinstance(lang, str):
        raise InputError(f"language must be a code such as zh or en, got {lang!r}")
    if presegmented:
        return segment_lines(text)
    if lang.lower().startswith("zh"):
        return segment_zh(text)
    if lang.lower().startswith("en"):
        return segment_en(text)
    raise InputError(f"no segmenter for language {lang!r} (use zh or en)")

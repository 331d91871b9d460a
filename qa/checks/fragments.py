"""English "sentences" that are not sentences.

Chinese runs long chains of clauses separated by commas; translators who
split them at the wrong place leave fragments: "And resolve the problem …",
"Which greatly affects …", "Such as AI …", "So as to ensure …",
"Comprehensively improve …", "With the deep integration of … .".

There is no parser here, on purpose (no model, no download): a sentence is
judged by how it starts, plus a small finite-verb test — an auxiliary or
modal, a subject pronoun, or a verb in -s/-ed form (verbs from
qa/data/english_verbs.txt) after something that is not a determiner.  The test
only ever *exempts* a sentence, so its mistakes cost recall, not precision.
Sentences with no opener to blame are flagged only when no word can be read
as a verb where it stands: an ambiguous word ("field", "round", plural
nouns) in a noun phrase or with no plausible subject before it is a noun.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from align.model import Pair
from align.segment import en_sentence_spans
from qa.model import Check, Context, Flag
from qa.text import quote

_WORD_RE = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_AUXILIARIES = {
    "is", "are", "was", "were", "am", "will", "would", "can", "could", "shall", "should", "may",
    "might", "must", "has", "have", "had", "does", "do", "did", "cannot", "isn't", "aren't",
    "won't", "can't", "don't", "doesn't", "didn't", "hasn't", "haven't", "wasn't", "weren't",
    "i'm", "we're", "they're", "you're", "it's", "he's", "she's", "that's", "there's", "what's",
    "couldn't", "wouldn't", "shouldn't", "mustn't", "couldn’t", "wouldn’t", "shouldn’t", "mustn’t",
    "can’t", "won’t", "don’t", "doesn’t", "didn’t", "isn’t", "aren’t", "wasn’t", "weren’t",
    "hasn’t", "haven’t",
    "i’m", "we’re", "they’re", "you’re", "it’s", "he’s", "she’s", "that’s", "there’s", "what’s",
}
_SUBJECT_PRONOUNS = {"we", "they", "it", "he", "she", "i", "you", "there"}
#: a pronoun with a contracted auxiliary: "she'd been", "I've never", "here's"
_CONTRACTED = re.compile(r"(?:i|you|he|she|it|we|they|there|here|that|who|what)['’](?:d|ll|ve|s|re|m)")


def _is_auxiliary(word: str) -> bool:
    """An auxiliary or modal (lower case), also contracted to its pronoun ("she'd", "we've")."""
    return word in _AUXILIARIES or bool(_CONTRACTED.fullmatch(word))


def _auxiliary_at(lowered: list[str], i: int) -> bool:
    """The lower-case word ``i`` of ``lowered`` is an auxiliary, or the modal "need" of "need not"
    ("A rational actor need not be selfish.")."""
    return _is_auxiliary(lowered[i]) or (lowered[i] == "need" and lowered[i + 1:i + 2] == ["not"])


def _ly_adverb(word: str) -> bool:
    """An adverb in -ly ("comprehensively", "fully"), not a short word such as "fly" or "only"."""
    return word.lower().endswith("ly") and len(word) > 4
_IRREGULAR_PAST = {
    "built", "made", "took", "gave", "became", "brought", "held", "led", "put", "found", "began",
    "grew", "kept", "met", "sought", "won", "drove", "rose", "fell", "saw", "thought", "told",
    "said", "went", "came", "got", "paid", "sent", "spent", "stood", "understood", "wrote",
    "chose", "left", "lost", "felt", "meant", "ran", "laid", "struck", "bore", "drew", "taught",
    "sold", "bought", "heard", "caught", "fought", "dealt", "knew", "threw", "flew", "spoke",
    "broke", "woke", "wore", "forgot", "hid", "lent", "slept", "swept", "wept", "ate", "drank",
    "sang", "swam", "rode", "shook", "stole", "froze", "dug", "fed", "fled", "hung",
    "set", "spread", "hit", "cut", "cost", "let", "shut", "burst", "cast", "hurt", "quit", "split",
    "upset", "sprang", "sprung", "forecast", "broadcast", "arose", "overtook", "withdrew", "undertook",
}
# Words after which an -s/-ed word is a noun or adjective, not a verb.
_NOT_BEFORE_VERB = {
    "the", "a", "an", "of", "for", "to", "and", "or", "in", "on", "with", "by", "from", "such",
    "as", "its", "their", "our", "various", "all", "other", "new",
    "key", "many", "some", "each", "every", "more", "most", "at", "into", "between", "among",
    "about", "than", "highly", "well", "newly", "fully", "deeply",
}
_DETERMINERS = {
    "the", "a", "an", "this", "that", "these", "those", "there", "it", "we", "they", "our",
    "its", "their", "his", "her", "some", "many", "all", "both", "such", "each", "every", "no",
    "he", "she", "i", "you", "so", "then", "yet", "thus", "if", "when", "as",
}
# Words after which any verb-like word is a noun or adjective ("the increased").
_DETERMINERS_ONLY = {"the", "a", "an", "its", "their", "our", "his", "her", "my", "your", "whose", "every", "no"}
# Add prepositions and conjunctions: after these an -s form is a plural noun.
_NOUN_CONTEXT = _DETERMINERS_ONLY | {
    "of", "for", "to", "in", "on", "with", "by", "from", "at", "into", "between", "among", "about",
    "such", "as", "and", "or", "various", "several", "than",
}
# Common adjectives of policy prose: a base form after one is a noun ("a key
# field"); an -s form still counts, since "The key lies in …" is a sentence.
_ADJECTIVES = {
    "key", "new", "digital", "global", "major", "important", "main", "national", "international",
    "industrial", "economic", "social", "technological", "scientific", "modern", "smart", "basic",
    "strategic", "traditional", "advanced", "great", "good", "large", "small", "big", "high", "low",
    "overall", "core", "leading", "significant", "strong", "real", "physical", "virtual",
    "green", "rural", "urban", "regional", "financial", "political", "cultural", "public", "private",
}
_PLURAL_SUBJECTS = {"we", "they", "you", "i", "people", "children", "men", "women", "police", "data", "media",
                    "them", "these", "those", "many", "some", "most", "all", "both", "others", "us"}
_TIME_ADVERBS = {"first", "once", "later", "soon", "now", "often", "again", "already", "recently"}
_TOKEN_RE = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*|\d[\d.,]*|,")
_FILLER_ADVERBS = {"also", "then", "further", "still", "not", "yet", "even", "thus", "just"}
_SUBJECT_ADVERBS = {"all", "both", "also", "still", "now", "often", "always", "never", "each", "then"}
_ARTICLES_PREPOSITIONS = {"the", "a", "an", "of", "to", "for", "in", "on", "with", "by", "from", "at",
                          "into", "and", "or", "such", "as"}
# News datelines: "By Li Qianwei in Chengdu, Xinhua News Agency, September 27."
_DATELINE_RE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|Xinhua|News Agency")
# Discourse openers stripped before judging what follows.
#: the ordinals that number the items of a list ("Second, adhering to and improving …"): an item
#: may be a command or an -ing phrase, as the official English of the Party's and State Council's
#: documents writes them
_ORDINALS = ("First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|"
             "Firstly|Secondly|Thirdly")
_OPENER_RE = re.compile(
    rf"^(?:(?:{_ORDINALS}|"
    r"Finally|Lastly|"
    r"Meanwhile|Moreover|Furthermore|Besides|Therefore|However|In addition|At present|"
    r"At the same time|On the one hand|On the other hand|For example|In particular|Currently|"
    r"Similarly|Likewise),\s+)+")
_ORDINAL_RE = re.compile(rf"^(?:{_ORDINALS}),\s+")
_SUBORDINATE_RE = re.compile(r"^(Which|Such as|So as to|So that|Including|Whereby)\b")
_CONJUNCTION_RE = re.compile(r"^(And|Or|But|As well as)\s+")
_INFINITIVE_RE = re.compile(r"^(?:In order to|To)\s+([a-z]+)")
# Openers that introduce an adverbial, which needs a main clause after it.
_ADVERBIAL_START_RE = re.compile(
    r"^(?:With|Without|Through|Under|Facing|Regarding|Concerning|Along with|Based on|According to|"
    r"In the face of|In view of|In terms of|In the process of|In the context of|As for|As to)\b")
_ADVERB_VERB_RE = re.compile(r"^([A-Z][a-z]+ly)\s+([a-z]+)\b(?!,)")


@lru_cache(maxsize=1)
def verb_bases() -> frozenset[str]:
    text = resources.files("qa").joinpath("data", "english_verbs.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def _stems(word: str) -> list[str]:
    """Possible base forms of an inflected verb form."""
    w = word.lower()
    stems = [w]
    if w.endswith("ies"):
        stems.append(w[:-3] + "y")
    if w.endswith("es"):
        stems.append(w[:-2])
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        stems.append(w[:-1])
    for suffix in ("ed", "ing"):
        if w.endswith(suffix):
            stem = w[: -len(suffix)]
            stems += [stem, stem + "e"]
            if stem.endswith("i"):
                stems.append(stem[:-1] + "y")
            if len(stem) > 2 and stem[-1] == stem[-2]:
                stems.append(stem[:-1])
    return stems


def is_base_verb(word: str) -> bool:
    return word.lower() in verb_bases()


def is_verb_form(word: str) -> bool:
    """Base, -s, -ed or -ing form of a known verb, or an irregular past."""
    lower = word.lower()
    return lower in _IRREGULAR_PAST or any(s in verb_bases() for s in _stems(lower))


def is_finite_form(word: str) -> bool:
    lower = word.lower()
    if lower in _IRREGULAR_PAST:
        return True
    if lower.endswith("ed") or (lower.endswith("s") and not lower.endswith(("ss", "us", "is"))):
        return any(s in verb_bases() for s in _stems(lower)[1:])
    return False


def has_finite_verb(words: list[str]) -> bool:
    """Heuristic: does this word list contain a finite verb?"""
    lowered = [w.lower() for w in words]
    for i, w in enumerate(lowered):
        if _auxiliary_at(lowered, i):
            return True
        if w in _SUBJECT_PRONOUNS and i + 1 < len(lowered):
            return True
        previous = lowered[i - 1] if i else ""
        if i and previous not in _NOT_BEFORE_VERB and is_finite_form(w):
            return True
        # plural subject + base verb: "Some enterprises face …"
        if (i and previous.endswith("s") and not previous.endswith("ss") and is_base_verb(w)
                and w not in _NOT_BEFORE_VERB):
            return True
    return False


def fragment_reason(sentence: str) -> str | None:
    """Why ``sentence`` is a fragment, or None if it looks like a sentence."""
    start = sentence.strip().lstrip("“\"‘'(")
    body = _OPENER_RE.sub("", start)
    words = _WORD_RE.findall(body)
    if len(words) < 3 or sentence.rstrip().endswith("?"):
        return None
    if _ORDINAL_RE.match(start) and (_imperative(words) or _ing_form(words[0])):
        return None  # "Fourth, comprehensively strengthen …", "Ninth, establishing …": items of a list
    first = words[0]
    m = _SUBORDINATE_RE.match(body)
    if m:
        return f"starts with {m.group(1)!r} and has no main clause; join it to the previous sentence"
    m = _CONJUNCTION_RE.match(body)
    if m:
        rest = _WORD_RE.findall(body[m.end():])
        head = [w for w in rest[:3] if not (w.lower() in _FILLER_ADVERBS or w.lower().endswith("ly"))]
        if _clause_after_comma(body):
            return None  # "But according to X, Y did Z."
        if (head and head[0][0].islower() and head[0].lower() not in _DETERMINERS
                and is_verb_form(head[0]) and not _followed_by_auxiliary(rest, head[0])):
            return (f"starts with {m.group(1)!r} followed by the verb {head[0]!r} with no subject; "
                    f"join it to the previous sentence or add a subject")
        if not has_finite_verb(rest):
            return f"starts with {m.group(1)!r} and has no verb; join it to the previous sentence"
        return None
    m = _ADVERB_VERB_RE.match(body)
    if m and is_base_verb(m.group(2)) and not has_finite_verb(words[2:]) and not _clause_after_comma(body):
        return ("is a bare imperative with no subject (it reads as a command); "
                "join it to the previous sentence or add a subject")
    m = _INFINITIVE_RE.match(body)
    if m and is_verb_form(m.group(1)) and not has_finite_verb(words) and not _clause_after_comma(body):
        return "is an infinitive phrase with no main clause; add a subject and verb"
    if _ADVERBIAL_START_RE.match(body) or (first.endswith("ing") and is_verb_form(first)):
        if not has_finite_verb(words) and ":" not in body and not _clause_after_comma(body):
            return "is an adverbial or -ing phrase with no main clause; join it to a neighbouring sentence"
        return None
    if (len(words) >= 6 and _starts_capitalised(sentence) and not is_base_verb(first) and ":" not in body
            and not _any_verb(body) and not _DATELINE_RE.search(body) and not _title_case(body)
            and not _clause_after_comma(body)):  # "For more on pain, visit the …": a command
        return "has no verb; join it to a neighbouring sentence or add a verb"
    return None


def _imperative(words: list[str]) -> bool:
    """``words`` start with a base-form verb that an -ly adverb modifies ("comprehensively
    strengthen cyber …") or that takes an object ("plan the building of …"): a command.  Without
    the adverb, the object's first word tells the verb from a noun of the same form ("support for
    the elderly" is no command)."""
    if words and _ly_adverb(words[0]):
        return len(words) > 2 and words[1][0].islower() and is_base_verb(words[1])  # an adverb tells a verb
    return (len(words) > 1 and words[0][0].islower() and is_base_verb(words[0])
            and words[1].lower() in _OBJECT_STARTS)


#: the first word of a verb's object: an article, a possessive, a quantifier, a common adjective
_OBJECT_STARTS = _DETERMINERS_ONLY | {"more", "all", "both", "new", "key", "major", "this", "these", "those"} | _ADJECTIVES


def _ing_form(word: str) -> bool:
    """An -ing form of a known verb ("establishing")."""
    return word.lower().endswith("ing") and is_verb_form(word)


def _followed_by_auxiliary(words: list[str], head: str) -> bool:
    """"But times are changing", "But fast food is …", "But experience teaches …": the word is
    the subject (or starts it), not a verb: an auxiliary follows within three words, or a
    finite verb right after it."""
    i = words.index(head)
    after = [w.lower() for w in words[i + 1:i + 4]]
    return any(_is_auxiliary(w) for w in after) or bool(after and is_finite_form(after[0]))


def _clause_after_comma(body: str) -> bool:
    """After some comma, a subject-led clause with a verb: the sentence has a
    main clause even if it starts like a fragment."""
    for part in body.split(",")[1:]:
        words = _WORD_RE.findall(part)
        if len(words) > 2 and words[0].lower() in ("and", "or") and words[1][:1].isupper():
            words = words[1:]  # "…, and Leicester University all accept …": the list's last item
        if len(words) < 2 or words[0].lower() in ("and", "or", "but", "so", "which", "as"):
            continue
        if _imperative(words):
            return True  # "To address …, plan the building of …": a command is a main clause
        if is_base_verb(words[0]) and words[0][0].islower():
            continue  # ", promote X" with no object read: another bare verb, not a clause
        if has_finite_verb(words):
            return True
        for i in range(1, len(words)):
            word = words[i]
            j = i - 1
            while j > 0 and (words[j].lower() in _SUBJECT_ADVERBS or _ly_adverb(words[j])):
                j -= 1  # "leaders all support", "the Airport fully takes"
            subject = _subject_like(words[j]) or (j == 0 and words[0].lower() in _PLURAL_SUBJECTS)
            if (subject and not word.lower().endswith("ing")
                    and any(s in verb_bases() for s in _stems(word))):
                return True
    return False


def _subject_like(word: str) -> bool:
    """Plural noun, name or pronoun: something that can head a clause."""
    lower = word.lower()
    return (lower in _SUBJECT_PRONOUNS or word[:1].isupper()
            or (lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and lower not in _ARTICLES_PREPOSITIONS))


def _starts_capitalised(sentence: str) -> bool:
    """Judged on the sentence as written, before "Third," is stripped."""
    return sentence.strip().lstrip("“\"‘'(")[:1].isupper()


def _any_verb(body: str) -> bool:
    """Stricter than has_finite_verb: any word that reads as a verb where it
    stands.  An ambiguous word counts unless it sits in a noun phrase (right
    after a determiner, preposition or possessive; a base form also after an
    adjective: "a key field", "the new round") or, for a base form, has no
    plausible subject before it (a plural, a pronoun, a name, "A and B")."""
    original = _TOKEN_RE.findall(body)
    tokens = [t.lower() for t in original]
    for i, w in enumerate(tokens):
        if _auxiliary_at(tokens, i) or w in _SUBJECT_PRONOUNS or w in _IRREGULAR_PAST:
            return True
        if w == "," or w.endswith("ing") or w[:1].isdigit():
            continue
        if i == 0:
            if w.endswith("ed") and len(w) >= 5:
                return True  # "Approved by the court …": a verb, if subjectless
            continue
        j = i - 1
        while j > 0 and (tokens[j] in _SUBJECT_ADVERBS or tokens[j] in _FILLER_ADVERBS
                         or tokens[j] in _TIME_ADVERBS or _ly_adverb(tokens[j])):
            j -= 1  # "enterprises actively promote": look past the adverbs for the subject
        before = tokens[j]
        if before in _DETERMINERS_ONLY or before.endswith(("'s", "’s")):
            continue
        if w.endswith("ed") and len(w) >= 5:
            return True  # chaired, debuted: past forms of verbs the list lacks
        if is_finite_form(w) and tokens[i + 1:i + 2] == ["to"]:
            return True  # "… and so on continues to rise": an -s form taking an infinitive
        if before in _NOUN_CONTEXT:
            continue
        if is_finite_form(w):
            return True
        if (w in verb_bases() and before not in _ADJECTIVES
                and _plausible_subject(tokens[:j + 1], original[:j + 1])):
            return True
    return False


def _plausible_subject(lowered: list[str], original: list[str]) -> bool:
    """Something a base-form verb can agree with: a plural, a pronoun, a name, "A and B"."""
    if original and original[-1][:1].isupper() and len(original) > 1:
        return True  # "The Chinese understand", "Travel Network show"
    return any(w in _PLURAL_SUBJECTS or w == "and"
               or (w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))
                   and w not in _ARTICLES_PREPOSITIONS)
               for w in lowered)


def _title_case(body: str) -> bool:
    """A byline or title that happens to end in a full stop."""
    content = [w for w in _WORD_RE.findall(body) if len(w) > 3]
    return bool(content) and sum(w[:1].isupper() for w in content) * 5 >= len(content) * 3


def check_fragments(pair: Pair, ctx: Context) -> list[Flag]:
    if pair.heading:
        return []
    en = pair.en
    flags = []
    for span in en_sentence_spans(en, keep_quotations=False):
        sentence = en[span[0]:span[1]]
        if not re.search(r"[.!?…][\"”’)]*$", sentence):
            continue  # no full stop: a heading or title line
        reason = fragment_reason(sentence)
        if reason is None:
            continue
        flags.append(FRAGMENTS.flag(
            pair, f"Sentence fragment: {quote(en, span)} {reason}.", en_spans=(span,),
        ))
    return flags


FRAGMENTS = Check(id="fragments", category="Fluency/Grammar", severity="minor",
                  description="English sentence with no main clause (And …, Which …, Such as …, "
                              "So as to …, bare imperative, verbless).",
                  run=check_fragments)

CHECKS = [FRAGMENTS]

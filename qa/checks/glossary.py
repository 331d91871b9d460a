"""glossary: the client's required terms must be used, forbidden ones must not.

The glossary arrives in ``ctx.resources["glossary"]`` (a loaded
:class:`qa.glossary.Glossary`, or a path) or as the ``path`` option of this
check; without one the check has nothing to enforce and stays silent.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from align.model import Pair
from qa.glossary import Glossary, find_en, find_zh, load_glossary
from qa.model import Check, Context, Flag


@dataclass(frozen=True)
class GlossaryOptions:
    #: a termbase (TBX, CSV or XLSX) to enforce when ``--glossary`` is not given
    path: str | None = None


@lru_cache(maxsize=8)
def _load(path: str) -> Glossary:
    return load_glossary(path)


def glossary_from(ctx: Context) -> Glossary | None:
    """The glossary this run enforces, if any (shared with term-consistency)."""
    found = ctx.resources.get("glossary")
    if found is None:
        found = ctx.options_of(GLOSSARY).path
    if found is None or isinstance(found, Glossary):
        return found
    return _load(str(found))


def check_glossary(pair: Pair, ctx: Context) -> list[Flag]:
    glossary = glossary_from(ctx)
    if glossary is None or not pair.zh:
        return []
    flags: list[Flag] = []
    taken: list[tuple[int, int]] = []
    # longest source terms first, so 数字经济 is not also checked as 数字
    for term in sorted(glossary.terms, key=lambda t: -max(len(z) for z in t.zh)):
        zh_spans = [s for z in term.zh for s in find_zh(z, pair.zh)
                    if not any(a <= s[0] and s[1] <= b for a, b in taken)]
        if zh_spans:
            taken.extend(zh_spans)
        forbidden_used = False
        for bad in term.forbidden:
            spans = find_en(bad, pair.en)
            if spans:  # a forbidden rendering is wrong wherever it appears
                forbidden_used = True
                want = f"; use '{term.en[0]}'" if term.en else ""
                flags.append(GLOSSARY.flag(
                    pair, f"Forbidden term '{pair.en[spans[0][0]:spans[0][1]]}' used for "
                          f"'{term.zh[0]}'{want}",
                    zh_spans=zh_spans, en_spans=spans,
                    suggestion=f"Replace with '{term.en[0]}'" if term.en else "Remove the forbidden term"))
        # one flag per problem: a forbidden rendering already says what to use
        if forbidden_used or not zh_spans or not term.en or not pair.en.strip():
            continue
        if any(find_en(e, pair.en) for e in term.en):
            continue
        zh_text = pair.zh[zh_spans[0][0]:zh_spans[0][1]]
        options = " or ".join(f"'{e}'" for e in term.en[:3])
        flags.append(GLOSSARY.flag(
            pair, f"Glossary term '{zh_text}' should be translated as {options}, "
                  f"which the English does not contain",
            zh_spans=zh_spans, suggestion=f"Use '{term.en[0]}'"))
    return flags


GLOSSARY = Check(id="glossary", category="Terminology/Glossary", severity="major",
                 description="Glossary source term present but its required English term missing, "
                             "or a forbidden English term used",
                 run=check_glossary, scope="pair", options=GlossaryOptions,
                 needs=frozenset({"glossary"}))
CHECKS = [GLOSSARY]

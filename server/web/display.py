"""Text as the web pages show it: Markdown with HTML escaped, card citations as titles, invisible direction and
zero-width characters removed, and Chinese, Japanese and Korean text marked with its language for screen readers."""

from __future__ import annotations

import re
from collections.abc import Mapping

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from server.cjk import CJK_RANGES, HANGUL, KANA

# Bidi embeddings, overrides and isolates, the Arabic letter mark, and zero-width characters: they can reorder or
# hide what a message says (a right-to-left override turns "txt.exe" around), so pages never show them.
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u061c\u200b-\u200f\u2060-\u2064\ufeff\u180e]")
_CJK_MARKS = "\u3000-\u303f\uff01-\uff65"  # CJK and full-width punctuation, inside a run
_CJK_RUN = re.compile(rf"[{CJK_RANGES}](?:[{CJK_RANGES}{_CJK_MARKS}\s]*[{CJK_RANGES}{_CJK_MARKS}])?")
_TAG = re.compile(r"(<[^>]*>)")
_CITATION = re.compile(r"\[([a-z0-9]+(?:-[a-z0-9]+)*)\](?!\()")
_SOURCES_LINE = re.compile(r"^\s*(\*\*Sources:?\*\*|#+\s*Sources\s*$).*$", re.M | re.I)
_MARK = "\ue000{}\ue001"  # a private-use placeholder for a citation while the Markdown is rendered
_MARKED = re.compile("\ue000([0-9]+)\ue001")

# HTML in answers, cards and pasted partner text is shown as text, never as markup; links cannot be javascript:.
_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    ["table", "strikethrough"])


def neutralise(text: str) -> str:
    """The text without direction overrides and zero-width characters."""
    return _INVISIBLE.sub("", text)


def language(run: str, whole: str) -> str:
    """BCP 47 tag of a run of CJK script: kana is Japanese, hangul Korean; Han alone follows the rest of the text."""
    for pattern, tag in ((KANA, "ja"), (HANGUL, "ko")):
        if pattern.search(run):
            return tag
    return "ja" if KANA.search(whole) else "ko" if HANGUL.search(whole) else "zh"


def mark_languages(html: str) -> Markup:
    """Wrap each run of CJK script in the text of `html` (never inside a tag) in <span lang=...>."""
    whole = _TAG.sub(" ", html)
    parts = _TAG.split(html)
    for i in range(0, len(parts), 2):  # even parts are text between tags
        parts[i] = _CJK_RUN.sub(lambda m: f'<span lang="{language(m[0], whole)}">{m[0]}</span>', parts[i])
    return Markup("".join(parts))


def display_text(text: str) -> Markup:
    """Plain text (a question, a title) for a template: escaped, neutralised, languages marked."""
    return mark_languages(str(escape(neutralise(text))))


def render_markdown(text: str, titles: Mapping[str, str] | None = None, shift_headings: int = 0,
                    drop_sources: bool = False) -> Markup:
    """Markdown to HTML with raw HTML escaped. `[card-id]` citations of known cards become links showing the card's
    title; `shift_headings` demotes headings (an answer's ## sits under the turn's own headings); `drop_sources`
    removes the Sources line, which the page lists once beside the answer."""
    titles = titles or {}
    text = neutralise(text)
    if drop_sources:
        text = _SOURCES_LINE.sub("", text)
    cited: list[str] = []

    def cite(match: re.Match[str]) -> str:
        if match[1] not in titles:
            return match[0]
        cited.append(match[1])
        return _MARK.format(len(cited) - 1)

    tokens = _MD.parse(_CITATION.sub(cite, text))
    for token in tokens:
        if shift_headings and token.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            token.tag = f"h{min(6, int(token.tag[1]) + shift_headings)}"
    html = _MD.renderer.render(tokens, _MD.options, {})

    def link(match: re.Match[str]) -> str:
        card_id = cited[int(match[1])]
        return f'<a class="cite" href="/kb/{card_id}">{escape(titles[card_id])}</a>'

    return mark_languages(_MARKED.sub(link, html))

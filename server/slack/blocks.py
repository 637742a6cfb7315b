"""Slack message formatting: Answer -> Block Kit within Slack's limits, Markdown -> mrkdwn, incoming text cleaned."""

from __future__ import annotations

import json
import re
from typing import Any

from server.coach.compose import SOURCES_LINE, Labels
from server.models import Answer

SECTION_LIMIT = 3000  # Slack rejects a section whose text is longer
MAX_BLOCKS = 50  # per message
PAGE_SECTIONS = 8  # answer sections per message; the rest behind "Show more" (8 + 4 other blocks <= 50)
BUTTON_TEXT_LIMIT = 75
VALUE_LIMIT = 2000
CONTEXT_LIMIT = 2000
FALLBACK_LIMIT = 300  # the notification text; the blocks carry the answer

FEEDBACK_ACTION = "coach_feedback"
MORE_ACTION = "coach_more"
ASK_ACTION = "coach_ask"  # followed by _<n>: action ids must be unique within a block

EXAMPLE_QUESTIONS = [
    "My Japanese partner said 「前向きに検討します」. Is that a no?",
    "Who should have final cut in a Japan-US co-production?",
    "The yen moved 15% during our 18-month schedule. Who absorbs it?",
]

_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
_CHANNEL = re.compile(r"<#[A-Z0-9]+\|([^>]*)>")
_SPECIAL = re.compile(r"<!(?:subteam\^[A-Z0-9]+\|)?([^>|]+)(?:\|[^>]*)?>")
_LABELLED_LINK = re.compile(r"<((?:https?|mailto):[^|>]+)\|([^>]+)>")
_LINK = re.compile(r"<((?:https?|mailto):[^>]+)>")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^(\s*)[-*+]\s+")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\(((?:https?|mailto):[^)\s]+)\)")
_ITALIC = re.compile(r"(?<![*\w])\*(?![\s*])([^*\n]+?)(?<![\s*])\*(?![*\w])")
_BOLD = re.compile(r"\*\*(?!\s)(.+?)(?<!\s)\*\*|__(?!\s)(.+?)(?<!\s)__")


def clean_incoming(text: str) -> str:
    """Slack's encoded message text as the user meant it: mentions of the bot dropped, links and entities undone."""
    text = _MENTION.sub("", text)
    text = _CHANNEL.sub(r"#\1", text)
    text = _SPECIAL.sub(r"@\1", text)
    text = _LABELLED_LINK.sub(r"\2 (\1)", text)
    text = _LINK.sub(r"\1", text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return re.sub(r"[ \t]+", " ", text).strip()


def escape(text: str) -> str:
    """Escape the three characters Slack treats as control characters in mrkdwn."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _inline(line: str) -> str:
    line = _MD_LINK.sub(lambda m: f"<{m.group(2)}|{m.group(1)}>", line)
    line = _ITALIC.sub(r"_\1_", line)
    return _BOLD.sub(lambda m: f"*{m.group(1) or m.group(2)}*", line)


def to_mrkdwn(markdown: str) -> str:
    """Our Markdown answers in Slack's mrkdwn: headings and **bold** to *bold*, *italic* to _italic_, bullets, links."""
    out: list[str] = []
    in_code = False
    for line in escape(markdown).splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
            out.append(line)
            continue
        if in_code:
            out.append(line)
            continue
        heading = _HEADING.match(line)
        if heading:
            out.append(f"*{_BOLD.sub(lambda m: m.group(1) or m.group(2), heading.group(1))}*")
            continue
        line = _BULLET.sub(lambda m: f"{m.group(1)}• ", line)
        line = re.sub(r"^&gt; ?", "> ", line)  # a Markdown quote stays a quote: mrkdwn marks it with a bare ">"
        out.append(_inline(line))
    return "\n".join(out).strip()


def _cut(text: str, limit: int) -> int:
    """Where to cut an over-long piece: the last space before the limit, never inside an &entity;."""
    at = text.rfind(" ", limit // 2, limit)
    at = at if at > 0 else limit
    amp = text.rfind("&", max(0, at - 5), at)
    if amp >= 0 and ";" not in text[amp:at]:
        at = amp
    return at


def split_sections(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    """Split mrkdwn into pieces of at most `limit` characters, at paragraph, then line, then word boundaries."""
    pieces: list[str] = []
    current = ""
    for paragraph in re.split(r"\n{2,}", text.strip()):
        units = [paragraph] if len(paragraph) <= limit else paragraph.split("\n")
        for i, unit in enumerate(units):
            sep = "\n\n" if i == 0 else "\n"
            while len(unit) > limit:
                at = _cut(unit, limit)
                if current:
                    pieces.append(current)
                    current = ""
                pieces.append(unit[:at].rstrip())
                unit = unit[at:].lstrip()
            if current and len(current) + len(sep) + len(unit) > limit:
                pieces.append(current)
                current = ""
            current = f"{current}{sep}{unit}" if current else unit
    if current:
        pieces.append(current)
    return [p for p in pieces if p.strip()]


def pages(markdown: str) -> list[list[str]]:
    """An answer's sections grouped into messages of at most PAGE_SECTIONS sections."""
    body = "\n".join(line for line in markdown.splitlines() if not SOURCES_LINE.match(line))
    sections = split_sections(to_mrkdwn(body)) or ["_(empty answer)_"]
    return [sections[i:i + PAGE_SECTIONS] for i in range(0, len(sections), PAGE_SECTIONS)]


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: _cut(text, limit - 1)].rstrip() + "…"


def _value(**fields: Any) -> str:
    value = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    if len(value) > VALUE_LIMIT:
        raise ValueError(f"button value over {VALUE_LIMIT} characters")
    return value


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": _truncate(text, CONTEXT_LIMIT)}]}


def _button(text: str, action_id: str, value: str) -> dict[str, Any]:
    return {"type": "button", "text": {"type": "plain_text", "text": _truncate(text, BUTTON_TEXT_LIMIT)},
            "action_id": action_id, "value": value}


def _more_button(conversation_id: str, turn: int, page: int, total: int, label: str = "Show more ({page} of {total})"
                 ) -> dict[str, Any]:
    return _button(label.format(page=page + 1, total=total), MORE_ACTION, _value(c=conversation_id, t=turn, p=page))


def _fallback(sections: list[str]) -> str:
    return _truncate(re.sub(r"[*_]", "", sections[0]).replace("\n", " "), FALLBACK_LIMIT)


def answer_message(answer: Answer, turn: int, words: Labels, question: str | None = None,
                   asked_by: str | None = None) -> dict[str, Any]:
    """The first message for an answer: question, answer sections, sources, follow-ups, "Show more", feedback.

    Args:
        turn: index of the coach turn in the stored conversation, so buttons can refer back to it.
        words: the answer language's labels (prompts/labels.yaml), so the chrome speaks the answer's language.
        question: shown above the answer when Slack does not show the user's own message (slash commands, buttons).
        asked_by: a Slack user id, named in the question line.
    """
    chat = words["chat"]
    all_pages = pages(answer.answer_markdown)
    sections = all_pages[0]
    blocks: list[dict[str, Any]] = []
    if question:
        who = chat["asked"].format(who=f"<@{asked_by}>") if asked_by else chat["question"]
        blocks.append(_context(f"*{who}:* {escape(question)}"))
    blocks += [_section(s) for s in sections]
    facts = [f"{chat['confidence']} {answer.confidence:.2f}"]
    if answer.sources:
        facts.insert(0, f"{words['sources']} " + "; ".join(f"{escape(s.title)} [{s.id}]" for s in answer.sources))
    blocks.append(_context(" · ".join(facts)))
    buttons = [_button(s, f"{ASK_ACTION}_{i}", _value(c=answer.conversation_id, q=s[:900]))
               for i, s in enumerate(answer.suggestions[:3])]
    if len(all_pages) > 1:
        buttons.append(_more_button(answer.conversation_id, turn, 1, len(all_pages), chat["more"]))
    if buttons:
        blocks.append({"type": "actions", "elements": buttons})
    blocks.append({"type": "context_actions", "elements": [{
        "type": "feedback_buttons", "action_id": FEEDBACK_ACTION,
        "positive_button": {"text": {"type": "plain_text", "text": chat["helpful"]},
                            "value": _value(c=answer.conversation_id, t=turn, r=1)},
        "negative_button": {"text": {"type": "plain_text", "text": chat["not_helpful"]},
                            "value": _value(c=answer.conversation_id, t=turn, r=-1)},
    }]})
    return {"text": _fallback(sections), "blocks": blocks}


def more_message(markdown: str, conversation_id: str, turn: int, page: int) -> dict[str, Any]:
    """A later page of a long answer, with its own "Show more" while pages remain."""
    all_pages = pages(markdown)
    page = min(max(page, 1), len(all_pages) - 1) if len(all_pages) > 1 else 0
    sections = all_pages[page]
    blocks = [_context(f"_(continued, part {page + 1} of {len(all_pages)})_")]
    blocks += [_section(s) for s in sections]
    if page + 1 < len(all_pages):
        blocks.append({"type": "actions",
                       "elements": [_more_button(conversation_id, turn, page + 1, len(all_pages))]})
    return {"text": _fallback(sections), "blocks": blocks}


def text_message(markdown: str) -> dict[str, Any]:
    """A short notice (help, errors, thanks) as one or more sections."""
    sections = split_sections(to_mrkdwn(markdown))[: MAX_BLOCKS]
    return {"text": _fallback(sections), "blocks": [_section(s) for s in sections]}


def help_markdown(command: str = "/coach", mention: str = "@Coach") -> str:
    """Usage with examples, in Markdown (Slack converts it; Mattermost renders it as is)."""
    examples = "\n".join(f"- `{command} {q}`" for q in EXAMPLE_QUESTIONS)
    return (
        "**Co-Production Coach** answers cross-cultural questions for Japan-US, Korea-US and China-US film, "
        "series and animation co-productions, from curated guidance cards.\n\n"
        f"- `{command} <question>`: ask; only you see the answer.\n"
        f"- `{command} share <question>`: ask and post the question and answer in this channel.\n"
        f"- `{command} help`: this message.\n"
        f"- Mention {mention} in a channel, or send it a direct message: it replies in the thread, and later "
        "mentions in the same thread continue the conversation.\n\n"
        f"**Examples**\n{examples}\n\n"
        "You can paste what your partner wrote (in English, Japanese, Korean or Chinese) and ask what it means."
    )

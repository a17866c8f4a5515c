"""Conversion of EAD mixed content (notes, titles) into plain text or a small, safe HTML subset.

The HTML produced here is built from escaped text and a fixed list of tags (p, br, strong, em,
sup, sub, ul, ol, li, blockquote, and a with an http(s) href only), so templates may output it
without further cleaning. Every other element contributes its text only.
"""

import re
from urllib.parse import urlsplit

from django.utils.html import escape

BLOCK_TAGS = ("p", "ul", "ol", "li", "blockquote")
_SPACES = re.compile(r"\s+")
_SPACE_AROUND_BLOCKS = re.compile(r"\s*(</?(?:p|ul|ol|li|blockquote)>|<br>)\s*")
_EMPTY_BLOCK = re.compile(r"<(p|li|blockquote)></\1>")

EMPHASIS_TAGS = {
    "bold": "strong",
    "boldunderline": "strong",
    "boldsmcaps": "strong",
    "boldquoted": "strong",
    "bolditalic": "strong",
    "italic": "em",
    "underline": "em",
    "quoted": "em",
    "super": "sup",
    "sub": "sub",
}
# EAD elements rendered as one HTML element around their content.
WRAPPER_TAGS = {
    "p": "p",
    "item": "li",
    "defitem": "li",
    "chronitem": "li",
    "chronlist": "ul",
    "blockquote": "blockquote",
}
LINK_ELEMENTS = {"extref", "ref", "archref", "bibref", "extptr", "ptr", "dao"}
# Elements whose content is a heading or machine data, never shown inside a note.
SKIPPED_ELEMENTS = {"head", "daodesc"}


def normalise_space(text):
    return _SPACES.sub(" ", text or "").strip()


def plain_text(element):
    """Return the text of ``element`` and its descendants with whitespace collapsed."""
    if element is None:
        return ""
    return normalise_space("".join(element.itertext()))


def safe_http_url(value):
    """Return ``value`` when it is an absolute http(s) URL, otherwise an empty string."""
    value = (value or "").strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    if parts.scheme in ("http", "https") and parts.netloc:
        return value
    return ""


def _inline_text(text):
    return escape(_SPACES.sub(" ", text)) if text else ""


def _render_children(element):
    parts = [_inline_text(element.text)]
    for child in element:
        rendered = _render_element(child)
        # A reference often follows its label without a space ("ci-joint<extref>Index").
        if child.tag in LINK_ELEMENTS and parts[-1] and not parts[-1][-1].isspace():
            rendered = f" {rendered}"
        parts.append(rendered)
        parts.append(_inline_text(child.tail))
    return "".join(parts)


def _render_element(element):
    name = element.tag
    if name in SKIPPED_ELEMENTS:
        return ""
    if name == "lb":
        return "<br>"
    inner = _render_children(element)

    if name in WRAPPER_TAGS:
        tag = WRAPPER_TAGS[name]
        return f"<{tag}>{inner}</{tag}>"
    if name == "emph":
        tag = EMPHASIS_TAGS.get((element.get("render") or "").lower(), "em")
        return f"<{tag}>{inner}</{tag}>"
    if name == "list":
        tag = "ol" if (element.get("type") or "").lower() == "ordered" else "ul"
        return f"<{tag}>{inner}</{tag}>"

    parent = element.getparent()
    if name in ("label", "date") and parent is not None and parent.tag in ("defitem", "chronitem"):
        return f"<strong>{inner}</strong> "
    if name in ("addressline", "row"):
        return f"{inner}<br>"

    if name in LINK_ELEMENTS:
        url = safe_http_url(element.get("href"))
        if not url:
            return inner
        return f'<a href="{escape(url)}">{inner if inner.strip() else escape(url)}</a>'
    return inner


def note_html(elements):
    """Render the content of one or more note elements (scopecontent, accessrestrict…) as HTML.

    Inline content that is not inside a paragraph is wrapped in one. Returns "" when the notes
    hold no text.
    """
    chunks = []
    for element in elements:
        html = _render_children(element)
        html = _SPACE_AROUND_BLOCKS.sub(r"\1", html).strip()
        html = _EMPTY_BLOCK.sub("", html)
        html = _EMPTY_BLOCK.sub("", html)
        if not html or html == "<br>":
            continue
        if not html.startswith(tuple(f"<{tag}>" for tag in BLOCK_TAGS)):
            html = f"<p>{html}</p>"
        chunks.append(html)
    return "".join(chunks)

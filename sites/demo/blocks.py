"""Short constructors for StreamField data, so that demo content reads like the page it builds."""

from django.utils.html import escape


def paragraphs(*texts):
    """Return a rich-text block with one paragraph per text (plain text, escaped)."""
    return {"type": "paragraph", "value": "".join(f"<p>{escape(text)}</p>" for text in texts)}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def quote(text, attribution=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def accordion(title, items):
    return {
        "type": "accordion",
        "value": {
            "title": title,
            "items": [
                {"title": item_title, "body": f"<p>{escape(item_body)}</p>"}
                for item_title, item_body in items
            ],
        },
    }


def call_to_action(title, text, url, label):
    return {
        "type": "call_to_action",
        "value": {
            "title": title,
            "text": text,
            "link": {"page": None, "url": url, "label": label},
        },
    }

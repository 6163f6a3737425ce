"""URLs in a text: "https://…", "www.site.ru", bare "vk.com/club1", "t.me/…",
"profsoyuz.ru", "сайт-на-кириллице.рф". E-mail addresses are not URLs. Trailing
punctuation is dropped ("vk.com/club123)." -> "vk.com/club123"); URLs come back as
printed, once each, in order.
"""

from __future__ import annotations

import re

_TLDS = (
    "ru|рф|su|рус|москва|moscow|com|org|net|info|biz|pro|online|site|me|io|tv|ua|by|kz|"
    "uz|am|ge|az|kg|tj|edu|gov|int|de|uk|fr|eu|app|dev|club|store|shop|blog|news|media|live"
)
_LABEL = r"[a-zа-яё0-9](?:[a-zа-яё0-9-]{0,61}[a-zа-яё0-9])?"
_URL_RE = re.compile(
    r"(?:https?://[^\s<>\"«»“”]+"
    rf"|(?<![\w@.\-/])(?:www\.)?(?:{_LABEL}\.)+(?:{_TLDS})(?![\w\-@])(?::\d{{2,5}})?"
    r"(?:[/?#][^\s<>\"«»“”]*)?)",
    re.IGNORECASE,
)
_TRAIL = ".,;:!?'…"
_PAIRS = {")": "(", "]": "[", "}": "{"}


def _trim(url: str) -> str:
    while url:
        last = url[-1]
        if last in _TRAIL or (last in _PAIRS and url.count(last) > url.count(_PAIRS[last])):
            url = url[:-1]
        else:
            break
    return url


def find_urls(text: str) -> tuple[str, ...]:
    """URLs as printed, deduplicated, in order of appearance."""
    seen: dict[str, None] = {}
    for m in _URL_RE.finditer(text):
        url = _trim(m.group())
        end = m.start() + len(url)
        if text[end : end + 1] == "@" or "@" in url.split("/")[0]:
            continue  # the domain of an e-mail address
        if re.fullmatch(r"[\d.]+", url) or "." not in url:
            continue
        seen.setdefault(url, None)
    return tuple(seen)

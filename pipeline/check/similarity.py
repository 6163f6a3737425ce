"""Which directive a sentence of a report speaks about, by content.

A sentence and a directive are compared on their content words: lemmas
(pymorphy3) cut to a five-letter stem so that a noun and its verb meet
("создание" / "создан", "назначить" / "назначение"), with a few concepts of
the genre merged ("аккаунт", "ВКонтакте", "t.me/…" are all a social-network
account). Each shared term weighs its inverse frequency over the decree's
directives: a word every directive uses decides nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from pipeline.extract.urls import find_urls
from pipeline.nlp import parse

MIN_SCORE = 1.0  # a sentence needs at least one distinctive shared term
NEAR = 0.75  # a runner-up this close to the best may take a sentence the best cannot
_STEM = 5

_WORD_RE = re.compile(r"[А-ЯЁа-яёA-Za-z]+(?:-[А-ЯЁа-яёA-Za-z]+)*")
_SOCIAL_HOSTS = re.compile(
    r"^(?:vk\.(?:com|ru)|t\.me|telegram\.(?:me|org)|ok\.ru|instagram\.com|facebook\.com"
    r"|youtube\.com|rutube\.ru|dzen\.ru|max\.ru)$"
)
_SKIP_POS = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "NUMR", "INTJ", "PRED", "ADVB", "COMP"})


def _lexicon(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words of any report or directive: they say nothing about which directive is meant.
STOP = _lexicon(
    """
    организация членский член профсоюз профсоюзный работа принять мера свой который
    этот данный весь год также постановление пункт выполнение выполнить исполнение
    исполнить президиум сообщать сообщить следующий являться быть иметь проводить
    осуществлять необходимый соответствие целое рамка связь вопрос число настоящий
    информация отчёт отчет срок месяц день время ход результат итог работник сотрудник
    первичный городской районный республиканский региональный территориальный местный
    рекомендовать поручить предложить обязать просить разрешить обеспечить организовать
    январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
    квартал полугодие неделя период
    """
)
# Concepts of the genre: different words, one thing.
_CONCEPTS = {
    "#site": "сайт веб-сайт вебсайт портал домен",
    "#social": "аккаунт соцсеть сеть вконтакте вк vk telegram телеграм телеграмм телеграм-канал "
    "канал паблик сообщество instagram инстаграм одноклассники facebook youtube rutube",
    "#subscription": "подписка подписать подписаться выписать выписывать подписной экземпляр",
    "#responsible": "ответственный назначить назначение назначать",
    "#review": "анализ анализировать проанализировать рассмотреть рассмотрение рассматривать "
    "изучить изучение мониторинг",
}
CONCEPTS = {word: concept for concept, ws in _CONCEPTS.items() for word in _lexicon(ws)}


@lru_cache(maxsize=32768)
def _term(word: str) -> str | None:
    low = word.lower().replace("ё", "е")
    if word.isupper() and len(word) >= 2:  # an abbreviation: ДР СОП, ФНПР
        return low
    if len(low) < 3:
        return None
    parses = parse(low)
    if not parses:
        return None
    first = parses[0]
    if first.tag.POS in _SKIP_POS:
        return None
    lemma = first.normal_form.replace("ё", "е")
    if lemma in STOP:
        return None
    if lemma in CONCEPTS:
        return CONCEPTS[lemma]
    return lemma[:_STEM] if len(lemma) > _STEM + 1 else lemma


def terms(text: str) -> frozenset[str]:
    """The content terms of a text (see the module docstring)."""
    found = set()
    cleaned = text
    for url in find_urls(text):
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower()).split("/")[0]
        found.add("#social" if _SOCIAL_HOSTS.match(host) else "#site")
        cleaned = cleaned.replace(url, " ")
    for m in _WORD_RE.finditer(cleaned):
        term = _term(m.group())
        if term:
            found.add(term)
    return frozenset(found)


class Matcher:
    """Scores sentences against a fixed set of directives: (id, text, addressees).
    Who must act says nothing about what: the addressees' words are left out."""

    def __init__(self, directives: Sequence[tuple[str, str, Sequence[str]]]) -> None:
        self.ids = [i for i, _, _ in directives]
        self.terms = {i: terms(t) - terms(" ".join(who)) or terms(t) for i, t, who in directives}
        n = len(directives)
        df: dict[str, int] = {}
        for ts in self.terms.values():
            for t in ts:
                df[t] = df.get(t, 0) + 1
        self.idf = {t: math.log((n + 1) / k) for t, k in df.items()}

    def score(self, text: str, directive: str) -> float:
        shared = terms(text) & self.terms.get(directive, frozenset())
        return sum(self.idf[t] for t in shared)

    def rank(self, text: str) -> list[tuple[float, float, str]]:
        """(score, coverage, id) for every directive, best first. Ties on the score go
        to the directive the sentence covers more of: "Обмен информацией … через
        ответственного" is about the short "наладить обмен информацией"."""
        ts = terms(text)
        scored = []
        for i in self.ids:
            shared = sum(self.idf[t] for t in ts & self.terms[i])
            mass = sum(self.idf[t] for t in self.terms[i]) or 1.0
            scored.append((round(shared, 6), round(shared / mass, 6), i))
        return sorted(scored, key=lambda p: (-p[0], -p[1]))

    def best(self, text: str, among: Collection[str] | None = None) -> tuple[str | None, float]:
        """The directive a sentence speaks about and its score; (None, score) when no
        directive reaches MIN_SCORE or two tie. With `among`, a sentence whose best
        directive is not among them goes to the best one that is only when it scores
        nearly as high (a sentence about sites is not about accounts because the
        organization is too small to need a site)."""
        scored = self.rank(text)
        if not scored or scored[0][0] < MIN_SCORE:
            return None, scored[0][0] if scored else 0.0
        tied = [p for p in scored if p[:2] == scored[0][:2]]
        if len(tied) > 1:
            tied = [p for p in tied if among is None or p[2] in among]
            return (tied[0][2], tied[0][0]) if len(tied) == 1 else (None, scored[0][0])
        top = scored[0]
        if among is not None and top[2] not in among:
            top = next((p for p in scored if p[2] in among), (0.0, 0.0, ""))
            if top[0] < max(MIN_SCORE, NEAR * scored[0][0]):
                return None, top[0]
        return top[2], top[0]

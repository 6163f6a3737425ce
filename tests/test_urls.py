"""URLs: links as printed, without trailing punctuation, e-mails left out."""

from __future__ import annotations

import pytest

from pipeline.extract.urls import find_urls

CASES = [
    ("см. https://dagprof.ru/news/123?id=5, а также", ["https://dagprof.ru/news/123?id=5"]),
    ("на сайте http://fnpr.ru.", ["http://fnpr.ru"]),
    ("сайт www.fnpr.ru.", ["www.fnpr.ru"]),
    ("группа vk.com/club123).", ["vk.com/club123"]),
    ("канал t.me/drsop; группа ok.ru/group/1", ["t.me/drsop", "ok.ru/group/1"]),
    ("блог dzen.ru/drsop!", ["dzen.ru/drsop"]),
    ("портал profsoyuz.ru и сайт-на-кириллице.рф", ["profsoyuz.ru", "сайт-на-кириллице.рф"]),
    ("почта info@dagprof.ru, a.b@mail.ru", []),
    ("сайт dagprof.ru, почта info@dagprof.ru", ["dagprof.ru"]),
    ("т.г. с.г. 1.09.17 г. г.Махачкала ст.5 п.3.1. file.docx Т.Е.", []),
    ("(https://vk.com/wall-1_2)", ["https://vk.com/wall-1_2"]),
    ("http://example.com/path_(x) конец", ["http://example.com/path_(x)"]),
    ("HTTPS://WWW.FNPR.RU/", ["HTTPS://WWW.FNPR.RU/"]),
    ("www.fnpr.ru и снова www.fnpr.ru", ["www.fnpr.ru"]),
    ("«https://kaspiysk-gorod.ru»", ["https://kaspiysk-gorod.ru"]),
    ("https://мойсайт.рф/новости/1…", ["https://мойсайт.рф/новости/1"]),
    ("rutube.ru/channel/123 и youtube.com/@drsop", ["rutube.ru/channel/123", "youtube.com/@drsop"]),
    ("сайт example.org:8080/path.", ["example.org:8080/path"]),
    ("в 2023 г. было 5.5 тыс. членов", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_urls(text: str, expected: list[str]) -> None:
    assert list(find_urls(text)) == expected

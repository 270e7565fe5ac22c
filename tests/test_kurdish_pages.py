"""The Kurdish site is Kurdish: with the party's text loaded, no Arabic shows on its pages except
where it is marked lang="ar" (a post not yet translated, the language switcher's «العربية»)."""

from html.parser import HTMLParser

import pytest

from tests.content_helpers import make_post

ARABIC_ONLY_LETTERS = set("ةىيكأإؤ")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class UnmarkedArabic(HTMLParser):
    """Collects words with Arabic-only letters in text not inside an element marked lang="ar"."""

    def __init__(self):
        super().__init__()
        self.stack = []  # (tag, is Arabic)
        self.words = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        inside = bool(self.stack and self.stack[-1][1])
        self.stack.append((tag, inside or attrs.get("lang") == "ar"))
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        while self.stack:
            opened, _arabic = self.stack.pop()
            self.skip -= opened in ("script", "style")
            if opened == tag:
                break

    def handle_data(self, data):
        if self.skip or (self.stack and self.stack[-1][1]):
            return
        self.words += [word for word in data.split() if set(word) & ARABIC_ONLY_LETTERS]


def unmarked_arabic(html):
    parser = UnmarkedArabic()
    parser.feed(html)
    return parser.words


@pytest.mark.parametrize(
    "path",
    [
        "/ckb/",
        "/ckb/about/",
        "/ckb/founding-statement/",
        "/ckb/principles/",
        "/ckb/secretariat/",
        "/ckb/privacy/",
        "/ckb/news/",
        "/ckb/analysis/",
        "/ckb/join/",
        "/ckb/feedback/",
        "/ckb/search/?q=پارت",
        "/ckb/no-such-page/",
    ],
)
def test_kurdish_pages_show_no_unmarked_arabic(client, party_content, path):
    make_post(title="خبر بالعربية فقط", summary_ar="ملخص")  # its card is marked lang="ar"
    response = client.get(path)
    assert unmarked_arabic(response.content.decode()) == []


def test_the_check_sees_unmarked_arabic():
    assert unmarked_arabic('<p>سڵاو <span lang="ar">مرحبا</span> الحكومة</p>') == ["الحكومة"]


def test_the_birth_month_list_is_in_the_page_s_language(client, party_content):
    assert "1 — January" in client.get("/en/join/").content.decode()
    assert "1 — کانوونی دووەم" in client.get("/ckb/join/").content.decode()
    assert "1 — كانون الثاني" in client.get("/join/").content.decode()

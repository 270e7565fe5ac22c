import re

H1 = re.compile(r"<h1[\s>]", re.IGNORECASE)
HTML_OPEN = re.compile(r"<html\b[^>]*>", re.IGNORECASE)


def html_lang_dir(content: str) -> tuple[str, str]:
    tag = HTML_OPEN.search(content).group(0)
    lang = re.search(r'lang="([^"]+)"', tag).group(1)
    direction = re.search(r'dir="([^"]+)"', tag).group(1)
    return lang, direction


def count_h1(content: str) -> int:
    return len(H1.findall(content))

"""The site's real search knows readers' words.

Readers search with everyday words ("c-section", "pee", "mummy tummy",
"stroller"), not the guide's headings. For each word, the top result of the
theme's own search must be a page that answers it. Issue 16: "c-section",
"incontinence" and "prolapse" found nothing, or only the glossary."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from playwright.sync_api import Page

from sitebuild.server import SiteServer

from .conftest import Watch

CAESAREAN = {"situations/caesarean/"}
LEAKING = {"test/warning-signs/", "rebuild/reconnect/"}
SIGNS = {"test/warning-signs/"}
LIFE = {"run/life-around-running/"}
EXERCISES = {"rebuild/reconnect/"}
LOSS = {"situations/after-loss/"}

# A reader's word -> the pages whose top hit answers it. The glossary is never
# enough on its own: it defines a word but does not help.
WORDS: dict[str, set[str]] = {
    "c-section": CAESAREAN,
    "C-section": CAESAREAN,
    "caesarean": CAESAREAN,
    "cesarean": CAESAREAN,
    "scar massage": CAESAREAN,
    "incontinence": LEAKING,
    "leaking": LEAKING,
    "pee": LEAKING,
    "wee": LEAKING,
    "bladder": LEAKING,
    "prolapse": SIGNS,
    "diastasis recti": SIGNS | {"rebuild/stacking/"},
    "mummy tummy": SIGNS,
    "tummy separation": SIGNS,
    "pelvic pain": SIGNS,
    "sex": SIGNS,
    "painful sex": SIGNS,
    "constipation": SIGNS,
    "straining": SIGNS,
    "self-referral": SIGNS,
    "physiotherapist": SIGNS,
    "physical therapist": SIGNS,
    "sports bra": LIFE,
    "breastfeeding": LIFE,
    "pram": LIFE,
    "stroller": LIFE,
    "buggy": LIFE,
    "jogging": LIFE | {"run/walk-to-run/", "test/readiness-tests/"},
    "kegel": EXERCISES,
    "pelvic floor exercises": EXERCISES,
    "stillbirth": LOSS,
    "miscarriage": LOSS,
}


def top_result(page: Page, words: str) -> str:
    """The site path of the first result of the theme's search for `words`."""
    # The whole query at once, then one key the theme listens for: typing it
    # letter by letter would show results for "s", "st", ... on the way.
    box = page.locator(".md-search__input")
    box.fill("")
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(state="detached", timeout=15000)
    box.fill(words)
    box.press("End")
    link = page.locator(".md-search-result__item .md-search-result__link").first
    try:
        link.wait_for(timeout=15000)
    except Exception:  # noqa: BLE001 - no result at all is an answer too
        return "(no result)"
    href = link.get_attribute("href") or ""
    return urlsplit(urljoin(page.url, href)).path


def test_top_result_for_readers_words(watched: tuple[Page, Watch, SiteServer]) -> None:
    page, watch, server = watched
    assert len(WORDS) >= 25
    page.goto(server.root + "about/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")  # the theme's shortcut opens and focuses the search
    root = urlsplit(server.root).path
    wrong = {}
    for words, pages in WORDS.items():
        path = top_result(page, words)
        if path.removeprefix(root) not in pages:
            wrong[words] = path
    assert not wrong, f"top result is not a page that answers the word: {wrong}"
    watch.check()

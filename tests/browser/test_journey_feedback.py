"""Feedback journey (issue 5): someone sends an idea anonymously, after fixing a mistake, and sees a
confirmation; the message is stored with no name and no way to reach them."""

import pytest
from playwright.sync_api import expect

from feedback.models import FeedbackMessage, FeedbackTopic
from tests.browser.conftest import VIEWPORTS
from tests.browser.journeys import t, watch_csp

pytestmark = pytest.mark.browser

MESSAGE = "أقترح أن ينشر الحزب برنامجه الاقتصادي بلغة بسيطة يفهمها الجميع."


@pytest.mark.parametrize("lang,prefix", [("ar", ""), ("ckb", "/ckb"), ("en", "/en")])
def test_visitor_sends_feedback_anonymously(new_context, site, settings, lang, prefix):
    settings.ANTISPAM_MIN_SECONDS = 0  # a test fills the form in under a second; people take longer
    page = new_context(viewport=VIEWPORTS["phone"]).new_page()
    breaches = watch_csp(page)
    page.goto(f"{prefix}/feedback/")
    form = page.locator("main form")
    anonymous = "You may send your message anonymously: leave these fields empty. Give a way to reach you only if you would like a reply."  # noqa: E501
    expect(form).to_contain_text(t(anonymous, lang))

    message = form.get_by_label(t("Your message", lang))
    assert int(message.get_attribute("maxlength")) > 0, "the limit works without JavaScript"
    message.fill(MESSAGE)
    form.get_by_role("button", name=t("Send", lang), exact=True).click()  # no topic chosen yet

    topic = page.get_by_label(t("Topic", lang), exact=True)
    expect(topic).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label(t("Your message", lang))).to_have_value(MESSAGE)  # nothing typed is lost
    assert FeedbackMessage.objects.count() == 0

    topic.select_option(FeedbackTopic.SUGGESTION)
    page.get_by_role("button", name=t("Send", lang), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Thank you: your message has been sent", lang))
    stored = FeedbackMessage.objects.get()
    assert stored.message == MESSAGE and stored.topic == FeedbackTopic.SUGGESTION
    assert (stored.name, stored.email, stored.phone) == ("", "", "")
    assert breaches == []

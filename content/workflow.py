"""The review of a post before it is published, in one function: `take_step`.

Modelled on Wagtail's moderation: a writer (the group «كتّاب المحتوى», content/roles.py) writes a
draft and submits it; an editor, who holds `content.publish_post`, sends it back with a comment,
or publishes it (now, or at a future publication time: scheduled). Every step is a ReviewStep row
(who, when, the comment), a version of the post (content/revisions.py) and, when it is sent back
or published, an e-mail to its writer through the outbox (party_site/notifications.py), all in one
transaction. Published keeps its one definition, Post.objects.published().

    draft ──submit──▶ review ──send back──▶ sent back ──submit──▶ review
      │                 │                                          │
      └────────────── publish (now or scheduled) ◀─────────────────┘
                        published ──unpublish──▶ draft
"""

import reversion
from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from party_site.notifications import queue_email

from .models import Post, ReviewStep

Status = Post.Status
PUBLISH_PERMISSION = "content.publish_post"

SUBMIT, SEND_BACK, PUBLISH, UNPUBLISH = "submit", "send_back", "publish", "unpublish"
# Each step: the statuses it may start from, and whether only an editor may take it.
STEPS = {
    SUBMIT: ({Status.DRAFT, Status.SENT_BACK}, False),
    SEND_BACK: ({Status.IN_REVIEW}, True),
    PUBLISH: ({Status.DRAFT, Status.IN_REVIEW, Status.SENT_BACK, Status.PUBLISHED}, True),
    UNPUBLISH: ({Status.PUBLISHED}, True),
}


class StepNotAllowed(Exception):
    """This user may not take this step on this post now (perhaps someone else just did)."""


def may_publish(user) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def sees_only_own(user) -> bool:
    """A writer (who writes posts but does not publish them) sees only their own drafts; readers
    and editors see every post."""
    return user.has_perm("content.add_post") and not may_publish(user)


def may_edit(post: Post, user) -> bool:
    """Editors edit any post; a writer edits only their own, and only while it is a draft or sent
    back: not while it waits for review, nor once it is published or scheduled."""
    if may_publish(user):
        return user.has_perm("content.change_post")
    if post.pk is None:
        return user.has_perm("content.add_post")
    return (
        user.has_perm("content.change_post")
        and post.created_by_id == user.pk
        and post.status in (Status.DRAFT, Status.SENT_BACK)
    )


def allowed_steps(post: Post, user) -> list[str]:
    """The steps this user may take on this post now, in the order the admin shows them."""
    steps = []
    for step, (sources, editors_only) in STEPS.items():
        if post.status not in sources:
            continue
        if editors_only and not may_publish(user):
            continue
        if not editors_only and not may_edit(post, user):
            continue
        if step == PUBLISH and post.is_published:
            continue  # already live: saving is enough
        steps.append(step)
    return steps


def take_step(post: Post, step: str, by, comment: str = "", publish_at=None) -> ReviewStep:
    """Take one step of the review on `post` for user `by`; return the recorded ReviewStep.

    `publish_at` (PUBLISH only): when the post appears; None means now, unless the post already
    has a future publication time (then it stays scheduled for it). Sending back needs a comment.
    Raises StepNotAllowed when the step does not fit the post's status or the user's role.
    """
    comment = (comment or "").strip()
    with transaction.atomic(), reversion.create_revision():
        post = Post.objects.select_for_update().get(pk=post.pk)
        if step not in allowed_steps(post, by):
            raise StepNotAllowed(step)
        if step == SEND_BACK and not comment:
            raise StepNotAllowed(step)
        now = timezone.now()
        action, status = {
            SUBMIT: (ReviewStep.Action.SUBMITTED, Status.IN_REVIEW),
            SEND_BACK: (ReviewStep.Action.SENT_BACK, Status.SENT_BACK),
            PUBLISH: (ReviewStep.Action.PUBLISHED, Status.PUBLISHED),
            UNPUBLISH: (ReviewStep.Action.UNPUBLISHED, Status.DRAFT),
        }[step]
        if step == PUBLISH:
            if publish_at is None and post.published_at <= now:
                publish_at = now
            post.published_at = publish_at or post.published_at
            if post.published_at > now:
                action = ReviewStep.Action.SCHEDULED
        post.status = status
        post.save(update_fields=["status", "published_at", "updated_at"])
        record = ReviewStep.objects.create(
            post=post,
            action=action,
            by=by,
            at=now,
            comment=comment,
            publish_at=post.published_at if step == PUBLISH else None,
        )
        reversion.set_user(by)
        reversion.set_comment(f"{record.get_action_display()}: {comment}" if comment else record.get_action_display())
        if step in (SEND_BACK, PUBLISH):
            _tell_writer(post, record)
    return record


def _tell_writer(post: Post, record: ReviewStep) -> None:
    """The writer learns by e-mail that their post was sent back (with the comment) or published;
    not when they took the step themselves, nor when they have no address."""
    writer = post.created_by
    if writer is None or writer.pk == getattr(record.by, "pk", None) or not writer.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        link = settings.SITE_URL.rstrip("/") + reverse("admin:content_post_change", args=[post.pk])
        context = {"post": post, "step": record, "link": link, "by": display_name(record.by)}
        subject = render_to_string("content/email/review_step_subject.txt", context).strip()
        body = render_to_string("content/email/review_step.txt", context)
    queue_email(post, f"content.{record.action}", [writer.email], subject, body)


def display_name(user) -> str:
    if user is None:
        return gettext("an editor")
    return user.get_full_name() or user.get_username()

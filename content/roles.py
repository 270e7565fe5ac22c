CONTENT_EDITORS = "محررو المحتوى"
WRITERS = "كتّاب المحتوى"

# Content editors manage everything visitors read, and nothing else (no applications, no feedback);
# they alone publish posts (content.publish_post, content/workflow.py).
# Writers write posts and submit them for review: they see and edit only their own drafts (the
# admin narrows "change" to those), add photos, reports and charts to them, and publish nothing.
VERBS = ("add", "change", "delete", "view")
GROUPS = {
    CONTENT_EDITORS: ["content.*"],
    WRITERS: [
        "content.view_section",
        "content.add_post",
        "content.change_post",
        "content.view_post",
        "content.delete_post",
        *(f"content.{verb}_{model}" for model in ("photo", "attachment", "chart") for verb in VERBS),
        "content.view_reviewstep",
    ],
}

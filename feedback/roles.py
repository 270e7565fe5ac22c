FEEDBACK_TEAM = "فريق الملاحظات"

# The feedback team reads and handles feedback and nothing else. Messages come only from the
# public form (no add) and are not deleted by the team (spam and archived are statuses);
# notes are a record, added but not rewritten.
GROUPS = {
    FEEDBACK_TEAM: [
        "feedback.view_feedbackmessage",
        "feedback.change_feedbackmessage",
        "feedback.view_feedbacknote",
        "feedback.add_feedbacknote",
    ]
}

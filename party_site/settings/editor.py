"""The rich text editor (django-ckeditor-5), and how long versions of edited content are kept.

`language` stays a plain string so the Arabic interface loads; each language tab's editor gets its
own {"ui", "content"} in content/admin.py. No plugins that write colours or fonts: nh3 would strip
them anyway (content/sanitize.py).
"""

from .env import env_int

CKEDITOR_5_CONFIGS = {
    "default": {
        "language": "ar",
        "toolbar": {
            "items": [
                "heading", "|", "bold", "italic", "link", "|", "bulletedList", "numberedList", "blockQuote",
                "|", "insertTable", "imageUpload", "|", "undo", "redo",
            ],
            "shouldNotGroupWhenFull": True,
        },
        "heading": {
            "options": [
                {"model": "paragraph", "title": "Paragraph", "class": "ck-heading_paragraph"},
                {"model": "heading2", "view": "h2", "title": "Heading 2", "class": "ck-heading_heading2"},
                {"model": "heading3", "view": "h3", "title": "Heading 3", "class": "ck-heading_heading3"},
                {"model": "heading4", "view": "h4", "title": "Heading 4", "class": "ck-heading_heading4"},
            ]
        },
        "image": {"toolbar": ["imageTextAlternative", "toggleImageCaption"]},
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
        "link": {"defaultProtocol": "https://"},
    }
}  # fmt: skip
# Images put into the editor go through content.admin_views.editor_upload (checked like every upload).
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "editor-upload"
CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "jpg", "png", "webp", "gif"]

# Versions of posts, pages and the rest (django-reversion; content/revisions.py): `manage.py
# prune_versions` (daily) deletes those older than this many days, but always keeps the newest
# CONTENT_VERSIONS_KEEP_MIN of every item, so a page edited once a year keeps its history.
CONTENT_VERSIONS_KEEP_DAYS = env_int("CONTENT_VERSIONS_KEEP_DAYS", 365)
CONTENT_VERSIONS_KEEP_MIN = env_int("CONTENT_VERSIONS_KEEP_MIN", 10)

CONTENT_EDITORS = "محررو المحتوى"

# Content editors manage everything visitors read, and nothing else (no applications, no feedback).
GROUPS = {CONTENT_EDITORS: ["content.*"]}

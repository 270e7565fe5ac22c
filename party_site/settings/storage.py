"""Static files and uploads. MEDIA_URL is /uploads/: /media/ is the media section."""

from pathlib import Path

from .base import BASE_DIR, DEBUG
from .env import env_str

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
        # Static files are public and nginx (another user) serves them: readable by all, unlike uploads
        # (FILE_UPLOAD_PERMISSIONS), which would otherwise apply to collectstatic's copies too.
        "OPTIONS": {"file_permissions_mode": 0o644, "directory_permissions_mode": 0o755},
    },
}
# In development static files are served straight from the app folders (no collectstatic needed).
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_URL = "/uploads/"
# Uploads on S3-compatible object storage when a bucket is named (several app servers share them);
# otherwise on this machine's file system under DJANGO_MEDIA_ROOT. Either way pages name them
# /uploads/<name> (party_site/storage.py); the web server serves or proxies that path. The keys
# come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (read by boto3, never copied into settings).
S3_BUCKET = env_str("DJANGO_S3_BUCKET")
if S3_BUCKET:
    S3_ENDPOINT_URL = env_str("DJANGO_S3_ENDPOINT_URL") or None
    STORAGES["default"] = {
        "BACKEND": "party_site.storage.UploadsStorage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": S3_ENDPOINT_URL,
            "region_name": env_str("DJANGO_S3_REGION") or None,
            # MinIO, Garage, Ceph and the like want bucket-in-path addressing; AWS picks its own.
            "addressing_style": env_str("DJANGO_S3_ADDRESSING_STYLE", "path" if S3_ENDPOINT_URL else "") or None,
            "signature_version": "s3v4",
            "default_acl": None,  # the bucket's own policy decides; nothing is made public by the app
            "querystring_auth": False,
            "file_overwrite": False,  # names are random anyway; never replace an object silently
        },
    }
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", BASE_DIR / "uploads"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640
THUMBNAIL_FORMAT = "WEBP"
THUMBNAIL_PRESERVE_FORMAT = False
THUMBNAIL_QUALITY = 80
THUMBNAIL_UPSCALE = False

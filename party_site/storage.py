"""Uploads on S3-compatible object storage, still served from the site's own origin.

Pages name every upload as /uploads/<name>: the web server in front proxies /uploads/ to the
bucket, so images come from the site itself and the Content-Security-Policy stays 'self'. No
signed or third-party URLs reach a visitor's browser.
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class UploadsStorage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(clean_name(name)).lstrip("/")

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "party_site.settings")
django_application = get_wsgi_application()

from party_site.pagecache import PageCacheApplication  # noqa: E402 - needs the settings loaded

# Kept pages are answered before Django builds a request (party_site/pagecache.py).
application = PageCacheApplication(django_application)

"""Work out again the WebP renditions of every image on the site (content/renditions.py).

Renditions are made when an image is saved; run this after changing the presets, the storage
or MEDIA_URL, or after restoring uploads without their thumbnails.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from content.models import Photo, Post, SecretariatMember
from content.renditions import refresh_renditions


class Command(BaseCommand):
    help = "Work out again the WebP renditions of every image on the site."

    def handle(self, *args, **options):
        count = 0
        for model in (Post, Photo, SecretariatMember):
            for instance in model.objects.iterator():
                with transaction.atomic():
                    changed = refresh_renditions(instance, force=True)
                    if changed:
                        model.objects.filter(pk=instance.pk).update(
                            **{name: getattr(instance, name) for name in changed}
                        )
                        count += 1
        self.stdout.write(f"Renditions worked out for {count} items.")

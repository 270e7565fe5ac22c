from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Site content")

    def ready(self):
        # The page cache (party_site/pagecache.py) must forget every page drawn before a change to
        # anything the public pages show: every model of this app, in every language. A signal is
        # the one place that sees every save and delete, the admin's, a command's and an inline's;
        # QuerySet.update() sends none, so the content querysets call content_changed() themselves.
        from party_site import pagecache

        for model in self.get_models():
            post_save.connect(pagecache.content_changed, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}")
            post_delete.connect(
                pagecache.content_changed, sender=model, dispatch_uid=f"pagecache-delete-{model.__name__}"
            )
        from .revisions import register_models

        register_models()  # versions of what staff edit (django-reversion)
        pagecache.set_publication_clock(lambda: self.get_model("Post").objects.next_publication())

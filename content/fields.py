from django.db import models

from .sanitize import clean_html


class RichTextField(models.TextField):
    """HTML written in the admin's editor; cleaned with nh3 every time the row is saved.

    django-modeltranslation copies this field for each language, so every translation is
    cleaned too.
    """

    def formfield(self, **kwargs):
        from django_ckeditor_5.widgets import CKEditor5Widget

        kwargs.setdefault("widget", CKEditor5Widget(config_name="default"))
        return super().formfield(**kwargs)

    def pre_save(self, model_instance, add):
        value = clean_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

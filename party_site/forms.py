from django.utils.translation import get_language_bidi


def let_text_find_its_direction(form, names):
    """On a left-to-right page (English), free text may still be typed in Arabic or Kurdish: `dir="auto"`
    lets each box take the direction of what is typed. Right-to-left pages keep their own direction
    (Chromium would turn an empty `dir="auto"` box left-to-right there)."""
    if get_language_bidi():
        return
    for name in names:
        form.fields[name].widget.attrs.setdefault("dir", "auto")

"""Views of the admin that are not ModelAdmin pages: the rich-text editor's image upload."""

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .fields import RandomName, without_metadata
from .validators import validate_image

# Whoever writes rich text in the admin: posts and the standalone pages.
EDITOR_UPLOAD_PERMISSIONS = ("content.add_post", "content.change_post", "content.change_page")
EDITOR_IMAGE_SIDE = 2000  # wider than the text column on any screen; a 24-megapixel photo is 6000


@staff_member_required
@require_POST
def editor_upload(request):
    """Images pasted or dropped into the editor: checked like any other upload, re-encoded
    without their metadata (EXIF may hold where a photo was taken) and at most EDITOR_IMAGE_SIDE
    pixels a side, then stored under a random name (the original name may carry personal data)."""
    if not any(request.user.has_perm(perm) for perm in EDITOR_UPLOAD_PERMISSIONS):
        return JsonResponse({"error": {"message": _("You may not upload images.")}}, status=403)
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": _("No file was sent.")}}, status=400)
    try:
        validate_image(upload)
    except ValidationError as error:
        return JsonResponse({"error": {"message": " ".join(error.messages)}}, status=400)
    cleaned, _kind = without_metadata(upload, max_side=EDITOR_IMAGE_SIDE)
    name = default_storage.save(RandomName("editor/%Y/%m/")(None, cleaned.name), cleaned)
    return JsonResponse({"url": default_storage.url(name)})

"""The CSV export of applications, for the membership exporters role.

Exporting takes applicant data beyond the site's access control and retention, so each export is
recorded (who, when, how many rows; nothing about the applicants) and cells are written so that no
spreadsheet program reads them as numbers or formulas.
"""

import csv

from django.http import HttpResponse
from django.utils import timezone

from party_site.cleantext import without_bidi_controls
from party_site.phone import national_mobile

from .models import APPLICANT_FIELDS, Application, ApplicationExport

CSV_COLUMNS = ["reference", "status", "member_number", "submitted_at", *APPLICANT_FIELDS]


def csv_cell(value) -> str:
    """A cell a spreadsheet shows as text: a leading = + - @ would make it run a formula, and a bidi
    control would reorder what the reader sees (party_site/cleantext.py)."""
    text = "" if value is None else without_bidi_controls(str(value))
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_row(application: Application) -> list[str]:
    row = []
    for name in CSV_COLUMNS:
        display = getattr(application, f"get_{name}_display", None)
        value = display() if display and getattr(application, name) else getattr(application, name)
        if name == "reference":
            value = application.display_reference
        elif name == "submitted_at":
            value = timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
        if name == "phone":  # "0770 123 4567": text in every spreadsheet, never 9.64E+12 or a formula
            row.append(national_mobile(application.phone))
        else:
            row.append(csv_cell(value))
    return row


def export_csv(queryset, user) -> HttpResponse:
    """The applications of `queryset` as a CSV download, oldest first; the export is recorded."""
    applications = list(queryset.order_by("submitted_at"))
    ApplicationExport.objects.create(exported_by=user, row_count=len(applications))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="membership-applications-{stamp}.csv"'
    response["Cache-Control"] = "no-store"
    response.write("\ufeff")  # so spreadsheet programs read the Arabic as UTF-8
    writer = csv.writer(response)
    writer.writerow([str(Application._meta.get_field(name).verbose_name) for name in CSV_COLUMNS])
    for application in applications:
        writer.writerow(csv_row(application))
    return response

"""Iraq's governorates (the 18 plus Halabja), one list for every form and filter that asks for one.

The values are stable ASCII slugs (stored in the database, safe to filter on in URLs); the labels
are English msgids translated in locale/ (ar: بغداد, ckb: بەغدا). The order is the usual
official listing, starting with the capital.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Governorate(models.TextChoices):
    BAGHDAD = "baghdad", _("Baghdad")
    NINEVEH = "nineveh", _("Nineveh")
    BASRA = "basra", _("Basra")
    DHI_QAR = "dhi_qar", _("Dhi Qar")
    MAYSAN = "maysan", _("Maysan")
    WASIT = "wasit", _("Wasit")
    BABIL = "babil", _("Babylon")
    KARBALA = "karbala", _("Karbala")
    NAJAF = "najaf", _("Najaf")
    QADISIYYAH = "qadisiyyah", _("Al-Qadisiyyah")
    MUTHANNA = "muthanna", _("Al-Muthanna")
    ANBAR = "anbar", _("Al-Anbar")
    SALADIN = "saladin", _("Saladin")
    DIYALA = "diyala", _("Diyala")
    KIRKUK = "kirkuk", _("Kirkuk")
    ERBIL = "erbil", _("Erbil")
    SULAYMANIYAH = "sulaymaniyah", _("Sulaymaniyah")
    DUHOK = "duhok", _("Duhok")
    HALABJA = "halabja", _("Halabja")


# Longest value, for CharField(max_length=…).
MAX_LENGTH = 20

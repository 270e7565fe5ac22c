"""Languages: Arabic first (no URL prefix), English and Sorani Kurdish under /en/ and /ckb/."""

from .base import BASE_DIR
from .env import env_str

LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", "العربية"),
    ("ckb", "کوردی"),
    ("en", "English"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Baghdad"
FORMAT_MODULE_PATH = ["party_site.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "ar"
MODELTRANSLATION_LANGUAGES = ("ar", "en", "ckb")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ar",)
# django-modeltranslation loads jQuery UI from a CDN unless told otherwise: a local copy instead.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
# How digits are shown in Arabic and Kurdish pages: "western" (0123, as the party writes them)
# or "eastern" (٠١٢٣).
PARTY_DIGITS = env_str("PARTY_DIGITS", "western")

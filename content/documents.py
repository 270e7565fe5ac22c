"""What a page says about a PDF before it is downloaded: its page count, read once when it is saved."""

import contextlib
import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)


def count_pdf_pages(file):
    """The number of pages of an uploaded or stored PDF, or None when it cannot be read (a damaged
    or encrypted file is still offered for download, with its size alone)."""
    try:
        file.open("rb")
        file.seek(0)
        return len(PdfReader(file).pages)
    except (PyPdfError, ValueError, OSError, KeyError, TypeError) as error:
        logger.info("Could not count the pages of %s (%s)", getattr(file, "name", "a PDF"), type(error).__name__)
        return None
    finally:
        with contextlib.suppress(ValueError, OSError):
            file.seek(0)

"""Settings for the party website, driven by environment variables.

Development defaults are safe and need nothing set (SQLite, DEBUG on only when asked).
With DJANGO_DEBUG unset the site refuses to start without a real secret key and host list.
See README.md ("Settings") for every variable.

One module per topic; every environment variable is read through `env.py`. A topic that needs
another's value imports it from there (all read `DEBUG` from `base`). `DJANGO_SETTINGS_MODULE`
stays `party_site.settings`, and `from party_site.settings import *` gets everything.
"""

from .backups import *  # noqa: F403
from .base import *  # noqa: F403
from .data import *  # noqa: F403
from .editor import *  # noqa: F403
from .i18n import *  # noqa: F403
from .logs import *  # noqa: F403
from .mail import *  # noqa: F403
from .public_forms import *  # noqa: F403
from .security import *  # noqa: F403
from .storage import *  # noqa: F403

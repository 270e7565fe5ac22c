"""Backups (`make backup`, `make restore`; party_site/backup.py)."""

from .base import BASE_DIR
from .env import env_str

# The secret archives are encrypted with (at least 20 characters; keep a copy away from the server,
# or the archives cannot be opened). Without it, backup and restore refuse to run.
BACKUP_KEY = env_str("BACKUP_KEY")
BACKUP_DIR = env_str("BACKUP_DIR", str(BASE_DIR / "backups"))

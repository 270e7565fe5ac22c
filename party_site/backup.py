"""Encrypted backups of the database and the uploads, and their restore (`make backup`, `make restore`).

An archive is a gzipped tar, encrypted as it is written, holding:

    manifest.json    format, date, database vendor, row counts per model, applied migrations, file count
    database.json    every model's rows (Django's dumpdata: the same on PostgreSQL and SQLite), read in
                     one REPEATABLE READ transaction on PostgreSQL, so the rows are one consistent moment
    uploads/<name>   every file in the default storage (file system or S3 bucket), renditions included

Why dumpdata + tar + AES-GCM here rather than django-dbbackup or pg_dump: one format and one code path
for PostgreSQL (production) and SQLite (development); no database client binaries of the server's exact
version on the app servers; encryption with a key from the environment (django-dbbackup encrypts with
GPG public keys, a keyring to manage); and the database is small (thousands of rows, not millions).
If it grows past a few hundred MB, switch the database part to pg_dump.

Encryption (`cryptography`, AES-256-GCM): the key is derived from BACKUP_KEY with scrypt and a random
salt; the stream is cut into 1 MiB chunks, each sealed with a nonce of a random prefix, the chunk's
number and a last-chunk flag, and the header as associated data (the STREAM construction), so a
changed, reordered, truncated or extended archive fails to open, and so does a wrong key, before
anything is restored.
"""

import datetime
import io
import json
import os
import struct
import tarfile
import tempfile
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from django.apps import apps
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

MAGIC = b"PARTYBK1"
CHUNK = 1024 * 1024
SCRYPT = {"n": 2**15, "r": 8, "p": 1}
MIN_KEY_LENGTH = 20
# Not backed up: rebuilt by `migrate` (content types, permissions) or short-lived (sessions, rate limits).
EXCLUDED = {"contenttypes.contenttype", "auth.permission", "sessions.session", "party_site.ratelimitcounter"}
FORMAT = 1


class BackupError(Exception):
    """Something an operator must fix; the message says what."""


# --- Encryption ----------------------------------------------------------------------------------


def _cipher(key: str, salt: bytes) -> AESGCM:
    if not key or len(key) < MIN_KEY_LENGTH:
        raise BackupError(f"Set BACKUP_KEY to a secret of at least {MIN_KEY_LENGTH} characters.")
    return AESGCM(Scrypt(salt=salt, length=32, **SCRYPT).derive(key.encode()))


def _nonce(prefix: bytes, number: int, last: bool) -> bytes:
    return prefix + struct.pack(">I", number) + (b"\x01" if last else b"\x00")


class EncryptingWriter(io.RawIOBase):
    """A write-only file whose bytes reach `raw` encrypted, chunk by chunk."""

    def __init__(self, raw, key: str):
        salt, self._prefix = os.urandom(16), os.urandom(7)
        self._header = MAGIC + salt + self._prefix
        self._aead = _cipher(key, salt)
        self._raw, self._buffer, self._number = raw, bytearray(), 0
        raw.write(self._header)

    def writable(self):
        return True

    def write(self, data):
        self._buffer += data
        while len(self._buffer) > CHUNK:  # keep at least one byte back: the last chunk is sealed on close
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def _seal(self, plain, last):
        if self._number >= 2**32 - 1:
            raise BackupError("The archive is too large for this format.")
        sealed = self._aead.encrypt(_nonce(self._prefix, self._number, last), plain, self._header)
        self._raw.write(struct.pack(">I", len(sealed)) + sealed)
        self._number += 1

    def close(self):
        if not self.closed:
            self._seal(bytes(self._buffer), last=True)
            self._buffer.clear()
        super().close()


class DecryptingReader(io.RawIOBase):
    """A read-only file of the plaintext of an archive; raises BackupError at the first bad byte."""

    def __init__(self, raw, key: str):
        header = raw.read(len(MAGIC) + 16 + 7)
        if len(header) != len(MAGIC) + 23 or not header.startswith(MAGIC):
            raise BackupError("This is not a backup archive of this site (or it is damaged).")
        self._header, self._prefix = header, header[-7:]
        self._aead = _cipher(key, header[len(MAGIC) : len(MAGIC) + 16])
        self._raw, self._buffer, self._number, self._done = raw, b"", 0, False

    def readable(self):
        return True

    def _next_chunk(self):
        size = self._raw.read(4)
        if len(size) != 4:
            raise BackupError("The archive is incomplete (cut short).")
        sealed = self._raw.read(struct.unpack(">I", size)[0])
        for last in (False, True):
            try:
                plain = self._aead.decrypt(_nonce(self._prefix, self._number, last), sealed, self._header)
            except InvalidTag:
                continue
            self._number += 1
            if last:
                self._done = True
                if self._raw.read(1):
                    raise BackupError("The archive has data after its end (damaged).")
            return plain
        raise BackupError("The archive could not be decrypted: wrong BACKUP_KEY, or the archive is damaged.")

    def read(self, size=-1):
        while not self._done and (size < 0 or len(self._buffer) < size):
            self._buffer += self._next_chunk()
        if size < 0:
            size = len(self._buffer)
        data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data

    def readinto(self, target):
        data = self.read(len(target))
        target[: len(data)] = data
        return len(data)


# --- What is backed up ------------------------------------------------------------------------------


def backed_up_models():
    return [
        model
        for model in apps.get_models()
        if model._meta.label_lower not in EXCLUDED and not model._meta.proxy and model._meta.managed
    ]


def row_counts():
    return {model._meta.label_lower: model._default_manager.count() for model in backed_up_models()}


def storage_names(storage=None, folder=""):
    """Every file in the storage, recursively (works for the file system and for S3)."""
    storage = storage or default_storage
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}/{name}" if folder else name for name in files]
    for sub in folders:
        names += storage_names(storage, f"{folder}/{sub}" if folder else sub)
    return sorted(names)


def _applied_migrations():
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())


# --- Backup ---------------------------------------------------------------------------------------


def _add_bytes(tar, name, data: bytes):
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(datetime.datetime.now().timestamp()), 0o600
    tar.addfile(info, io.BytesIO(data))


def create_backup(directory, key: str) -> Path:
    """Write one encrypted archive into `directory`; return its path."""
    _cipher(key, b"\x00" * 16)  # refuse a missing or short key before doing anything
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    path = directory / f"party-backup-{stamp}.tar.gz.enc"
    partial = path.with_suffix(".partial")
    with tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024) as dump:
        with transaction.atomic():
            if connection.vendor == "postgresql":  # one snapshot for every table and the counts
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            counts = row_counts()
            migrations = _applied_migrations()
            text = io.TextIOWrapper(dump, encoding="utf-8", write_through=True)
            call_command(
                "dumpdata",
                *[model._meta.label for model in backed_up_models()],
                natural_foreign=True,
                stdout=text,
                verbosity=0,
            )
            text.detach()
        files = storage_names()
        manifest = {
            "format": FORMAT,
            "created": datetime.datetime.now(datetime.UTC).isoformat(),
            "database": connection.vendor,
            "counts": counts,
            "migrations": migrations,
            "files": len(files),
        }
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb") as raw:
                with EncryptingWriter(raw, key) as sealed, tarfile.open(fileobj=sealed, mode="w|gz") as tar:
                    _add_bytes(tar, "manifest.json", json.dumps(manifest, indent=1).encode())
                    info = tarfile.TarInfo("database.json")
                    info.size, info.mode = dump.seek(0, io.SEEK_END), 0o600
                    dump.seek(0)
                    tar.addfile(info, dump)
                    for name in files:
                        info = tarfile.TarInfo(f"uploads/{name}")
                        try:
                            info.size, info.mode = default_storage.size(name), 0o600
                            file = default_storage.open(name, "rb")
                        except FileNotFoundError:  # deleted since the listing (staff removed it)
                            continue
                        with file:
                            tar.addfile(info, file)
                raw.flush()
                os.fsync(raw.fileno())
            partial.rename(path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return path


# --- Restore --------------------------------------------------------------------------------------


def _members(path, key):
    """(member, file object) pairs of the archive, in order, decrypting as it goes."""
    with open(path, "rb") as raw:
        reader = io.BufferedReader(DecryptingReader(raw, key), buffer_size=CHUNK)
        try:
            with tarfile.open(fileobj=reader, mode="r|gz") as tar:
                for member in tar:
                    yield member, tar.extractfile(member)
        except (tarfile.TarError, EOFError, OSError) as error:
            if isinstance(error, BackupError):
                raise
            raise BackupError(f"The archive is damaged ({type(error).__name__}).") from None


def read_manifest(path, key) -> dict:
    """Check the whole archive opens with this key (every chunk authenticated); return its manifest."""
    manifest = None
    for member, file in _members(path, key):
        if member.name == "manifest.json":
            manifest = json.loads(file.read())
        elif file is not None:
            while file.read(CHUNK):
                pass
    if not manifest or manifest.get("format") != FORMAT:
        raise BackupError("The archive has no manifest this version understands.")
    return manifest


def database_is_empty():
    return not any(model._default_manager.exists() for model in backed_up_models())


def restore_backup(path, key, force=False, log=print) -> dict:
    """Restore an archive into an empty database and storage (after `migrate`). With `force`, the
    database is emptied first and files of the same names are replaced. Returns the manifest."""
    manifest = read_manifest(path, key)  # a wrong key or a damaged archive stops here, before any change
    unknown = set(manifest["migrations"]) - set(_applied_migrations())
    if unknown:
        raise BackupError(
            "The archive was made by a newer version of the site (migrations "
            + ", ".join(sorted(unknown)[:5])
            + "): restore it with that version."
        )
    existing = set(storage_names())
    if not force:
        if not database_is_empty():
            raise BackupError("The database is not empty: restore into a new one, or use --force to replace it.")
        if existing:
            raise BackupError("The upload storage is not empty: use an empty one, or --force to replace files.")
    elif not database_is_empty():
        log("Emptying the database (--force)…")
        call_command("flush", interactive=False, verbosity=0)

    with tempfile.TemporaryDirectory(prefix="party-restore-") as private:  # mode 0700
        for member, file in _members(path, key):
            if member.name == "database.json":
                fixture = Path(private) / "database.json"
                with open(fixture, "wb") as out:
                    while chunk := file.read(CHUNK):
                        out.write(chunk)
                log("Loading the database…")
                call_command("loaddata", str(fixture), verbosity=0)
                fixture.unlink()
            elif member.name.startswith("uploads/") and member.isfile():
                name = member.name.removeprefix("uploads/")
                if name in existing:
                    default_storage.delete(name)
                with tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024, dir=private) as copy:
                    while chunk := file.read(CHUNK):  # storages want a seekable file; a tar stream is not
                        copy.write(chunk)
                    copy.seek(0)
                    saved = default_storage.save(name, File(copy, name=name))
                if saved != name:
                    raise BackupError(f"The storage stored {name} as {saved}.")
    counts = row_counts()
    wrong = {label: (n, counts.get(label)) for label, n in manifest["counts"].items() if counts.get(label) != n}
    if wrong:
        raise BackupError(f"Restored row counts differ from the archive's: {wrong}")
    return manifest

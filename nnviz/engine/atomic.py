"""Saving without losing: a file is either the old one or the complete new one, never half.

    atomic_write_bytes(path, data)   write data to a temporary file in the same folder, flush and
                                     fsync it, then os.replace it over `path` (atomic on POSIX
                                     and Windows); on any failure the temporary file is removed
                                     and `path` is left exactly as it was
    atomic_write_text(path, text)    the same for text (UTF-8)
    check_writable(path)             OSError now, before a long computation, if `path` cannot be
                                     written (missing folder, no permission, a folder there)
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


def atomic_write_bytes(path, data: bytes) -> None:
    """Replace `path` by `data` atomically; OSError (with the file name) if that fails."""
    path = Path(path)
    _refuse_folder(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as f:
            _write_all(f, data)
            f.flush()
            os.fsync(f.fileno())
        with contextlib.suppress(OSError):  # keep the old file's permissions where possible
            os.chmod(tmp, os.stat(path).st_mode & 0o777 if path.exists() else _default_mode())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write_text(path, text: str, encoding: str = "utf-8") -> None:
    """Replace `path` by `text` atomically (see `atomic_write_bytes`)."""
    atomic_write_bytes(path, text.encode(encoding))


def check_writable(path) -> None:
    """Raise OSError if a file cannot be written at `path` (tried with a temporary file)."""
    path = Path(path)
    _refuse_folder(path)
    if path.exists() and not os.access(path, os.W_OK):
        raise PermissionError(errno.EACCES, "permission denied", str(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    os.close(fd)
    os.unlink(tmp)


def _write_all(f, data: bytes) -> None:
    """f.write in pieces (a full disk fails part way, as it does for real)."""
    view = memoryview(data)
    for start in range(0, len(view), 1 << 20):
        f.write(view[start:start + (1 << 20)])


def _refuse_folder(path: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder", str(folder))
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask

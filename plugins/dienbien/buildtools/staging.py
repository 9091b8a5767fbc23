"""Build in a folder of its own beside ``site/`` and swap the result in only when the build succeeded.

- **Each build has its own work folder,** ``.site.build-XXXXXXXX/`` (:func:`tempfile.mkdtemp`, on the
  same file system as ``site/``), holding the staging tree and the other languages' outputs and logs.
  Whatever happens to the build, removing that one folder removes everything it made.
- **One build at a time per folder:** a build holds an exclusive lock on the folder that holds
  ``site/`` (``flock``, released by the system if the process dies, so a killed build never leaves
  a stale lock). A second build stops at once with :class:`BuildBusy` and touches nothing.
- **Publishing never leaves a moment without a whole site:** the staging tree and ``site/`` are
  exchanged in one atomic ``renameat2(RENAME_EXCHANGE)`` where the system offers it; elsewhere
  two renames follow each other as closely as they can.

A failed or stopped build leaves the published ``site/`` exactly as it was, and nothing half-written
is ever served. Once a build has published, its work folder (with the old site in it) is deleted by a
process of its own, after the build has returned.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class BuildBusy(Exception):
    """Another build holds the folder of ``site/``."""


@dataclass
class WorkFolder:
    """A build's own folder beside ``site/`` and the lock it holds on their parent."""
    final: Path
    path: Path
    _lock: int | None

    @property
    def staging(self) -> Path:
        """Where this build writes the site it may publish."""
        return self.path / "site"

    def other(self, lang: str) -> tuple[Path, Path]:
        """The output folder and log file of another language's build."""
        return self.path / lang, self.path / f"{lang}.log"

    def publish(self) -> subprocess.Popen:
        """Put the staging tree in place of ``site/``, release the folder, and remove everything else
        this build made, the old site among it, in a process of its own: the build is done once the
        new site is in place (deleting a thousand pages' files takes seconds on a journaling disk).
        Returns that process (``wait()`` for the folder to be gone)."""
        exchange(self.staging, self.final, remove_old=False)
        self._release()
        return remove_later(self.path)

    def close(self) -> None:
        """Remove the work folder and release the lock (again: nothing happens)."""
        shutil.rmtree(self.path, ignore_errors=True)
        self._release()

    def _release(self) -> None:
        if self._lock is not None:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            os.close(self._lock)
            self._lock = None


def start(final: Path) -> WorkFolder:
    """Lock the folder of ``final`` (``site/``) for this build and make the build's work folder."""
    final.parent.mkdir(parents=True, exist_ok=True)
    lock = os.open(final.parent, os.O_RDONLY)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(lock)
        raise BuildBusy(f"another build is running in this folder ({final.parent}); wait for it to finish, "
                        f"or stop it, then build again. {final.name}/ is left as it is") from None
    path = Path(tempfile.mkdtemp(prefix=f".{final.name}.build-", dir=final.parent))
    return WorkFolder(final, path, lock)


def _renameat2():
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    function = getattr(libc, "renameat2", None)
    if function is not None:
        function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return function


def exchange(new: Path, final: Path, remove_old: bool = True) -> None:
    """Make ``new`` the tree at ``final``; ``final`` is a whole tree at every moment when the system can
    exchange two names atomically (Linux, glibc 2.28 and later). The old tree is removed, or, with
    ``remove_old=False``, left at ``new``'s name."""
    if final.exists():
        renameat2 = _renameat2()
        if renameat2 is not None and renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(final),
                                               _RENAME_EXCHANGE) == 0:
            if remove_old:
                shutil.rmtree(new, ignore_errors=True)  # now the old site
            return
        code = ctypes.get_errno()
        if code not in (0, errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
            raise OSError(code, os.strerror(code), str(final))
        old = new.with_name(new.name + ".old")
        os.replace(final, old)
        os.replace(new, final)
        if remove_old:
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(old, new)
        return
    os.replace(new, final)


def remove_later(path: Path) -> subprocess.Popen:
    """Delete ``path`` in a process of its own that outlives this one (its own session, working in
    ``/``, so that stopping the build or its terminal does not stop the clean-up half-way)."""
    return subprocess.Popen(["rm", "-rf", "--", str(path)], cwd="/", start_new_session=True,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

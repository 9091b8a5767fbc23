"""Another language's build as a copy of this process (``fork``), where the system allows it.

Each language other than the default is built by a process of its own (:mod:`.plugin`). Started
as a new ``mkdocs build``, that process spends about half a second before its first page: the
interpreter starts, imports MkDocs, Material and the plugins, reads mkdocs.yml and the site's
data again. It is the last to finish, so that half second is the build's. A copy of the default
language's process, made as that process reads its configuration, has all of it already: the
modules are imported and the data files parsed (the caches are keyed on the data folder, not the
language). The copy loads the configuration afresh, with its language set in its environment, and
builds as the new process would, writing the same log; it ends without the interpreter's
clean-up (``os._exit``), which took a further tenth of a second.

:func:`fork_build` returns None where copying is not safe (no ``fork``, or other threads running,
whose locks the copy would inherit held); the caller then starts a new process as before.
:class:`ForkedBuild` answers as much of ``subprocess.Popen`` as the caller uses.
"""

from __future__ import annotations

import importlib
import logging
import os
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO


class ForkedBuild:
    """The copy's process: ``wait``, ``poll``, ``terminate`` and ``kill`` as ``subprocess.Popen``'s."""

    def __init__(self, pid: int, args: list[str]) -> None:
        self.pid = pid
        self.args = args
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if timeout is None:
            if self.returncode is None:
                self.returncode = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
            return self.returncode
        end = time.monotonic() + timeout
        while self.poll() is None:
            if time.monotonic() > end:
                raise subprocess.TimeoutExpired(self.args, timeout)
            time.sleep(0.01)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


def fork_build(engine: str, config_file: str, out_dir: Path, env: Mapping[str, str], log: IO[str], cwd: Path,
               on_start: Callable[[], None]) -> ForkedBuild | None:
    """``<engine> build --clean -f config_file -d out_dir`` in a copy of this process, with ``env``
    as its environment and ``log`` as its output; ``on_start`` runs first in the copy. None where
    this process cannot be copied safely."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return None
    for stream in (sys.stdout, sys.stderr, log):
        stream.flush()
    pid = os.fork()
    if pid:
        return ForkedBuild(pid, [engine, "build", "--clean", "-f", config_file, "-d", str(out_dir)])
    _build_in_copy(engine, config_file, out_dir, env, log.fileno(), cwd, on_start)  # never returns


def _build_in_copy(engine: str, config_file: str, out_dir: Path, env: Mapping[str, str], log_fd: int, cwd: Path,
                   on_start: Callable[[], None]) -> None:
    code = 1
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # as a new process: the parent's clean-up is not ours
        on_start()
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(log_fd, 1)
        os.dup2(log_fd, 2)
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        logging.getLogger(engine).setLevel(logging.INFO)  # as `build` without -q or -v: warnings reach the log
        load_config = importlib.import_module(f"{engine}.config").load_config
        build = importlib.import_module(f"{engine}.commands.build").build
        config = load_config(config_file=config_file, site_dir=str(out_dir))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config, dirty=False)
        finally:
            config.plugins.on_shutdown()
        code = 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 1
    except BaseException as e:  # what the command line prints for an aborted build, then its traceback
        show = getattr(e, "show", None)
        if callable(show):
            show()
            code = getattr(e, "exit_code", 1)
        else:
            traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)

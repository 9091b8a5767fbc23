"""Another language's build for ``mkdocs serve``, in a process kept between rebuilds.

Started by the i18n plugin of the previewing process with the same environment a production
build gives another language's ``mkdocs build`` (the language, the site's address, the page
manifest), it reads one request per line on its standard input, ``{"full": true}`` or
``{"full": false}``, builds the language into its output folder and answers on its standard
output with one line, ``{"code": 0, "log": "…"}`` (the log as ``mkdocs build`` prints it). A full
build empties the folder first; the others are MkDocs' ``dirty`` builds, which render only the
pages whose source changed, and the i18n plugin keeps each other page as it was (its title in
the menus, its search entries). The process ends when its standard input closes.

    python -m dienbien.i18n.worker ENGINE CONFIG_FILE OUTPUT_FOLDER
"""

from __future__ import annotations

import io
import json
import logging
import os
import signal
import sys
import traceback


class _Format(logging.Formatter):
    """``LEVEL    -  message``, continuation lines indented, as ``mkdocs build`` prints without a terminal."""

    def format(self, record: logging.LogRecord) -> str:
        lines = super().format(record).split("\n")
        return "\n".join([f"{record.levelname:<8}-  {lines[0]}", *(" " * 11 + line for line in lines[1:])])


def main(argv: list[str]) -> int:
    engine, config_file, out_dir = argv
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the preview, which then closes this input
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # whatever else prints stays out of the answers
    if engine == "properdocs":
        import properdocs.replacement  # noqa: F401  every mkdocs.* import is ProperDocs' from here on

    from mkdocs import utils
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    output = io.StringIO()
    handler = logging.StreamHandler(output)
    handler.setFormatter(_Format())
    logger = logging.getLogger(engine)  # as `mkdocs build` (or `properdocs build`) sets it up
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)
    if engine != "mkdocs":  # ProperDocs also prints what is logged under the name "mkdocs"
        legacy = logging.getLogger("mkdocs")
        legacy.parent, legacy.propagate = logger, True
        legacy.setLevel(logging.NOTSET)
    started = False
    for line in sys.stdin:
        request = json.loads(line)
        output.seek(0)
        output.truncate()
        code = 0
        try:
            config = load_config(config_file, site_dir=out_dir)
            if not started:
                config.plugins.on_startup(command="serve", dirty=True)
                started = True
            if request.get("full", True):
                utils.clean_directory(out_dir)
            build(config, dirty=True)
        except Abort:
            code = 1  # build() has logged the error
        except (Exception, SystemExit) as e:  # a configuration error, a plugin's crash: the worker goes on
            code = 1
            detail = str(e) if isinstance(e, SystemExit) else traceback.format_exc()
            logger.error(detail.strip() or type(e).__name__)
        answers.write(json.dumps({"code": code, "log": output.getvalue()}, ensure_ascii=False) + "\n")
        answers.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python
"""Django's command-line utility.

From a checkout it reads `.env` (which `make install` and `make run` write, with
DJANGO_DEBUG=true) for any variable not already set. A configuration that cannot start
(production without its secrets) ends with one line on stderr and exit status 2.
"""

import os
import sys
from pathlib import Path


def main() -> None:
    from ehcp_site.env import ImproperlyConfiguredEnvironment, env_file_path, read_env_file

    for name, value in read_env_file(env_file_path(Path(__file__).resolve().parent)).items():
        os.environ.setdefault(name, value)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ehcp_site.settings")
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfiguredEnvironment as problem:
        hint = " (on a development machine, `make install` writes a .env that sets it)"
        sys.stderr.write(
            f"Cannot start: {problem}{hint if 'DJANGO_DEBUG' in str(problem) else ''}\n"
        )
        sys.exit(2)


if __name__ == "__main__":
    main()

#!/usr/bin/env python
"""Django's command-line entry point for Verbatim.

A database that cannot be reached (down, wrong host or port, refused) ends any command
with one line naming the database (host, port and name; never a password) and exit
status 1, instead of a page of traceback. `--traceback` still shows the traceback.
"""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line
    from django.db import InterfaceError, OperationalError

    try:
        execute_from_command_line(sys.argv)
    except (OperationalError, InterfaceError) as error:
        if "--traceback" in sys.argv:
            raise
        from config.database import describe

        sys.stderr.write(f"{os.path.basename(sys.argv[1] if len(sys.argv) > 1 else 'manage.py')}: ")
        sys.stderr.write(describe(error) + "\n")
        sys.exit(1)


if __name__ == "__main__":
    main()

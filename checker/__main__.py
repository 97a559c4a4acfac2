"""`python -m checker` is the same program as `checker`."""

from .cli import main

main()

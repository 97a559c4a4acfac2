"""python -m checker.lab.twins: the JSON twins of the TOML data files a check parses (checker/stages/datafile.py).

    python -m checker.lab.twins           # rewrite checker/data/twins/*.json from the TOML files
    python -m checker.lab.twins --check   # exit 1 when a twin is missing or stale
"""

from __future__ import annotations

import argparse
import pathlib
import sys

from ..stages.datafile import twin_name, twin_of

# The files a check parses whose parse costs more than a millisecond or two.
TWINNED = ("data/rules.toml", "data/taxonomy.toml", "data/institutions.toml", "data/reference.toml", "data/steps.toml")


def stale(root: pathlib.Path) -> list[str]:
    """The twins under root/checker that are missing or not what their TOML gives."""
    package = root / "checker"
    return [
        twin_name(name)
        for name in TWINNED
        if not (package / twin_name(name)).is_file()
        or (package / twin_name(name)).read_bytes() != twin_of((package / name).read_bytes())
    ]


def write(root: pathlib.Path) -> list[str]:
    package = root / "checker"
    for name in TWINNED:
        target = package / twin_name(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(twin_of((package / name).read_bytes()))
    return [twin_name(name) for name in TWINNED]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.lab.twins", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=pathlib.Path, default=pathlib.Path("."), help="the project root")
    parser.add_argument("--check", action="store_true", help="only say which twins are stale")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale(args.root)
        print("\n".join(f"stale: checker/{p}" for p in problems) or "every twin is up to date")
        return 1 if problems else 0
    print("\n".join(f"wrote checker/{p}" for p in write(args.root)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

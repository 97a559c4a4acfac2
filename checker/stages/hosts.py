"""What a host is: the public-suffix list, shared by the normaliser (a link spoken with 点) and the link reader."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _public_suffixes():
    """The public-suffix list bundled with `publicsuffixlist` (offline; loaded only when a message has
    something that looks like a host, ~0.1 s). Unknown top-level domains are not hosts."""
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList(accept_unknown=False, accept_encoded_idn=False)


def registrable(host: str) -> str | None:
    """The registered domain of a host (abc.com.cn, x.github.io), or None when it is not a host."""
    lookup = host
    if "xn--" in host:
        try:
            lookup = host.encode("ascii").decode("idna")
        except UnicodeError:
            return None
    return _public_suffixes().privatesuffix(lookup)

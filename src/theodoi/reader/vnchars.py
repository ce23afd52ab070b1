"""Character classes for Vietnamese letters.

A range such as ``À-Ỹ`` mixes upper and lower case (the precomposed letters
alternate), so the classes are built from ``str.isupper`` / ``str.islower``.
"""

from __future__ import annotations

import re

_LATIN = [*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
_UPPER_CHARS = "".join(chr(c) for c in _LATIN if chr(c).isupper())
_LOWER_CHARS = "".join(chr(c) for c in _LATIN if chr(c).islower())

UPPER = "[" + re.escape(_UPPER_CHARS) + "]"
LOWER = "[" + re.escape(_LOWER_CHARS) + "]"


def is_caps_text(text: str) -> bool:
    """Letters present and none of them lower case."""
    has_alpha = False
    for ch in text:
        if ch.isalpha():
            if ch.islower():
                return False
            has_alpha = True
    return has_alpha

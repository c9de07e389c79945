"""Text that people write for others to read (comments, names) made safe to show.

NFC so that one word is stored one way however it was typed; control
characters removed (line breaks and tabs kept); and the Unicode
bidirectional embedding, override and isolate characters removed, since they
make text display in an order other than the one it is stored in ("Trojan
Source", CVE-2021-42574): a name or a link could read one way and be another.
"""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls except tab and line feed, and DEL; a carriage return is
# dropped too, so Windows line ends become plain ones.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# LRE, RLE, PDF, LRO, RLO (U+202A-U+202E) and LRI, RLI, FSI, PDI (U+2066-U+2069).
_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_UNWANTED = re.compile(f"[{_CONTROLS}{_BIDI_CONTROLS}]")


def clean_text(text: str) -> str:
    """NFC, without control or bidirectional-override characters; line breaks kept."""
    return _UNWANTED.sub("", unicodedata.normalize("NFC", text))


def clean_line(text: str) -> str:
    """clean_text for a one-line value such as a name: line breaks and tabs become spaces."""
    return " ".join(clean_text(text).split())

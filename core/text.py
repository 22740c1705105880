"""Language-neutral keys for searching and sorting names in full Unicode.

SQLite compares bytes and PostgreSQL's order depends on the server's collation, so sorting by the raw
name would put "Łukasz" after "Zeynep" on one and not the other. We store a folded key instead and sort
and search by it on both databases: "Savaş" and "Savas" meet, "Nguyễn" sorts with the N's.
"""

import unicodedata

# Letters that Unicode does not decompose into a base letter plus a mark.
_SPECIAL = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ı": "i",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "þ": "th",
        "Þ": "th",
        "ð": "d",
        "Ð": "d",
        "ʻ": "",
        "’": "",
        "'": "",
        "`": "",
    }
)


def fold(text: str) -> str:
    """Lower-case, accent-free form of ``text`` for comparisons (not for display)."""
    text = (text or "").translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def clean_name(text: str) -> str:
    """Name as the person writes it, in composed form and without stray spaces."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())

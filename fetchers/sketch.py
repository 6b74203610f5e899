"""A cheap fingerprint of an article's text for grouping syndicated copies: MinHash over word shingles.

One-permutation MinHash: each 3-word shingle is hashed once and falls into one of 32 bins; the
smallest hash per bin makes the signature. Equal bins estimate how much two texts overlap
(Jaccard similarity) at the cost of a single pass over the words. Sixteen bands of two bins each
are the keys storage looks candidates up by, so grouping costs an indexed lookup, not a
comparison with every stored article.
"""

import re
import zlib

VALUES = 32
ROWS_PER_BAND = 2
SHINGLE_WORDS = 3
MAX_WORDS = 400
_MASK32 = 0xFFFFFFFF
_GOLDEN = 0x9E3779B1
_EMPTY = "ffffffff"
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[int]:
    """CRC32 of each run of three consecutive words (lower-cased), from the first `MAX_WORDS` words."""
    words = _WORD.findall(text.lower())[:MAX_WORDS]
    if len(words) < SHINGLE_WORDS:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode()) for i in range(len(words) - 2)}


def signature(text: str) -> str:
    """The MinHash signature as hex (8 characters per bin), "" for a text too short to compare."""
    hashes = shingles(text)
    if len(hashes) < 8:
        return ""
    minimums = [_MASK32] * VALUES
    for value in hashes:
        mixed = (value * _GOLDEN) & _MASK32
        slot = mixed & (VALUES - 1)
        if mixed < minimums[slot]:
            minimums[slot] = mixed
    return "".join(_EMPTY if value == _MASK32 else f"{value:08x}" for value in minimums)


def bands(sig: str) -> tuple[int, ...]:
    """The band keys of a signature: signed 63-bit integers, so SQLite stores them as integers."""
    width = 8 * ROWS_PER_BAND
    keys = []
    for index, start in enumerate(range(0, len(sig), width)):
        part = sig[start : start + width]
        if _EMPTY not in part:
            keys.append(index << 32 | zlib.crc32(f"{index}:{part}".encode()))
    return tuple(keys)

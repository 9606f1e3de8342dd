"""Readable token strings: what a byte-level BPE token stands for, shown without mojibake.

    display_tokens(tokenizer, [1659, 32704])   ["Data", "␣visualization"]
    token_bytes(tokenizer, 32704)              b" visualization"

Plain functions of a tokenizer; core.models.LM calls them under its tokenizer lock.
"""

from __future__ import annotations

from functools import lru_cache

SPACE_MARK = "␣"  # shown for a token's leading space


@lru_cache(maxsize=1)
def _byte_decoder() -> dict[str, int]:
    """Inverse of GPT-2's bytes_to_unicode: the printable stand-in character -> byte."""
    printable = (
        list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    )
    codes = printable[:]
    n = 0
    for b in range(256):
        if b not in printable:
            printable.append(b)
            codes.append(256 + n)
            n += 1
    return {chr(c): b for b, c in zip(printable, codes)}


def token_bytes(tokenizer, token_id: int) -> bytes:
    """The raw bytes one token stands for (byte-level BPE or <0xNN> byte fallback)."""
    piece = tokenizer.convert_ids_to_tokens(int(token_id))
    if piece is None:
        return b""
    decoder = _byte_decoder()
    if all(ch in decoder for ch in piece):
        return bytes(decoder[ch] for ch in piece)
    if piece.startswith("<0x") and piece.endswith(">") and len(piece) == 6:
        return bytes([int(piece[3:5], 16)])
    return piece.replace("▁", " ").encode("utf-8")  # sentencepiece-style pieces


def display_tokens(tokenizer, ids) -> list[str]:
    """Readable strings for each token: a visible mark for a leading space, and a token
    holding part of a multi-byte character (Korean, emoji) shown as that character with
    which of its bytes it holds, e.g. "[안 1-2/3]" — never mojibake."""
    pieces = [token_bytes(tokenizer, i) for i in ids]
    stream = b"".join(pieces)
    # the character (and its byte span) that every byte position belongs to
    owner: list[tuple[str, int, int]] = []
    pos = 0
    while pos < len(stream):
        length = _utf8_length(stream[pos])
        try:
            label = _visible(stream[pos : pos + length].decode("utf-8"))
        except UnicodeDecodeError:  # a stray byte: show it as a byte
            label, length = f"\\x{stream[pos]:02x}", 1
        owner.extend((label, pos, length) for _ in range(length))
        pos += length
    shown, start = [], 0
    for piece in pieces:
        end = start + len(piece)
        out, b = [], start
        while b < end:
            label, ch_start, ch_len = owner[b]
            ch_end = ch_start + ch_len
            if ch_start >= start and ch_end <= end:  # the whole character is in this token
                out.append(label)
                b = ch_end
            else:  # only some of its bytes are
                first, last = b - ch_start + 1, min(end, ch_end) - ch_start
                span = f"{first}" if first == last else f"{first}-{last}"
                out.append(f"[{label} {span}/{ch_len}]")
                b = min(end, ch_end)
        shown.append("".join(out) or "∅")
        start = end
    return shown


def _utf8_length(first_byte: int) -> int:
    if first_byte < 0x80:
        return 1
    if first_byte >> 5 == 0b110:
        return 2
    if first_byte >> 4 == 0b1110:
        return 3
    if first_byte >> 3 == 0b11110:
        return 4
    return 1


def _visible(ch: str) -> str:
    if ch == " ":
        return SPACE_MARK
    if ch == "\n":
        return "↵"
    if ch == "\t":
        return "⇥"
    if ord(ch) < 32 or ord(ch) == 127:
        return f"\\x{ord(ch):02x}"
    return ch

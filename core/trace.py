"""One forward pass and everything the pages show of it.

    trace = run_trace(lm, "Data visualization empowers users to")
    trace.tokens               ["Data", "␣visualization", "␣em", "powers", "␣users", "␣to"]
    trace.attentions.shape     (L, H, T, T)

A Trace holds plain numpy arrays, so `st.cache_data` can pickle it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import torch

from core.models import LM

MAX_PROMPT_TOKENS = 128  # attention is T x T per head and layer: keep it responsive
MAX_PROMPT_CHARS = 2000  # read no more of a text box than this
SPACE_MARK = "␣"  # shown for a token's leading space


class EmptyPrompt(ValueError):
    """The prompt has no text to run the model on."""


@dataclass
class Trace:
    text: str  # the text the model actually saw (after any cap)
    tokens: list[str]  # display strings, one per token
    token_ids: np.ndarray  # [T] int64
    token_embeddings: np.ndarray  # [T, d] rows of the token-embedding matrix
    position_embeddings: np.ndarray | None  # [T, d] learned positions; None for rotary
    hidden_states: np.ndarray  # [L+1, T, d] embedding output, then each block's output
    #                            (the last one after the final norm, as transformers returns it)
    attentions: np.ndarray  # [L, H, T, T] softmax weights, rows sum to 1
    next_token_logits: np.ndarray  # [V] logits for the token after the last one
    n_tokens_requested: int  # how many tokens the whole input had before the cap
    truncated: bool  # True when the input was cut to MAX_PROMPT_TOKENS

    @property
    def n_tokens(self) -> int:
        return len(self.tokens)


def encode_prompt(lm: LM, text: str, max_tokens: int = MAX_PROMPT_TOKENS):
    """Token ids of `text` (capped at max_tokens and the model's context), with the
    uncapped count. Raises EmptyPrompt."""
    text = (text or "")[:MAX_PROMPT_CHARS]
    if not text.strip():
        raise EmptyPrompt("the prompt is empty")
    with lm.lock:  # a fast tokenizer must not be used by two threads at once
        ids = lm.tokenizer(text, add_special_tokens=False)["input_ids"]
    if not ids:
        raise EmptyPrompt("the prompt has no tokens")
    return ids[: min(max_tokens, lm.context_length)], len(ids)


def run_trace(lm: LM, text: str, max_tokens: int = MAX_PROMPT_TOKENS) -> Trace:
    """Run the model once on `text` and keep every intermediate the pages draw."""
    ids, n_requested = encode_prompt(lm, text, max_tokens)
    input_ids = torch.tensor([ids])  # [1, T]
    out = lm.forward(input_ids=input_ids, output_attentions=True, output_hidden_states=True,
                     logits_to_keep=1)  # only the next token's logits: [1, 1, V]
    with lm.lock, torch.no_grad():
        token_emb = lm.token_embedding_matrix()[input_ids[0]]  # [T, d]
        wpe = lm.position_embedding_matrix()
        pos_emb = None if wpe is None else wpe[: len(ids)]  # [T, d]
        shown = lm.tokenizer.decode(ids)
    attentions = torch.stack([a[0] for a in out.attentions])  # [L, H, T, T]
    hidden = torch.stack([h[0] for h in out.hidden_states])  # [L+1, T, d]
    return Trace(
        text=shown,
        tokens=display_tokens(lm.tokenizer, ids),
        token_ids=np.asarray(ids, dtype=np.int64),
        token_embeddings=token_emb.detach().numpy().copy(),
        position_embeddings=None if pos_emb is None else pos_emb.detach().numpy().copy(),
        hidden_states=hidden.numpy(),
        attentions=attentions.numpy(),
        next_token_logits=out.logits[0, -1].float().numpy(),
        n_tokens_requested=n_requested,
        truncated=n_requested > len(ids),
    )


# --------------------------------------------------------------------------- readable tokens


@lru_cache(maxsize=1)
def _byte_decoder() -> dict[str, int]:
    """Inverse of GPT-2's bytes_to_unicode: the printable stand-in character -> byte."""
    printable = (list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1))
                 + list(range(ord("®"), ord("ÿ") + 1)))
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
            label = _visible(stream[pos: pos + length].decode("utf-8"))
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

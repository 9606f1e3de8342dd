"""The loaded model as the pages see it: the model, its tokenizer behind a lock, its family adapter.

The model's facts (layers, heads, widths, positions, wiring) are the adapter's: `lm.arch.n_layers`,
`lm.arch.positional`, ... — asked in one place. What LM adds is where the model came from and
the tokenizer, which only this module touches: a fast tokenizer must not be used by two
threads at once, so every method here takes the lock.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from core import tokens as _tokens
from core.models.thread import on_model_thread

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

    from core.arch import Family

# Where a model came from, as the pages report it.
SOURCE_HUB = "hub"
SOURCE_HUB_CACHE = "local cache"
SOURCE_LOCAL_DIR = "local directory"
SOURCE_OFFLINE_DEFAULT = "offline default"


@dataclass
class LM:
    """A loaded causal language model, its tokenizer and its family adapter."""

    model: PreTrainedModel = field(repr=False)
    tokenizer: PreTrainedTokenizerBase = field(repr=False)
    arch: Family = field(repr=False)  # the model's facts and where it keeps its parts (core.arch)
    name: str  # what was asked for: a built-in name, a hub id or a folder
    display_name: str
    source: str  # one of the SOURCE_* values
    n_params: int
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False)

    def forward(self, **inputs):
        """self.model(**inputs) without gradients, on the one long-lived model thread."""
        return on_model_thread(self.model, **inputs)

    # ---- the tokenizer
    def encode(self, text: str) -> list[int]:
        """Token ids of `text`, no special tokens added."""
        with self.lock:
            return list(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    def decode(self, ids) -> str:
        with self.lock:
            text = self.tokenizer.decode([int(i) for i in ids])
        assert isinstance(text, str)  # one sequence of ids in, one string out
        return text

    def display_tokens(self, ids) -> list[str]:
        """Readable strings, one per token (core.tokens.display_tokens)."""
        ids = [int(i) for i in ids]
        if not ids:
            return []
        with self.lock:
            return _tokens.display_tokens(self.tokenizer, ids)

    def token_bytes(self, token_id: int) -> bytes:
        with self.lock:
            return _tokens.token_bytes(self.tokenizer, token_id)

    @property
    def unk_id(self) -> int | None:
        """The tokenizer's unknown-token id, if it has one."""
        with self.lock:
            return self.tokenizer.unk_token_id

    @property
    def eos_ids(self) -> set[int]:
        """The ids that end a generation (the generation config's, else the tokenizer's)."""
        eos = self.model.generation_config.eos_token_id
        if eos is None:
            with self.lock:
                eos = self.tokenizer.eos_token_id
        if eos is None:
            return set()
        return {int(e) for e in (eos if isinstance(eos, (list, tuple)) else [eos])}

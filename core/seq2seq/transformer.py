"""A small encoder–decoder Transformer (Vaswani et al. 2017), written to be read.

Shapes: B batch, S source length, T target length, d model width, h heads, d_k = d / h.

    Encoder layer:  x = Norm(x + SelfAttention(x))            every source word sees every other
                    x = Norm(x + FFN(x))
    Decoder layer:  y = Norm(y + MaskedSelfAttention(y))      a target word sees only earlier ones
                    y = Norm(y + CrossAttention(y, memory))   ... and every source word
                    y = Norm(y + FFN(y))

As in the paper: post-norm (the norm after each residual addition), sinusoidal positions
added to embeddings scaled by √d, FFN 4× wide with ReLU, dropout on every sub-layer's output,
the target embedding shared with the output projection, label smoothing in the loss.
Unlike a fused kernel, every attention module returns its weights, so the page can draw
them. Training is teacher forcing: the whole target sentence goes in at once, and the
causal mask keeps each position from seeing the words it has to predict.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F

from core.positional import sinusoidal


@dataclass
class TransformerConfig:
    src_vocab_size: int
    tgt_vocab_size: int
    d_model: int = 192
    n_heads: int = 4
    n_encoder_layers: int = 3
    n_decoder_layers: int = 3
    d_ff: int = 768  # 4 × d_model, as in the paper
    dropout: float = 0.1
    label_smoothing: float = 0.1
    max_len: int = 128  # rows of the sinusoidal table
    pad_id: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


def causal_allowed(T: int, device=None) -> torch.Tensor:
    """[T, T] boolean, True where query i may read key j (j ≤ i): the lower triangle, diagonal
    included. Every mask in these translators says where attention is ALLOWED (True = read),
    and scores where it is False become −inf before the softmax."""
    return torch.ones(T, T, dtype=torch.bool, device=device).tril()


class MultiHeadAttention(nn.Module):
    """softmax(Q Kᵀ / √d_k, masked) V in h heads of width d_k, concatenated, then W_O."""

    def __init__(self, d_model: int, n_heads: int, dropout: float):
        super().__init__()
        assert d_model % n_heads == 0, "d_model must split evenly into heads"
        self.h, self.d_k = n_heads, d_model // n_heads
        self.w_q = nn.Linear(d_model, d_model)
        self.w_k = nn.Linear(d_model, d_model)
        self.w_v = nn.Linear(d_model, d_model)
        self.w_o = nn.Linear(d_model, d_model)
        self.drop = nn.Dropout(dropout)

    def split(self, x: torch.Tensor) -> torch.Tensor:
        B, L, _ = x.shape  # [B, L, d]
        return x.view(B, L, self.h, self.d_k).transpose(1, 2)  # [B, h, L, d_k]

    def forward(self, x_q, x_kv, allowed):
        # x_q: [B, Tq, d] queries; x_kv: [B, Tk, d] keys and values;
        # allowed: [B|1, 1, Tq, Tk] bool, True where a query may read a key
        q, k, v = self.split(self.w_q(x_q)), self.split(self.w_k(x_kv)), self.split(self.w_v(x_kv))
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.d_k)  # [B, h, Tq, Tk]
        weights = F.softmax(scores.masked_fill(~allowed, float("-inf")), dim=-1)  # rows sum to 1
        out = self.drop(weights) @ v  # [B, h, Tq, d_k]
        B, _, Tq, _ = out.shape
        out = out.transpose(1, 2).reshape(B, Tq, self.h * self.d_k)  # [B, Tq, d]
        return self.w_o(out), weights


class FeedForward(nn.Module):
    """FFN(x) = W_2 ReLU(W_1 x + b_1) + b_2, applied to every position alone: d → d_ff → d."""

    def __init__(self, d_model: int, d_ff: int, dropout: float):
        super().__init__()
        self.w_1 = nn.Linear(d_model, d_ff)
        self.w_2 = nn.Linear(d_ff, d_model)
        self.drop = nn.Dropout(dropout)

    def forward(self, x):
        return self.w_2(self.drop(F.relu(self.w_1(x))))  # [B, L, d]


class EncoderLayer(nn.Module):
    def __init__(self, cfg: TransformerConfig):
        super().__init__()
        self.self_attn = MultiHeadAttention(cfg.d_model, cfg.n_heads, cfg.dropout)
        self.ffn = FeedForward(cfg.d_model, cfg.d_ff, cfg.dropout)
        self.norm_1, self.norm_2 = nn.LayerNorm(cfg.d_model), nn.LayerNorm(cfg.d_model)
        self.drop = nn.Dropout(cfg.dropout)

    def forward(self, x, src_allowed):
        # x: [B, S, d]; src_allowed: [B, 1, 1, S] True on real source words (not padding)
        a, weights = self.self_attn(x, x, src_allowed)
        x = self.norm_1(x + self.drop(a))
        x = self.norm_2(x + self.drop(self.ffn(x)))
        return x, weights  # weights: [B, h, S, S]


class DecoderLayer(nn.Module):
    def __init__(self, cfg: TransformerConfig):
        super().__init__()
        self.self_attn = MultiHeadAttention(cfg.d_model, cfg.n_heads, cfg.dropout)
        self.cross_attn = MultiHeadAttention(cfg.d_model, cfg.n_heads, cfg.dropout)
        self.ffn = FeedForward(cfg.d_model, cfg.d_ff, cfg.dropout)
        self.norm_1, self.norm_2, self.norm_3 = (nn.LayerNorm(cfg.d_model) for _ in range(3))
        self.drop = nn.Dropout(cfg.dropout)

    def forward(self, y, memory, tgt_allowed, src_allowed):
        # y: [B, T, d]; memory: [B, S, d]; tgt_allowed: [B, 1, T, T]; src_allowed: [B, 1, 1, S]
        a, self_weights = self.self_attn(y, y, tgt_allowed)
        y = self.norm_1(y + self.drop(a))
        c, cross_weights = self.cross_attn(y, memory, src_allowed)
        y = self.norm_2(y + self.drop(c))
        y = self.norm_3(y + self.drop(self.ffn(y)))
        return y, self_weights, cross_weights  # [B, h, T, T], [B, h, T, S]


class TransformerSeq2Seq(nn.Module):
    """Encoder stack + decoder stack. ``forward`` is teacher-forced over the whole target."""

    def __init__(self, cfg: TransformerConfig):
        super().__init__()
        self.cfg = cfg
        d = cfg.d_model
        self.src_embed = nn.Embedding(cfg.src_vocab_size, d, padding_idx=cfg.pad_id)
        self.tgt_embed = nn.Embedding(cfg.tgt_vocab_size, d, padding_idx=cfg.pad_id)
        self.positions: torch.Tensor  # [max_len, d] the sine waves (a buffer: saved, not trained)
        self.register_buffer(
            "positions", torch.tensor(sinusoidal(cfg.max_len, d), dtype=torch.float32), persistent=False
        )  # [max_len, d]
        self.encoder = nn.ModuleList(EncoderLayer(cfg) for _ in range(cfg.n_encoder_layers))
        self.decoder = nn.ModuleList(DecoderLayer(cfg) for _ in range(cfg.n_decoder_layers))
        self.drop = nn.Dropout(cfg.dropout)
        for p in self.parameters():  # as the paper's code
            if p.dim() > 1:
                nn.init.xavier_uniform_(p)
        with torch.no_grad():
            self.src_embed.weight[cfg.pad_id].zero_()
            self.tgt_embed.weight[cfg.pad_id].zero_()

    def embed(self, table: nn.Embedding, ids: torch.Tensor) -> torch.Tensor:
        # ids: [B, L] → [B, L, d]: token vector × √d + the position's sine waves
        L = ids.size(1)
        if L > self.cfg.max_len:
            raise ValueError(f"sequence of {L} tokens is longer than max_len={self.cfg.max_len}")
        return self.drop(table(ids) * math.sqrt(self.cfg.d_model) + self.positions[:L])

    def source_allowed(self, src: torch.Tensor) -> torch.Tensor:
        return (src != self.cfg.pad_id)[:, None, None, :]  # [B, 1, 1, S] not padding

    def encode(self, src: torch.Tensor):
        """src [B, S] → memory [B, S, d] and each layer's self-attention [B, h, S, S]."""
        x, allowed, weights = self.embed(self.src_embed, src), self.source_allowed(src), []
        for layer in self.encoder:
            x, w = layer(x, allowed)
            weights.append(w)
        return x, weights

    def decode(self, tgt_in: torch.Tensor, memory: torch.Tensor, src: torch.Tensor):
        """tgt_in [B, T] (<sos> y_1 … y_{T-1}) → logits [B, T, V], and per layer the masked
        self-attention [B, h, T, T] and the cross-attention [B, h, T, S]."""
        T = tgt_in.size(1)
        tgt_allowed = causal_allowed(T, tgt_in.device)[None, None] & (tgt_in != self.cfg.pad_id)[:, None, None, :]
        src_allowed = self.source_allowed(src)
        y, selfs, crosses = self.embed(self.tgt_embed, tgt_in), [], []
        for layer in self.decoder:
            y, s, c = layer(y, memory, tgt_allowed, src_allowed)
            selfs.append(s)
            crosses.append(c)
        logits = y @ self.tgt_embed.weight.T  # [B, T, V] shared weights
        return logits, selfs, crosses

    def forward(self, src, src_lens, tgt_in):
        # src: [B, S]; src_lens: [B] (unused: padding is found from the ids); tgt_in: [B, T]
        memory, _ = self.encode(src)
        return self.decode(tgt_in, memory, src)[0]  # [B, T, V]

    def loss(self, src, src_lens, tgt_in, tgt_out):
        logits = self(src, src_lens, tgt_in)
        return F.cross_entropy(
            logits.reshape(-1, logits.size(-1)),
            tgt_out.reshape(-1),
            ignore_index=self.cfg.pad_id,
            label_smoothing=self.cfg.label_smoothing,
        )

    # ---- decoding, one word at a time (the interface core.seq2seq.decoding drives)

    @property
    def max_steps(self) -> int:
        """The most words the decoder can be run for: it reads one position per word."""
        return self.cfg.max_len

    def start(self, src, src_lens):
        """The state a decoder begins from: the encoded source and the words so far."""
        memory, _ = self.encode(src)
        return {"memory": memory, "src": src, "ys": src.new_zeros(src.size(0), 0)}

    def step(self, y_prev, state):
        """y_prev [B] → logits [B, V] for the next word, the new state, and the last decoder
        layer's cross-attention of this position averaged over heads [B, S]. The prefix is
        decoded again at every step (no key/value cache): sentences here are short."""
        ys = torch.cat([state["ys"], y_prev[:, None]], dim=1)  # [B, t]
        logits, _, crosses = self.decode(ys, state["memory"], state["src"])
        return logits[:, -1], {**state, "ys": ys}, crosses[-1][:, :, -1].mean(1)

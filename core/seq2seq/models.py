"""LSTM sequence-to-sequence models, with and without Bahdanau (additive) attention.

Shapes: B batch, S source length, T target length, E embedding size, H hidden size.
Both variants share the same ``Encoder`` and have the same sizes; they differ only in
what the decoder sees of the source at each output step:

* ``PlainDecoder``      — one fixed context vector c, the encoder's final state
                          (Sutskever et al. 2014; Cho et al. 2014 "RNNencdec").
* ``AttentionDecoder``  — a fresh context c_i = Σ_j α_ij h_j over all encoder states
                          (Bahdanau, Cho & Bengio 2015 "RNNsearch").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class Seq2SeqConfig:
    src_vocab_size: int
    tgt_vocab_size: int
    emb_size: int = 256
    hidden_size: int = 256
    attention: bool = True
    dropout: float = 0.1
    pad_id: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


class Encoder(nn.Module):
    """Bidirectional LSTM over the source. Returns every state h_j and the final context c."""

    def __init__(self, cfg: Seq2SeqConfig):
        super().__init__()
        self.embed = nn.Embedding(cfg.src_vocab_size, cfg.emb_size, padding_idx=cfg.pad_id)
        self.rnn = nn.LSTM(cfg.emb_size, cfg.hidden_size, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(cfg.dropout)

    def forward(self, src: torch.Tensor, src_lens: torch.Tensor, embedded: torch.Tensor | None = None):
        # src: [B, S] token ids, src_lens: [B] true lengths (padding after them);
        # embedded: [B, S, E] the word vectors to read instead of embed(src) (gradient probes)
        x = self.drop(self.embed(src) if embedded is None else embedded)  # [B, S, E]
        packed = nn.utils.rnn.pack_padded_sequence(x, src_lens.cpu(), batch_first=True, enforce_sorted=False)
        out, (h_n, _) = self.rnn(packed)
        states, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=src.size(1))  # [B, S, 2H]
        # forward direction's last real step ‖ backward direction's first step
        context = torch.cat([h_n[0], h_n[1]], dim=-1)  # [B, 2H]
        return states, context


class BahdanauAttention(nn.Module):
    """Additive attention: e_ij = v_aᵀ tanh(W_a s_{i-1} + U_a h_j), α_ij = softmax_j(e_ij)."""

    def __init__(self, query_size: int, key_size: int, attn_size: int):
        super().__init__()
        self.W_a = nn.Linear(query_size, attn_size, bias=False)
        self.U_a = nn.Linear(key_size, attn_size, bias=True)
        self.v_a = nn.Linear(attn_size, 1, bias=False)

    def project_keys(self, states: torch.Tensor) -> torch.Tensor:
        # U_a h_j does not depend on the decoder step: compute it once per sentence
        return self.U_a(states)  # [B, S, A]

    def forward(self, query, keys_proj, states, src_allowed):
        # query: [B, H] = s_{i-1}; keys_proj: [B, S, A]; states: [B, S, 2H];
        # src_allowed: [B, S] bool, True on real source words (not padding)
        e = self.v_a(torch.tanh(self.W_a(query).unsqueeze(1) + keys_proj)).squeeze(-1)  # [B, S]
        e = e.masked_fill(~src_allowed, float("-inf"))  # padding never attended
        alpha = F.softmax(e, dim=-1)  # [B, S], rows sum to 1
        context = torch.bmm(alpha.unsqueeze(1), states).squeeze(1)  # [B, 2H] = Σ_j α_ij h_j
        return context, alpha


class _DecoderBase(nn.Module):
    """What both decoders share: embedding, LSTM cell, initial state from c, output layer.

    One step: input [emb(y_{i-1}); c_i] → LSTM cell → s_i;
    logits = W_o tanh(W_h [s_i; c_i; emb(y_{i-1})]).
    """

    def __init__(self, cfg: Seq2SeqConfig):
        super().__init__()
        H, E = cfg.hidden_size, cfg.emb_size
        self.embed = nn.Embedding(cfg.tgt_vocab_size, E, padding_idx=cfg.pad_id)
        self.init_h = nn.Linear(2 * H, H)
        self.init_c = nn.Linear(2 * H, H)
        self.cell = nn.LSTMCell(E + 2 * H, H)
        self.pre_out = nn.Linear(H + 2 * H + E, H)
        self.out = nn.Linear(H, cfg.tgt_vocab_size)
        self.drop = nn.Dropout(cfg.dropout)

    def init_state(self, context):
        # context: [B, 2H] → (s_0, cell_0), each [B, H]
        return torch.tanh(self.init_h(context)), torch.tanh(self.init_c(context))

    def step_output(self, emb, ctx, state):
        h, c = self.cell(torch.cat([emb, ctx], dim=-1), state)  # [B, H] each
        logits = self.out(self.drop(torch.tanh(self.pre_out(torch.cat([h, ctx, emb], dim=-1)))))
        return logits, (h, c)  # logits: [B, V]


class PlainDecoder(_DecoderBase):
    """Sees the source only through the single fixed-size context vector c (the bottleneck)."""

    def start(self, states, context, src_allowed):
        return {"context": context}, self.init_state(context)

    def step(self, y_prev, state, memo):
        emb = self.drop(self.embed(y_prev))  # [B, E]
        logits, state = self.step_output(emb, memo["context"], state)
        return logits, state, None


class AttentionDecoder(_DecoderBase):
    """At each step looks back at every encoder state through ``BahdanauAttention``."""

    def __init__(self, cfg: Seq2SeqConfig):
        super().__init__(cfg)
        H = cfg.hidden_size
        self.attention = BahdanauAttention(query_size=H, key_size=2 * H, attn_size=H)

    def start(self, states, context, src_allowed):
        memo = {"states": states, "keys": self.attention.project_keys(states), "allowed": src_allowed}
        return memo, self.init_state(context)

    def step(self, y_prev, state, memo):
        emb = self.drop(self.embed(y_prev))  # [B, E]
        ctx, alpha = self.attention(state[0], memo["keys"], memo["states"], memo["allowed"])
        logits, state = self.step_output(emb, ctx, state)
        return logits, state, alpha  # alpha: [B, S]


class Seq2Seq(nn.Module):
    """Encoder + one of the two decoders. ``forward`` is teacher-forced; ``start`` and ``step``
    decode one word at a time (core.seq2seq.decoding)."""

    def __init__(self, cfg: Seq2SeqConfig):
        super().__init__()
        self.cfg = cfg
        self.encoder = Encoder(cfg)
        self.decoder = AttentionDecoder(cfg) if cfg.attention else PlainDecoder(cfg)

    def forward(self, src, src_lens, tgt_in, embedded=None):
        # src: [B, S]; src_lens: [B]; tgt_in: [B, T] = <sos> y_1 … y_{T-1}
        state, logits = self.start(src, src_lens, embedded), []
        for t in range(tgt_in.size(1)):  # one step after another
            step_logits, state, _ = self.step(tgt_in[:, t], state)
            logits.append(step_logits)
        return torch.stack(logits, dim=1)  # [B, T, V]

    def loss(self, src, src_lens, tgt_in, tgt_out):
        logits = self(src, src_lens, tgt_in)
        return F.cross_entropy(logits.reshape(-1, logits.size(-1)), tgt_out.reshape(-1), ignore_index=self.cfg.pad_id)

    # ---- decoding, one word at a time (the interface core.seq2seq.decoding drives)

    def start(self, src, src_lens, embedded=None):
        """Encode the source once: the decoder's first state and what it reads at every step
        (the context vector c for the plain decoder, every h_j for the attention one)."""
        states, context = self.encoder(src, src_lens, embedded)
        memo, hidden = self.decoder.start(states, context, src != self.cfg.pad_id)
        return {"memo": memo, "hidden": hidden, "context": context}

    def step(self, y_prev, state):
        """y_prev [B] → logits [B, V] for the next word, the new state, alpha [B, S] or None."""
        logits, hidden, alpha = self.decoder.step(y_prev, state["hidden"], state["memo"])
        return logits, {**state, "hidden": hidden}, alpha

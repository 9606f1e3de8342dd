"""Tiny models of every family the app supports, with a tiny byte-level BPE tokenizer, built
from scratch: GPT-2, Llama (rotary, grouped key/value heads), GPT-NeoX (parallel residual,
rotary on a quarter of each head, like Pythia), GPT-J (one shared norm, interleaved rotary
pairs), OPT pre-norm (opt-125m) and OPT post-norm with projections (opt-350m).

Saved with save_pretrained and loaded through core.models.load_lm — the path users take —
so tests never need the network. TINY_FAMILIES names one builder per family in core.arch;
the contract suite (tests/test_family_contract.py) runs on every entry. Also a command for
the browser test's server:

    python -m tests.tiny_models DIR     # writes DIR/<name> for each entry of TINY_FAMILIES
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import torch
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import (
    GPT2Config,
    GPT2LMHeadModel,
    GPT2TokenizerFast,
    GPTJConfig,
    GPTJForCausalLM,
    GPTNeoXConfig,
    GPTNeoXForCausalLM,
    LlamaConfig,
    LlamaForCausalLM,
    OPTConfig,
    OPTForCausalLM,
    PreTrainedTokenizerFast,
    Qwen2Config,
    Qwen2ForCausalLM,
)

# GPT-2's real BPE files, beside the project (never committed into it)
GPT2_TOKENIZER_DIR = Path(__file__).resolve().parents[2] / "shared" / "gpt2-tokenizer"

CORPUS = [
    "Data visualization empowers users to explore data.",
    "The train left the station on time.",
    "I deposited money at the bank. We sat on the river bank. The bank approved my loan.",
    "The king and the queen, a man and a woman, play a game with an orange.",
    "The capital of France is Paris. The cat sat on the mat.",
    "안녕하세요, 트랜스포머! 😀 emoji and Korean are bytes too.",
] * 20


def build_tokenizer(vocab_size: int = 300) -> PreTrainedTokenizerFast:
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, special_tokens=["<|endoftext|>"], initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    tok.train_from_iterator(CORPUS, trainer)
    return PreTrainedTokenizerFast(
        tokenizer_object=tok, bos_token="<|endoftext|>", eos_token="<|endoftext|>", unk_token="<|endoftext|>"
    )


def real_gpt2_tokenizer(folder: Path = GPT2_TOKENIZER_DIR) -> GPT2TokenizerFast:
    """GPT-2's tokenizer from its vocab.json + merges.txt.

    (transformers 5 ignores `vocab_file=`/`merges_file=` and silently builds an empty
    tokenizer, so the files are read here and passed as `vocab=`/`merges=`.)
    """
    folder = Path(folder)
    vocab = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
    lines = (folder / "merges.txt").read_text(encoding="utf-8").splitlines()
    merges = [tuple(line.split()) for line in lines if line.strip() and not line.startswith("#version")]
    tokenizer = GPT2TokenizerFast(vocab=vocab, merges=merges)
    if len(tokenizer) != len(vocab):
        raise ValueError(f"{folder}: tokenizer has {len(tokenizer)} tokens, vocab.json {len(vocab)}")
    return tokenizer


def build_gpt2_small(folder: Path, tokenizer_dir: Path = GPT2_TOKENIZER_DIR, seed: int = 0) -> Path:
    """A model of GPT-2 small's exact size (random weights) with the real tokenizer: for
    benchmarks, where timing and memory are the same as with the trained weights."""
    tokenizer = real_gpt2_tokenizer(tokenizer_dir)
    torch.manual_seed(seed)
    GPT2LMHeadModel(GPT2Config()).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def build_gpt2(folder: Path, seed: int = 0) -> Path:
    tokenizer = build_tokenizer()
    torch.manual_seed(seed)
    config = GPT2Config(
        vocab_size=len(tokenizer), n_positions=64, n_embd=32, n_layer=2, n_head=4, bos_token_id=0, eos_token_id=0
    )
    GPT2LMHeadModel(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def build_llama(folder: Path, seed: int = 0) -> Path:
    """Llama family: rotary positions, grouped key/value heads (4 query, 2 kv)."""
    tokenizer = build_tokenizer()
    torch.manual_seed(seed)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=128,
        bos_token_id=0,
        eos_token_id=0,
        pad_token_id=0,
    )
    LlamaForCausalLM(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def build_gpt_neox(folder: Path, seed: int = 0) -> Path:
    """GPT-NeoX family as Pythia has it: attention and the MLP side by side on the same input
    (parallel residual), rotary on a quarter of each head (16 numbers → 4 rotate: 2 pairs)."""
    tokenizer = build_tokenizer()
    torch.manual_seed(seed)
    config = GPTNeoXConfig(
        vocab_size=len(tokenizer),
        hidden_size=64,
        intermediate_size=256,
        num_hidden_layers=2,
        num_attention_heads=4,
        max_position_embeddings=128,
        rotary_pct=0.25,
        use_parallel_residual=True,
        bos_token_id=0,
        eos_token_id=0,
        pad_token_id=0,
        tie_word_embeddings=False,
    )
    GPTNeoXForCausalLM(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def build_gptj(folder: Path, seed: int = 0) -> Path:
    """GPT-J family: one LayerNorm shared by attention and the MLP side by side, rotary on the
    first 4 of each head's 8 numbers in interleaved pairs (2i, 2i+1), no biases on q/k/v/W_O."""
    tokenizer = build_tokenizer()
    torch.manual_seed(seed)
    config = GPTJConfig(
        vocab_size=len(tokenizer),
        n_positions=64,
        n_embd=32,
        n_layer=2,
        n_head=4,
        rotary_dim=4,
        bos_token_id=0,
        eos_token_id=0,
        tie_word_embeddings=False,
    )
    GPTJForCausalLM(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def build_opt(folder: Path, seed: int = 0) -> Path:
    """OPT as opt-125m has it: LayerNorm before each sublayer, a ReLU MLP (fc1/fc2 on the layer),
    learned positions in a table with 2 extra rows (position p reads row p + 2)."""
    tokenizer = build_tokenizer()
    torch.manual_seed(seed)
    config = OPTConfig(
        vocab_size=len(tokenizer),
        hidden_size=32,
        ffn_dim=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        max_position_embeddings=64,
        word_embed_proj_dim=32,
        do_layer_norm_before=True,
        bos_token_id=0,
        eos_token_id=0,
        pad_token_id=1,
    )
    OPTForCausalLM(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def build_opt_post(folder: Path, seed: int = 0) -> Path:
    """OPT as opt-350m has it: LayerNorm after each residual addition (post-norm, no final norm)
    and token embeddings narrower than the stack (16 ↔ 32: project_in and project_out)."""
    tokenizer = build_tokenizer()
    torch.manual_seed(seed)
    config = OPTConfig(
        vocab_size=len(tokenizer),
        hidden_size=32,
        ffn_dim=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        max_position_embeddings=64,
        word_embed_proj_dim=16,
        do_layer_norm_before=False,
        bos_token_id=0,
        eos_token_id=0,
        pad_token_id=1,
    )
    OPTForCausalLM(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def build_qwen2(folder: Path, seed: int = 0) -> Path:
    """Qwen2 family: biased q/k/v, grouped key/value heads (4 query, 2 kv), rotary, RMSNorm."""
    tokenizer = build_tokenizer()
    torch.manual_seed(seed)
    config = Qwen2Config(
        vocab_size=len(tokenizer),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=128,
        bos_token_id=0,
        eos_token_id=0,
        pad_token_id=0,
        tie_word_embeddings=False,
    )
    Qwen2ForCausalLM(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


# One tiny model per way a family of core.arch.FAMILIES is built (the key names the model; a
# family may have more than one: OPT pre-norm and OPT post-norm with projections).
TINY_FAMILIES = {
    "gpt2": build_gpt2,
    "llama": build_llama,
    "gpt_neox": build_gpt_neox,
    "gptj": build_gptj,
    "opt": build_opt,
    "opt_post": build_opt_post,
    "qwen2": build_qwen2,
}


if __name__ == "__main__":
    root = Path(sys.argv[1])
    print(*(build(root / name) for name, build in TINY_FAMILIES.items()))

"""load_lm: a built-in model by name, a hub id, or a local save_pretrained folder.

Every model is loaded with eager attention (transformers 5 silently returns no attention
weights otherwise), remote code is never trusted, safetensors are preferred, and a forward
pass is checked to return one attention tensor per layer before the model is handed out.
"""

from __future__ import annotations

import os
from pathlib import Path

from core.models import hub, offline
from core.models.lm import LM, SOURCE_HUB, SOURCE_HUB_CACHE, SOURCE_LOCAL_DIR, SOURCE_OFFLINE_DEFAULT
from core.models.registry import (
    DISPLAY_NAMES,
    HUB_MODELS,
    OFFLINE_DEFAULT,
    ModelUnavailable,
    Progress,
    looks_like_hub_id,
)


def load_lm(name_or_path: str, progress: Progress | None = None) -> LM:
    """Load a built-in model by name, a hub id, or a local save_pretrained folder.

    Raises ModelUnavailable when the model cannot be had here (the UI then falls back to
    the offline default and says why).
    """
    name = name_or_path.strip()
    if name == OFFLINE_DEFAULT:
        folder = offline.ensure(progress)
        return _load_folder(str(folder), name, DISPLAY_NAMES[name], SOURCE_OFFLINE_DEFAULT)
    if name in HUB_MODELS:
        return _load_from_hub(HUB_MODELS[name], name, DISPLAY_NAMES[name])
    if os.path.isdir(name):
        return _load_folder(name, name, Path(name).name, SOURCE_LOCAL_DIR)
    if looks_like_hub_id(name):
        return _load_from_hub(name, name, name)
    raise ModelUnavailable(name, "not_found", "not a built-in model, a hub id or an existing folder")


def _load_from_hub(hub_id: str, name: str, display: str) -> LM:
    try:  # the local cache first: no network at all when the lecturer prefetched
        return _load_folder(hub_id, name, display, SOURCE_HUB_CACHE, local_files_only=True)
    except OSError:
        pass
    if not hub.reachable():
        raise ModelUnavailable(
            name, "unreachable", "the Hugging Face hub cannot be reached and the model is not in the local cache"
        )
    try:
        return _load_folder(hub_id, name, display, SOURCE_HUB)
    except OSError as exc:
        raise ModelUnavailable(name, "hub_error", str(exc)) from exc


def _load_folder(path: str, name: str, display: str, source: str, local_files_only: bool = False) -> LM:
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer

    from core.arch import FAMILIES

    kwargs = dict(local_files_only=local_files_only, trust_remote_code=False)
    config = AutoConfig.from_pretrained(path, **kwargs)
    if config.model_type not in FAMILIES:
        raise ModelUnavailable(
            name,
            "unsupported",
            f"unsupported architecture {config.model_type!r} (supported: {', '.join(FAMILIES)})",
            found=str(config.model_type),
            known=", ".join(FAMILIES),
        )
    tokenizer = AutoTokenizer.from_pretrained(path, **kwargs)
    model = AutoModelForCausalLM.from_pretrained(path, attn_implementation="eager", dtype=torch.float32, **kwargs)
    lm = wrap(model.eval(), tokenizer, name, display, source)
    check_attentions_returned(lm)
    return lm


def wrap(model, tokenizer, name: str, display_name: str, source: str) -> LM:
    """An LM around a model and tokenizer already in memory (load_lm's last step; benchmarks)."""
    from core.arch import family_of

    return LM(
        model=model,
        tokenizer=tokenizer,
        arch=family_of(model),
        name=name,
        display_name=display_name,
        source=source,
        n_params=sum(p.numel() for p in model.parameters()),
    )  # tied weights counted once


def check_attentions_returned(lm: LM) -> None:
    """Guard: a forward pass must return one [1, H, T, T] attention tensor per layer.

    transformers 5 returns empty attentions, without a warning, unless the model runs
    with eager attention; every page that draws attention relies on this.
    """
    import torch

    ids = torch.tensor([[0, 1, 2]])
    with torch.no_grad():
        out = lm.model(input_ids=ids, output_attentions=True)
    atts = out.attentions
    if (
        atts is None
        or len(atts) != lm.arch.n_layers
        or any(a is None or tuple(a.shape) != (1, lm.arch.n_heads, 3, 3) for a in atts)
    ):
        raise AssertionError(
            f"{lm.name}: the forward pass returned no per-layer attention weights; "
            "load the model with attn_implementation='eager'"
        )

"""Which models the app offers, what a name means, and which model it opens on.

Decided without importing torch, so the sidebar can draw its model list at once.
"""

from __future__ import annotations

import os
from typing import Callable

from core.models import hub

# name -> hub id, for the models the sidebar offers. The offline default has no hub id.
HUB_MODELS = {
    "gpt2": "openai-community/gpt2",
    "distilgpt2": "distilbert/distilgpt2",
    "gpt2-medium": "openai-community/gpt2-medium",
    "pythia-70m": "EleutherAI/pythia-70m",
    "pythia-160m": "EleutherAI/pythia-160m",
    "opt-125m": "facebook/opt-125m",
    "opt-350m": "facebook/opt-350m",
}
OFFLINE_DEFAULT = "smollm2-135m"
BUILTIN_MODELS = (*HUB_MODELS, OFFLINE_DEFAULT)
DEFAULT_MODEL = "gpt2"
MODEL_ENV_VAR = "TRANSFORMER_ANATOMY_MODEL"

DISPLAY_NAMES = {
    "gpt2": "GPT-2 small",
    "distilgpt2": "DistilGPT-2",
    "gpt2-medium": "GPT-2 medium",
    "pythia-70m": "Pythia-70M",
    "pythia-160m": "Pythia-160M",
    "opt-125m": "OPT-125M",
    "opt-350m": "OPT-350M",
    OFFLINE_DEFAULT: "SmolLM2-135M-Instruct",
}

Progress = Callable[[float, str], None]  # (fraction done 0..1, what is happening)


class ModelUnavailable(RuntimeError):
    """The model cannot be loaded here (hub unreachable and not cached, missing folder...)."""

    def __init__(self, name: str, code: str, reason: str, **values):
        super().__init__(f"cannot load model {name!r}: {reason}")
        self.name = name
        self.code = code  # "unreachable" | "download" | "unsupported" | "not_found" | "hub_error"
        self.reason = reason
        self.values = values  # what the catalog's message for `code` names (unsupported: found, known)


def configured_default() -> str:
    """The model the app opens with: the operator's environment variable, else GPT-2."""
    return os.environ.get(MODEL_ENV_VAR, "").strip() or DEFAULT_MODEL


def looks_like_hub_id(name: str) -> bool:
    parts = name.split("/")
    return 1 <= len(parts) <= 2 and all(p and not p.startswith(".") for p in parts)


def startup_model() -> str:
    """The model the app opens on: the configured default when it can be had here (a local
    folder, a model in the Hugging Face cache, or the hub within reach), else the offline
    default."""
    configured = configured_default()
    hub_id = HUB_MODELS.get(configured) or (
        configured
        if configured != OFFLINE_DEFAULT and not os.path.isdir(configured) and looks_like_hub_id(configured)
        else None
    )
    if hub_id is None or hub.cached(hub_id) or hub.reachable():
        return configured
    return OFFLINE_DEFAULT

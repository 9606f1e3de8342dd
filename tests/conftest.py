"""Shared fixtures: tiny models built from scratch and loaded the way users load models."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Tests never touch the network for models.
os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def class_store_in_a_temporary_folder(tmp_path_factory):
    """Every test's class store (pages run in AppTest, the browser test's server) is SQLite in
    a temporary folder, never the user's own (TRANSFORMER_ANATOMY_DB)."""
    saved = os.environ.get("TRANSFORMER_ANATOMY_DB")
    os.environ["TRANSFORMER_ANATOMY_DB"] = f"sqlite:///{tmp_path_factory.mktemp('classroom')}/classroom.db"
    yield
    if saved is None:
        os.environ.pop("TRANSFORMER_ANATOMY_DB", None)
    else:
        os.environ["TRANSFORMER_ANATOMY_DB"] = saved


@pytest.fixture(scope="session")
def tiny_dirs(tmp_path_factory) -> dict[str, Path]:
    """One saved tiny model per family (tests.tiny_models.TINY_FAMILIES), by family name."""
    from tests.tiny_models import TINY_FAMILIES

    root = tmp_path_factory.mktemp("tiny-models")
    return {name: build(root / name) for name, build in TINY_FAMILIES.items()}


@pytest.fixture(scope="session")
def tiny_gpt2(tiny_dirs):
    from core.models import load_lm

    return load_lm(str(tiny_dirs["gpt2"]))


@pytest.fixture(scope="session")
def tiny_llama(tiny_dirs):
    from core.models import load_lm

    return load_lm(str(tiny_dirs["llama"]))


@pytest.fixture(scope="session")
def tiny_neox(tiny_dirs):
    from core.models import load_lm

    return load_lm(str(tiny_dirs["gpt_neox"]))


@pytest.fixture(scope="session")
def sharp_gpt2_dir(tiny_dirs, tmp_path_factory) -> str:
    """The tiny GPT-2 with sharpened weights, saved as a model folder: its questions (core.quiz)
    have clear answers, where the tiny model's near-uniform numbers tie."""
    import shutil

    from tests.helpers import sharpened

    folder = tmp_path_factory.mktemp("sharp") / "gpt2"
    shutil.copytree(tiny_dirs["gpt2"], folder)
    sharpened(tiny_dirs["gpt2"]).model.save_pretrained(folder)
    return str(folder)


@pytest.fixture
def app(tiny_dirs, monkeypatch):
    """AppTest factory for a page file, serving the tiny GPT-2 as the operator's model:
    `at = app("pages/1_Embeddings.py"); at.run()`."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("TRANSFORMER_ANATOMY_MODEL", str(tiny_dirs["gpt2"]))

    def make(path: str, timeout: float = 120, **query):
        at = AppTest.from_file(str(ROOT / path), default_timeout=timeout)
        at.query_params.update(query)
        return at

    return make

"""Trains the Rasa model only when its inputs changed.

The model file is named after a content fingerprint of everything that shapes it, so a
second `make run` finds the same file and skips the ~minutes of training, and a stale
model can never be served after the training data changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import rasa
import yaml

from bot.content import CONTENT_DIR, DEFAULT_LOCALE, responses
from bot.infrastructure.paths import (
    BUILD_DIR,
    CONFIG_FILE,
    DATA_DIR,
    DOMAIN_PATH,
    MODELS_DIR,
    PROJECT_ROOT,
    SAFETY_DATA_DIR,
)
from bot.nlp.spacy_pipeline import write_pipeline
from bot.vocabulary.index import vocabulary_files

MODEL_PREFIX = "navigator-"
COMPOSED_DOMAIN = BUILD_DIR / "domain.yml"
RESPONSES_FILE = CONTENT_DIR / DEFAULT_LOCALE / "responses.yml"


def _training_inputs() -> list[Path]:
    """Files whose content decides the trained model, including the custom NLU code and
    the vocabulary code it builds the entity ruler from (bot/vocabulary)."""
    files: list[Path] = [CONFIG_FILE, RESPONSES_FILE]
    for root in (
        DOMAIN_PATH,
        DATA_DIR,
        PROJECT_ROOT / "bot" / "nlp",
        PROJECT_ROOT / "bot" / "vocabulary",
    ):
        if root.is_file():
            files.append(root)
        elif root.is_dir():
            files.extend(
                p
                for p in root.rglob("*")
                if p.is_file()
                and p.suffix in {".yml", ".yaml", ".py"}
                # The safety phrasings train their own model (bot/guidance/safety_model.py).
                and SAFETY_DATA_DIR not in p.parents
            )
    files.extend(vocabulary_files())
    return sorted(set(files))


def fingerprint() -> str:
    digest = hashlib.sha256(f"rasa={rasa.__version__}\n".encode())
    for path in _training_inputs():
        digest.update(str(path.relative_to(PROJECT_ROOT)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def model_path() -> Path:
    """Where the model for the current inputs lives (it may not exist yet)."""
    return MODELS_DIR / f"{MODEL_PREFIX}{fingerprint()}.tar.gz"


def rasa_environment() -> dict[str, str]:
    env = dict(os.environ)
    env["RASA_TELEMETRY_ENABLED"] = "false"
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    return env


def compose_domain() -> Path:
    """`domain.yml` with the default locale's responses from the content catalogue.

    The texts live in the catalogue, keyed by locale, so that one loader and the
    readability tests see them all; Rasa still wants them in the domain it trains and
    validates, so this writes the one file it reads.
    """
    domain = yaml.safe_load(DOMAIN_PATH.read_text(encoding="utf-8"))
    domain["responses"] = responses(DEFAULT_LOCALE)
    COMPOSED_DOMAIN.parent.mkdir(parents=True, exist_ok=True)
    COMPOSED_DOMAIN.write_text(
        yaml.safe_dump(domain, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8"
    )
    return COMPOSED_DOMAIN


def ensure_model(force: bool = False) -> tuple[Path, bool]:
    """Returns the model path and whether it had to be trained now."""
    target = model_path()
    if target.exists() and not force:
        return target, False
    write_pipeline()
    MODELS_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "rasa",
            "train",
            "--config",
            str(CONFIG_FILE),
            "--domain",
            str(compose_domain()),
            "--data",
            str(DATA_DIR / "nlu"),
            str(DATA_DIR / "stories"),
            "--out",
            str(MODELS_DIR),
            "--fixed-model-name",
            target.name.removesuffix(".tar.gz"),
            "--quiet",
        ],
        cwd=PROJECT_ROOT,
        env=rasa_environment(),
        check=True,
    )
    _remove_stale_models(keep=target)
    return target, True


def _remove_stale_models(keep: Path) -> None:
    """Old fingerprints are never served again; keep only the newest few on disk."""
    models = sorted(MODELS_DIR.glob(f"{MODEL_PREFIX}*.tar.gz"), key=lambda p: p.stat().st_mtime)
    for stale in [m for m in models if m != keep][:-2]:
        stale.unlink(missing_ok=True)

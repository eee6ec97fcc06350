"""Where the project's files live, independent of the current directory.

Rasa resolves paths relative to the working directory; commands started from anywhere
else (tests, the CLI) must still find the same training data and build outputs.
"""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
VAR_DIR = PROJECT_ROOT / "var"
BUILD_DIR = PROJECT_ROOT / "build"
MODELS_DIR = PROJECT_ROOT / "models"
DATA_DIR = PROJECT_ROOT / "data"
CONFIG_FILE = PROJECT_ROOT / "config.yml"
DOMAIN_PATH = PROJECT_ROOT / "domain.yml"
SPACY_MODEL_DIR = BUILD_DIR / "spacy" / "en_navigator"
SAFETY_DATA_DIR = DATA_DIR / "safety"

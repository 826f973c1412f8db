"""Where the project's own data folders are."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

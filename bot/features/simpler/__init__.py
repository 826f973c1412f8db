"""The simpler feature."""

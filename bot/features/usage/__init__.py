"""The usage feature."""

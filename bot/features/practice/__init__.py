"""The practice feature."""

"""The lessons feature."""

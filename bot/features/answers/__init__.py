"""The answers feature."""

"""The review feature."""

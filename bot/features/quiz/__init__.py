"""The quiz feature."""

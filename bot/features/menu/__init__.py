"""The menu feature."""

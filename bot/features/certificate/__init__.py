"""The certificate feature."""

"""Adapters of the ports: the database, the chat model and the lesson search."""

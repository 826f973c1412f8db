"""The front ends: Telegram and the terminal, thin adapters around the core."""

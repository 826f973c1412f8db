"""The optional chat model: client, chains, prompts and per-learner accounting."""

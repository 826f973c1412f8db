"""The conversational tutor: an optional chat model, its prompts, guards and accounting."""

"""The Telegram front end: a thin adapter between Telegram updates and the tutor core."""

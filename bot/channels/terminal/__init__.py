"""The terminal front end: the same tutor, buttons shown as numbered choices."""

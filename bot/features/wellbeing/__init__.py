"""Words of distress: the people who can help, before anything else is read."""

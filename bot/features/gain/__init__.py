"""The check-in and check-out: what a learner knew before the course, and after it."""

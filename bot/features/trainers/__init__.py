"""Trainers: cohorts, pushed lessons and reminders through a durable outbox, and reports."""

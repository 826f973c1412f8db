"""The durable outbox: messages nobody asked for, written first, then sent once at the limits.

Features bring mailboxes (their own outbox table and what a row says); one worker claims and
sends the rows of every mailbox, so Telegram's limits hold for all of them together.
"""

"""The tutor core: events, replies, routing, conversation state and ports; no transport."""

"""The trainers' dashboard: one-time sign-in links, browser sessions, an audit log, cohort views."""

"""The trainers' web dashboard: a thin Starlette front end over the tutor's core and features."""

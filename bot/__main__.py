from bot.cli import run

raise SystemExit(run())

"""An AI-literacy tutor for adults in Belgium, on Telegram and in the terminal."""

"""Speech: course text read aloud (espeak-ng or an endpoint), and voice notes heard."""

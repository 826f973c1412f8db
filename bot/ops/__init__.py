"""What an operator watches: health and readiness, Prometheus metrics, and the HTTP routes."""

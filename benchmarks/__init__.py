"""Speed and memory measurements; run each as a module: python -m benchmarks.NAME."""

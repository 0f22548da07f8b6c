"""Front ends: command line, interactive shell, golden-test runner, pytest plugin."""

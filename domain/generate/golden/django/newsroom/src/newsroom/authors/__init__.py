"""The authors feature."""

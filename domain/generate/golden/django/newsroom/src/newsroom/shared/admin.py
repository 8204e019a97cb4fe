"""The admin for the models of the shared feature."""

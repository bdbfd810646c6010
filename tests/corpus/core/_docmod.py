"""The helper module's own docstring."""
VALUE = 3

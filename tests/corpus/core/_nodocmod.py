x = 1
"""not a docstring: not the first statement"""

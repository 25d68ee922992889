"""Qt item models and view state behind the lists and tables."""

"""pursuit: a keyboard-first job-search tracker for the terminal."""

__version__ = "0.1.0"

"""Knowledge base of Vietnam's international defence cooperation.

The pipeline reads in one direction: load → validate → model → render → build → index.
"""

"""`make fix`: rewrite every data file in its canonical form (see canonical_yaml.py)."""

"""Raises while being imported."""
print("broken_mod: executing")
ATTEMPTED = True
raise ValueError("broken_mod cannot be imported")

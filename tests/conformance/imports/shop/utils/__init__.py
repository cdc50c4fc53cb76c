"""Utility subpackage."""
print("shop.utils executing, __package__ =", __package__)

"""Other half of a circular import."""
print("circ_b: start")
import circ_a

B_VALUE = "b"
print("circ_b: sees circ_a attributes", sorted(k for k in vars(circ_a) if k.endswith("VALUE")))

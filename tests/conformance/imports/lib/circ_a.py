"""Half of a circular import: reads circ_b lazily."""
print("circ_a: start")
import circ_b

A_VALUE = "a"


def from_b():
    return circ_b.B_VALUE


print("circ_a: end, circ_b partially has", sorted(k for k in vars(circ_b) if k.endswith("VALUE")))

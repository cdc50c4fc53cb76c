# Circular imports see partially initialised modules.
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import circ_a
print(circ_a.A_VALUE, circ_a.from_b(), circ_a.circ_b.circ_a is circ_a)

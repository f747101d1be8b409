import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
import circ_a
import circ_b
print(circ_a.from_b(), circ_b.a_partial(), circ_b.PARTIAL_AT_IMPORT)

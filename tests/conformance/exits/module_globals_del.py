# At exit, after atexit handlers and __main__'s globals, every module in sys.modules is
# dropped: globals of modules nothing else holds are freed (cycles by the collector), and
# modules still alive have their globals set to None, underscore names first.
import atexit
import sys
sys.path.insert(0, "helpers")
import fin_plain
import fin_cycle
import fin_kept
import builtins

# Names added to builtins are dropped before the collection (builtins is restored to its
# state at startup), so this does not keep fin_cycle alive; sys still holds fin_kept.
builtins._keep_fin_cycle = fin_cycle
sys._keep_fin_kept = fin_kept
main_obj = fin_plain.Noisy("main.main_obj")
atexit.register(print, "atexit handler")
print("end of script")

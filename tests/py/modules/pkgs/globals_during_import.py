# Imported by modules/module_globals_during_import.py: what the module sees
# of its own namespace while its body runs.
SEEN_WHILE_RUNNING = sorted(k for k in globals() if k.startswith("__") and k != "__cached__")
DIR_WHILE_RUNNING = sorted(k for k in dir() if k not in ("__cached__", "SEEN_WHILE_RUNNING"))

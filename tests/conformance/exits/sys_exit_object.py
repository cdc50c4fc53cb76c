# A non-int, non-None exit code is printed to stderr and the status is 1.
raise SystemExit(["list", "payload"])

# Exceptions are ordinary objects: custom attributes, args mutation, copying, pickling-free reconstruction.
class HttpError(Exception):
    def __init__(self, status, reason, headers=None):
        super().__init__(status, reason)
        self.status = status
        self.reason = reason
        self.headers = headers or {}
    def __str__(self):
        return f"{self.status} {self.reason}"
    @property
    def retryable(self):
        return self.status >= 500
errs = [HttpError(404, "Not Found"), HttpError(503, "Unavailable", {"Retry-After": "5"}), HttpError(500, "Oops")]
for e in errs:
    print(e, repr(e), e.args, e.retryable, e.headers)
e = errs[0]
e.args = (410, "Gone")
print(e, e.args, e.status)
e.extra = "attached later"
print(e.extra, sorted(vars(e)))
copy_of = HttpError(*errs[1].args)
print(copy_of, copy_of.args == errs[1].args, copy_of is errs[1])
try:
    raise errs[2]
except HttpError as caught:
    print("same object:", caught is errs[2], caught.__traceback__ is not None)
try:
    raise errs[2]
except HttpError as again:
    n = 0
    tb = again.__traceback__
    while tb:
        n += 1
        tb = tb.tb_next
    print("traceback frames after re-raise:", n)

# Evaluation order: callee before args, positional before keyword, defaults evaluated at def time.
log = []
def t(label, value=None):
    log.append(label)
    return value if value is not None else label
def target(*args, **kwargs):
    return args, kwargs
def get_target():
    log.append("callee")
    return target
print(get_target()(t("a"), t("b"), *[t("c")], k1=t("k1"), **{"k2": t("k2")}))
print(log)
log.clear()
def defaults(x=t("default-x"), y=t("default-y")):
    return x, y
print(log, defaults(), defaults(1), log)
log.clear()
d = {t("key1"): t("val1"), t("key2"): t("val2")}
lst = [t("e1"), t("e2")]
print(log)
log.clear()
x = t("lhs-obj", {"k": 0})
x[t("index")] = t("rhs")
print(log, x)
log.clear()
a = t("first", 1) + t("second", 2) * t("third", 3)
print(a, log)
log.clear()
r = t("cond", True) and t("then", 0) or t("else", 9)
print(r, log)

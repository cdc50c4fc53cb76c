import logging, sys, io, os

def out():
    return io.StringIO()

# lastResort
logging.getLogger("x").warning("last resort %s", 1)
logging.getLogger("x").info("hidden")
buf = io.StringIO()
h = logging.StreamHandler(buf)
root = logging.getLogger()
print(root, logging.getLogger("a.b"), logging.getLogger("a.b").parent, logging.getLogger("a").parent)
a = logging.getLogger("a")
ab = logging.getLogger("a.b")
print(ab.parent is a, a.parent is root, logging.getLogger("a.b.c.d").parent is ab)
abc = logging.getLogger("a.b.c")
print(logging.getLogger("a.b.c.d").parent is abc, abc.parent is ab)
print(sorted(l.name for l in a.getChildren()), sorted(l.name for l in ab.getChildren()))
h.setFormatter(logging.Formatter("%(levelname)s|%(name)s|%(message)s|%(funcName)s|%(lineno)d|%(module)s|%(filename)s"))
a.addHandler(h)
a.setLevel(logging.DEBUG)
def fn():
    ab.debug("dbg %d", 5)
    ab.info("info %(k)s", {"k": "v"})
    abc.error("err")
fn()
ab.propagate = False
ab.error("no propagate")
ab.propagate = True
print(buf.getvalue(), end="")
print(a.getEffectiveLevel(), ab.getEffectiveLevel(), root.getEffectiveLevel(), ab.isEnabledFor(10))
print(logging.getLevelName(10), logging.getLevelName("ERROR"), logging.getLevelName(15))
logging.addLevelName(15, "VERBOSE")
print(logging.getLevelName(15), logging.getLevelName("VERBOSE"))
for style, fmt in [("%", "%(levelname)-8s %(message)s"), ("{", "{levelname:>8} {message}"), ("$", "$levelname ${message}")]:
    b = io.StringIO()
    hh = logging.StreamHandler(b)
    hh.setFormatter(logging.Formatter(fmt, style=style))
    lg = logging.getLogger("style" + style)
    lg.addHandler(hh)
    lg.propagate = False
    lg.warning("hello %s", "w")
    print(repr(b.getvalue()))
for bad in [("%(x", "%"), ("{", "{"), ("$", "$"), ("x", "?")]:
    try:
        logging.Formatter(bad[0], style=bad[1])
    except ValueError as e:
        print("ValueError", e)
f = logging.Formatter("%(asctime)s %(message)s", datefmt="%Y")
r = logging.makeLogRecord({"msg": "m %s", "args": ("A",), "created": 0.0, "msecs": 5.0})
print(f.format(r)[:4].isdigit(), logging.Formatter("%(message)s").format(r))
class Ft(logging.Filter):
    def filter(self, rec):
        return "keep" in rec.getMessage()
b = io.StringIO()
fh = logging.StreamHandler(b)
fh.addFilter(Ft())
lg = logging.getLogger("filt")
lg.propagate = False
lg.addHandler(fh)
lg.warning("keep this")
lg.warning("drop this")
lg.addFilter(lambda rec: rec.levelno >= 40)
lg.warning("keep but low")
lg.error("keep high")
print(repr(b.getvalue()))
nf = logging.Filter("a.b")
print(nf.filter(logging.makeLogRecord({"name": "a.b.c"})), nf.filter(logging.makeLogRecord({"name": "a.bc"})), nf.filter(logging.makeLogRecord({"name": "a.b"})))
b = io.StringIO()
eh = logging.StreamHandler(b)
eh.setFormatter(logging.Formatter("%(levelname)s:%(message)s"))
lg = logging.getLogger("exc")
lg.propagate = False
lg.addHandler(eh)
def boom():
    return 1 / 0
try:
    boom()
except ZeroDivisionError:
    lg.exception("failed %s", "op")
try:
    {}["k"]
except KeyError as e:
    lg.error("with exc", exc_info=e)
lg.warning("stack", stack_info=False)
print(b.getvalue().replace(os.path.abspath(__file__), "FILE"), end="")
ad = logging.LoggerAdapter(lg, {"user": "bob"})
eh.setFormatter(logging.Formatter("%(user)s %(message)s"))
b.seek(0); b.truncate()
ad.warning("adapted")
print(repr(b.getvalue()), ad, repr(ad.name))
try:
    lg.warning("x", extra={"message": 1})
except KeyError as e:
    print("KeyError", e)
print(repr(eh), repr(logging.StreamHandler(sys.stdout)), repr(logging.NullHandler()))
print(repr(lg), repr(root))
try:
    logging.basicConfig(stream=sys.stdout, filename="x")
except ValueError as e:
    print(e)
try:
    logging.basicConfig(foo=1)
except ValueError as e:
    print(e)
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
logging.info("root info")
logging.debug("root debug")
logging.getLogger("q.r").warning("child warn %d%%", 50)
logging.basicConfig(stream=sys.stdout, format="ignored")
logging.warning("still first format")
logging.basicConfig(stream=sys.stdout, format="NEW %(message)s", force=True)
logging.error("forced")
logging.log(45, "level 45")
try:
    logging.getLogger().setLevel("BOGUS")
except ValueError as e:
    print(e)
logging.disable(logging.ERROR)
logging.error("disabled")
logging.critical("crit passes")
logging.disable(logging.NOTSET)
path = f"/tmp/rpy_log_{os.getpid()}.log"
fh = logging.FileHandler(path, mode="w")
fh.setFormatter(logging.Formatter("%(name)s - %(message)s"))
lg = logging.getLogger("file")
lg.addHandler(fh)
lg.warning("to file")
fh.close()
print(open(path).read(), end="")
os.remove(path)
print(logging.getLogger("file").hasHandlers(), logging.getLogger("zz").hasHandlers())
print(logging.getLogger("a").getChild("b") is ab)
lg = logging.getLogger("bad")
lg.propagate = False
lg.addHandler(logging.StreamHandler(sys.stdout))
old = sys.stderr
sys.stderr = io.StringIO()
lg.warning("bad %d", "x")
text, sys.stderr = sys.stderr.getvalue(), old
lines = text.splitlines()
print(lines[0], lines[1], [l.replace(os.path.abspath(__file__), "FILE") for l in lines[-5:]])

# getopt: short and long options, required/optional arguments, prefixes, '--' and '-',
# gnu_getopt's intermixing, '+' and '-' modes, POSIXLY_CORRECT, and every GetoptError message.
import getopt
import os

cases = [
    (["-a", "-b", "x", "rest"], "ab:", []),
    (["-abx", "rest"], "ab:", []),
    (["-ab", "x", "--", "-a"], "ab:", []),
    (["-", "-a"], "a", []),
    (["-c", "-cval"], "c::", []),
    (["--alpha", "--beta=1", "--beta", "2", "arg"], "", ["alpha", "beta="]),
    (["--al", "--be=x"], "", ["alpha", "beta="]),
    (["--opt", "--opt=v"], "", ["opt=?"]),
    (["--op"], "", ["opt=?"]),
    (["--opt"], "", ["opt", "option="]),
    (["--o"], "", ["opt", "option="]),
    (["--alpha"], "", "alpha"),
    (["-x"], "ab", []),
    (["-b"], "ab:", []),
    (["--gamma"], "", ["alpha"]),
    (["--alpha=1"], "", ["alpha"]),
    (["--beta"], "", ["beta="]),
    (["-:"], "a:", []),
    (["arg", "-a"], "a", []),
    ([], "a", []),
]
for args, so, lo in cases:
    for fn in (getopt.getopt, getopt.gnu_getopt):
        try:
            print(fn.__name__, args, so, lo, fn(list(args), so, lo))
        except getopt.GetoptError as e:
            print(fn.__name__, args, "GetoptError", str(e), repr(e.opt), e.msg, e.args)

mixed = ["a1", "-a", "a2", "--beta", "b", "a3", "--", "-a"]
print(getopt.gnu_getopt(mixed, "a", ["beta="]))
print(getopt.gnu_getopt(mixed, "+a", ["beta="]))
print(getopt.gnu_getopt(mixed, "-a", ["beta="]))
os.environ["POSIXLY_CORRECT"] = "1"
print(getopt.gnu_getopt(mixed, "a", ["beta="]))
del os.environ["POSIXLY_CORRECT"]
print(getopt.error is getopt.GetoptError, issubclass(getopt.GetoptError, Exception))
e = getopt.GetoptError("message")
print(str(e), repr(e.opt), e.args, repr(e))
print(getopt.__all__)

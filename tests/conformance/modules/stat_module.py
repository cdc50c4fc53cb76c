# stat: file-type tests and filemode on real files and on synthetic modes, mode range errors,
# and the constants.
import os
import stat

base = f"/tmp/rpy_stat_{os.getpid()}"
os.mkdir(base)
f = os.path.join(base, "f")
with open(f, "w") as fh:
    fh.write("x")
os.chmod(f, 0o754)
os.symlink(f, os.path.join(base, "l"))
for p in (base, f, os.path.join(base, "l")):
    st = os.lstat(p)
    print(p.replace(base, "BASE"), stat.S_ISDIR(st.st_mode), stat.S_ISREG(st.st_mode),
          stat.S_ISLNK(st.st_mode), stat.filemode(st.st_mode)[0], oct(stat.S_IMODE(st.st_mode)) if not stat.S_ISLNK(st.st_mode) else "")
os.remove(os.path.join(base, "l"))
os.remove(f)
os.rmdir(base)
for mode in (0o100755, 0o40700 | stat.S_ISVTX, 0o120777, 0o104755, 0o102745, 0, 0o41000,
             0o140777, 0o10644, 0o20644, 0o60644, 0o177777):
    print(oct(mode), stat.filemode(mode), stat.S_IFMT(mode), stat.S_IMODE(mode),
          [t for t in ("DIR", "CHR", "BLK", "REG", "FIFO", "LNK", "SOCK", "DOOR", "PORT", "WHT")
           if getattr(stat, "S_IS" + t)(mode)])
for bad in ("x", -1, 2**40, 1.5):
    for fn in (stat.S_ISDIR, stat.filemode, stat.S_IMODE):
        try:
            fn(bad)
        except (TypeError, OverflowError) as e:
            print(fn.__name__, repr(bad), type(e).__name__, e)
print(stat.S_IRWXU, stat.S_IFSOCK, stat.ST_MTIME, stat.UF_HIDDEN, stat.SF_SETTABLE, stat.FILE_ATTRIBUTE_VIRTUAL, stat.S_ENFMT, stat.S_IFDOOR)

import argparse, sys, io


def run(parser, argv, known=False):
    old = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = buf = io.StringIO()
    try:
        res = parser.parse_known_args(argv) if known else parser.parse_args(argv)
        text = repr(res)
    except SystemExit as e:
        text = f'exit {e.code}'
    except Exception as e:
        text = f'{type(e).__name__}: {e}'
    finally:
        sys.stdout, sys.stderr = old
    print(repr(argv), '->', text)
    if buf.getvalue():
        print(buf.getvalue(), end='')


p = argparse.ArgumentParser(prog='demo', description='Demo program.',
                            epilog='See the docs.')
p.add_argument('src', help='source file')
p.add_argument('dst', nargs='?', default='out.txt', help='destination (default: %(default)s)')
p.add_argument('-v', '--verbose', action='count', default=0, help='more output')
p.add_argument('-n', '--num', type=int, default=1, metavar='N', help='how many')
p.add_argument('--mode', choices=['fast', 'slow'], default='fast')
p.add_argument('--tag', action='append', help='tags to add')
p.add_argument('--color', action=argparse.BooleanOptionalAction, default=True)
p.add_argument('--pair', nargs=2, metavar=('K', 'V'))
p.add_argument('--items', action='extend', nargs='+', type=int)
p.add_argument('--const', action='store_const', const=7)
p.add_argument('-q', action='store_false', dest='loud')
p.add_argument('--version', action='version', version='%(prog)s 2.0')
print(p.format_help())
for argv in [['a'], ['a', 'b', '-vvv'], ['a', '-n', '5', '--mode', 'slow'],
             ['a', '--mode', 'medium'], ['a', '-n', 'x'], [], ['a', 'b', 'c'],
             ['a', '--tag', 't1', '--tag=t2'], ['a', '--no-color'], ['a', '--pair', 'k'],
             ['a', '--pair', 'k', 'v', '--items', '1', '2', '--items', '3'],
             ['a', '--const', '-q'], ['--version'], ['a', '--nu', '3'], ['a', '--c'],
             ['-n5', 'a'], ['-vn', '2', 'a'], ['-qv', 'a'], ['a', '--', '-x'],
             ['a', '-x'], ['a', '--verbose=2']]:
    run(p, argv)
run(p, ['a', 'b', 'c', '--zz'], known=True)

# Subcommands, mutually exclusive groups, argument groups.
p = argparse.ArgumentParser(prog='git')
g = p.add_mutually_exclusive_group()
g.add_argument('--quiet', action='store_true')
g.add_argument('--loud', action='store_true')
sub = p.add_subparsers(dest='command', required=True, title='commands',
                       description='valid commands', help='what to do')
c = sub.add_parser('commit', help='record changes', aliases=['ci'])
c.add_argument('-m', '--message', required=True)
c.add_argument('paths', nargs='*')
s = sub.add_parser('status', help='show status')
grp = s.add_argument_group('display', 'How to display.')
grp.add_argument('--short', action='store_true', help='short format')
print(p.format_help())
print(c.format_help())
print(s.format_help())
for argv in [['commit', '-m', 'msg', 'a', 'b'], ['ci', '-m', 'x'], ['commit'],
             ['status', '--short'], ['push'], [], ['--quiet', '--loud', 'status'],
             ['--quiet', 'status']]:
    run(p, argv)

p = argparse.ArgumentParser(prog='req')
r = p.add_mutually_exclusive_group(required=True)
r.add_argument('--a', action='store_true')
r.add_argument('--b', type=float)
run(p, [])
run(p, ['--b', '1.5'])
print(p.format_usage(), end='')

# Formatters, parents, defaults, intermixed, exit_on_error=False.
parent = argparse.ArgumentParser(add_help=False)
parent.add_argument('--shared', default='s', help='from the parent')
p = argparse.ArgumentParser(prog='child', parents=[parent],
                            formatter_class=argparse.ArgumentDefaultsHelpFormatter,
                            description='Line one.\n   Line two kept?')
p.add_argument('--level', type=int, default=3, help='level')
p.add_argument('files', nargs='*', help='input files')
p.set_defaults(extra='e')
print(p.format_help())
run(p, ['x', '--level', '4', 'y'])
print(p.parse_intermixed_args(['x', '--level', '4', 'y']))
print(p.get_default('level'), p.get_default('extra'))
raw = argparse.ArgumentParser(prog='raw', formatter_class=argparse.RawTextHelpFormatter,
                              description='keep\n  this\nlayout')
raw.add_argument('--opt', help='line1\nline2')
print(raw.format_help())
quiet = argparse.ArgumentParser(prog='q', exit_on_error=False)
quiet.add_argument('--n', type=int)
try:
    quiet.parse_args(['--n', 'x'])
except argparse.ArgumentError as e:
    print('ArgumentError:', e, '|', e.argument_name, '|', e.message)
ns = argparse.Namespace(a=1, b='x')
print(ns, 'a' in ns, ns == argparse.Namespace(a=1, b='x'), vars(ns))
print(argparse.Namespace(**{'with-dash': 1, 'ok': 2}))
a = p.add_argument('--thing', nargs='+', default=['d'])
print(repr(a))
for bad in [lambda: p.add_argument('--level'), lambda: p.add_argument('pos', required=True),
            lambda: p.add_argument('x', nargs=0), lambda: p.add_argument('--z', action='nope'),
            lambda: p.add_argument('--y', type='int'), lambda: p.add_argument('bad', dest='d'),
            lambda: p.add_argument('--w', help='%(bogus)s'),
            lambda: p.add_argument('--k', nargs=2, metavar=('A', 'B', 'C'))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
def pct(s):
    if not s.endswith('%'):
        raise argparse.ArgumentTypeError(f'{s!r} is not a percentage')
    return int(s[:-1])
p = argparse.ArgumentParser(prog='t')
p.add_argument('p', type=pct)
p.add_argument('rest', nargs=argparse.REMAINDER)
run(p, ['50%', '-x', 'y'])
run(p, ['50'])
p = argparse.ArgumentParser(prog='negs')
p.add_argument('-1', dest='one', action='store_true')
p.add_argument('val', nargs='?')
run(p, ['-1'])
run(p, ['-2'])
p = argparse.ArgumentParser(prog='abbrev', allow_abbrev=False)
p.add_argument('--long-name')
p.add_argument('--long-other')
run(p, ['--long', 'x'])
p = argparse.ArgumentParser(prog='ambig')
p.add_argument('--long-name')
p.add_argument('--long-other')
run(p, ['--long', 'x'])
run(p, ['--long-n', 'x'])

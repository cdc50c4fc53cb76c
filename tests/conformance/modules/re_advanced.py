import re
# Lookaround, atomic groups, possessive quantifiers, conditionals, backreferences.
tests = [
    (r'(?<=\$)\d+(?:\.\d\d)?', 'cost: $42.50 or $7'),
    (r'\b(\w+)\s+\1\b', 'this is is a test test'),
    (r'(?i)(?P<word>hello)\W+(?P=word)', 'Hello, HELLO!'),
    (r'(<)?(\w+@\w+(?:\.\w+)+)(?(1)>|$)', '<user@host.com>'),
    (r'(?>a+)b|a+c', 'aaac'),
    (r'x*+x', 'xxx'),
    (r'(?!un)\b\w+able\b', 'unable capable'),
    (r'(?<!\d)\d{3}(?!\d)', '1234 567 89'),
    (r'^\s*#.*$', 'code\n  # comment\nmore', re.M),
    (r'a.c', 'a\nc', re.S),
    (r'''(?x) \d+  # digits
          \s* [a-z]+ # word''', '12   abc'),
    (r'[^\W\d_]+', '__abc123def'),
    (r'(a|ab)(c|bcd)(d*)', 'abcd'),
    (r'(a*)+b', 'aaab'),
    (r'(?:(a)|b)*', 'ab'),
    (r'[\u00e0-\u00ff]+', 'caf\u00e9 na\u00efve'),
    (r'\w+', 'na\u00efve \u0436\u0443\u043a'),
    (r'(?a)\w+', 'na\u00efve'),
    (r'\d+', '\u0661\u0662 12'),
    (r'(?i)stra\u00dfe', 'STRASSE Stra\u00dfe'),
    (r'a{2,}?', 'aaaa'),
    (r'a{,2}', 'aaaa'),
    (r'x{2}y{0}z', 'xxz'),
    (r'\Aab\Z', 'ab'),
    (r'ab$', 'ab\n'),
    (r'ab\Z', 'ab\n'),
    (r'[]a-]+', 'a-]b'),
    (r'[\]\\]+', 'x]\\y'),
    (r'\x41\101\u0042\t', 'AAB\t'),
]
for t in tests:
    pat, text = t[0], t[1]
    flags = t[2] if len(t) > 2 else 0
    m = re.search(pat, text, flags)
    print(repr(pat), '->', None if m is None else (m.span(), m.group(), m.groups(), m.lastindex))
print(re.findall(r'(?<=-)\w+', 'a-b-cd-'), re.findall(r'', 'ab'), re.findall(r'\b', 'ab cd'))
print(re.sub(r'(?P<y>\d{4})-(?P<m>\d\d)', r'\g<m>/\g<y>', '2024-05 and 1999-12'))
print(re.sub(r'\s+', ' ', '  a \t b\n\nc  '), re.sub('', '-', 'abc'), re.subn(r'a', 'b', 'aaa', count=2))
print(re.split(r'\b', 'hi there'), re.split(r'(\d)|x', 'a1bxc'), re.split(r'', 'abc'))
m = re.match(r'(?P<a>\w)(?P<b>\w)?(\w)?', 'x')
print(m.groupdict(), m.groupdict('-'), m.groups(0), m.lastgroup, m.lastindex, m.regs, m.start('b'), m.end(1), m.span(3))
print(m.expand(r'[\1|\g<a>|\g<b>]'), m[0], m['a'], m.re.pattern, m.pos, m.endpos, m.string)
p = re.compile(r'(\d+)', re.I | re.M)
print(p.groups, dict(p.groupindex), p.flags == re.I | re.M | re.U, p.search('ab12cd345', 5), p.match('12ab', 2), p.fullmatch('123'), p.findall('1 22 333', 2, 6))
print([m.span() for m in p.finditer('a1b22c333', 1, 7)], p.sub(lambda m: str(int(m.group()) * 2), 'a5b10'))
print(p == re.compile(r'(\d+)', re.I | re.M), repr(re.compile('a', re.X | re.S)), re.compile(b'x', re.I))
for bad in [r'(?P<a>x)(?P<a>y)', r'[a-', r'a{3,2}', r'(?<=a*)', r'\k', r'(?P=nope)', r'a)', r'x**', r'(?z)', '(?i', r'\8']:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), type(e).__name__, e.msg, e.pos)
for bad in [lambda: re.sub('(a)', r'\2', 'a'), lambda: re.sub('a', r'\q', 'a'), lambda: re.match('a', b'a'),
            lambda: re.match(b'a', 'a'), lambda: re.compile('a').match(5), lambda: re.match('x', 'x').group(2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(re.escape('1.5*[x]+ y-z'), re.escape(b'a.b'), re.fullmatch(re.escape('a.b*'), 'a.b*') is not None)
print(re.match(rb'(\d+)-(\d+)', b'10-20').groups(), re.sub(rb'\d', b'#', b'a1b2'))

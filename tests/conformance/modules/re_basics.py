import re
print(re.I, re.I | re.M, repr(re.compile('a+', re.I)))
m = re.search(r'(?P<user>\w+)@(\w+)\.com', 'mail bob@example.com now')
print(m, m.group(0), m.group('user'), m.groups(), m.span(2), m.groupdict(), m.lastindex, m.lastgroup)
print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)(\d)', 'a1b2'))
print(re.sub(r'x*', '-', 'abxd'), re.subn(r'(\w+)@', r'<\1>', 'a@ b@'))
print(re.split(r'(,)\s*', 'a, b,c'), re.split(r'\s+', ' a b ', 1))
print([m.span() for m in re.finditer(r'\b\w', 'hi there you')])
print(re.fullmatch(r'\d+', '123'), re.fullmatch(r'\d+', '123a'))
print(re.escape('a.b*c'), re.match('(?i)ÉTÉ', 'été'))
try:
    re.compile('(')
except re.error as e:
    print(type(e).__name__, e, e.pos)
print(re.sub(r'(?P<a>\d)', lambda m: str(int(m['a'])*2), 'x1y2'))
print(re.compile(rb'a(b)').match(b'abc').group(1))
print(re.sub('a', r'\g<0>\n', 'ba'))

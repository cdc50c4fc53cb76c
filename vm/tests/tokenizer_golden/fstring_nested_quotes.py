songs = ["a", "b"]
print(f"{", ".join(songs)}")
print(f"{f"{f"{f"{f"{1+1}"}"}"}"}")
print(f'{'nested'}' f"{"x" + 'y'}" f'''{"""z"""}''')
print(f"{'\n'.join(songs)}")
print(f"{"\\"}")
x = f"{songs[0]!r}" f'{songs[-1]!s:^10}'

# itertools: product, permutations, combinations, combinations_with_replacement.
import itertools as it
print(list(it.product("ab", [1, 2])), list(it.product(range(2), repeat=3)), list(it.product()))
print(list(it.permutations("abc")), list(it.permutations(range(4), 2)), list(it.permutations([], 0)))
print(list(it.combinations("abcd", 2)), list(it.combinations(range(5), 4)), list(it.combinations("ab", 3)))
print(list(it.combinations_with_replacement("abc", 2)), len(list(it.combinations_with_replacement(range(5), 3))))
print(sum(1 for _ in it.permutations(range(7))), sum(1 for _ in it.combinations(range(20), 3)))

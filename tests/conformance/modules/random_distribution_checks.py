# Seeded random: distribution summaries that depend on exact sequences (counts, sums, orderings).
import random
r = random.Random(31337)
rolls = [r.randint(1, 6) for _ in range(600)]
print({face: rolls.count(face) for face in range(1, 7)}, sum(rolls))
r.seed(8)
print(r.sample(range(1, 50), 6), sorted(r.sample(range(1, 50), 6)))
deck = [f"{rank}{suit}" for suit in "SHDC" for rank in "A23456789TJQK"]
r.shuffle(deck)
print(deck[:13])
weights = {"common": 70, "rare": 25, "epic": 5}
draws = r.choices(list(weights), weights=list(weights.values()), k=200)
print({k: draws.count(k) for k in weights})
walk = [0]
for _ in range(50):
    walk.append(walk[-1] + r.choice((-1, 1)))
print(walk[-1], max(walk), min(walk))
print(round(sum(r.random() for _ in range(1000)), 9), r.getrandbits(16), r.randrange(-100, 100, 7))

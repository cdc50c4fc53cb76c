# A discrete-event simulation of a bank queue with seeded random arrivals and service times.
import heapq
import random
random.seed(2718)
TELLERS = 2
events = []
t = 0.0
for cid in range(25):
    t += random.expovariate(1 / 2.0)
    heapq.heappush(events, (round(t, 6), 0, "arrive", cid))
free_tellers = TELLERS
queue = []
waits = {}
arrived_at = {}
log = []
seq = 1
while events:
    now, _, kind, cid = heapq.heappop(events)
    if kind == "arrive":
        arrived_at[cid] = now
        if free_tellers:
            free_tellers -= 1
            service = random.uniform(1.0, 5.0)
            waits[cid] = 0.0
            heapq.heappush(events, (round(now + service, 6), seq, "leave", cid))
            seq += 1
        else:
            queue.append(cid)
    else:
        log.append(f"{now:8.3f} customer {cid:2d} leaves")
        if queue:
            nxt = queue.pop(0)
            waits[nxt] = now - arrived_at[nxt]
            service = random.uniform(1.0, 5.0)
            heapq.heappush(events, (round(now + service, 6), seq, "leave", nxt))
            seq += 1
        else:
            free_tellers += 1
print("\n".join(log[:10]))
print("...")
print(log[-1])
print("customers", len(waits), "max wait", round(max(waits.values()), 3), "mean wait", round(sum(waits.values()) / len(waits), 3))
print("waited:", sorted(c for c, w in waits.items() if w > 0))

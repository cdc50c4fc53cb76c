# A round-robin + priority process scheduler simulation with enums and deques; deterministic timeline.
from collections import deque
from enum import IntEnum
class Prio(IntEnum):
    HIGH = 0
    NORMAL = 1
    LOW = 2
class Proc:
    def __init__(self, pid, prio, burst, arrive):
        self.pid, self.prio, self.remaining, self.arrive = pid, prio, burst, arrive
        self.finish = None
procs = [Proc(1, Prio.NORMAL, 5, 0), Proc(2, Prio.HIGH, 3, 1), Proc(3, Prio.LOW, 4, 2), Proc(4, Prio.HIGH, 2, 3),
         Proc(5, Prio.NORMAL, 6, 4), Proc(6, Prio.LOW, 1, 10)]
queues = {p: deque() for p in Prio}
QUANTUM = 2
time = 0
pending = sorted(procs, key=lambda p: p.arrive)
timeline = []
while pending or any(queues.values()):
    while pending and pending[0].arrive <= time:
        p = pending.pop(0)
        queues[p.prio].append(p)
    ready = next((q for prio, q in sorted(queues.items()) if q), None)
    if ready is None:
        time = pending[0].arrive
        continue
    p = ready.popleft()
    run = min(QUANTUM, p.remaining)
    timeline.append(f"t={time:>2}-{time + run:>2} P{p.pid}({p.prio.name})")
    time += run
    p.remaining -= run
    while pending and pending[0].arrive <= time:
        q = pending.pop(0)
        queues[q.prio].append(q)
    if p.remaining:
        queues[p.prio].append(p)
    else:
        p.finish = time
print("\n".join(timeline))
for p in sorted(procs, key=lambda p: p.pid):
    print(f"P{p.pid} {p.prio.name:<6} arrive={p.arrive:>2} finish={p.finish:>2} turnaround={p.finish - p.arrive:>2}")
print("average turnaround", round(sum(p.finish - p.arrive for p in procs) / len(procs), 3))

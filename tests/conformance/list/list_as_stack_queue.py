# Lists as stacks and queues, plus bracket matching and a queue simulation.
def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for i, ch in enumerate(s):
        if ch in "([{":
            stack.append((ch, i))
        elif ch in pairs:
            if not stack or stack[-1][0] != pairs[ch]:
                return f"mismatch at {i}"
            stack.pop()
    return "balanced" if not stack else f"unclosed at {stack[-1][1]}"
for s in ["([]{})", "([)]", "((()", "{[()()]}", "", "}"]:
    print(repr(s), balanced(s))
queue = list(range(1, 8))
rounds = 0
while len(queue) > 1:
    queue.append(queue.pop(0))
    queue.pop(0)
    rounds += 1
print("josephus survivor", queue, rounds)
undo = []
doc = []
for cmd in ["type a", "type b", "undo", "type c", "type d", "undo", "undo", "type e"]:
    if cmd == "undo":
        if undo:
            doc.pop()
            undo.pop()
    else:
        doc.append(cmd.split()[1])
        undo.append(cmd)
    print(f"{cmd:<7} -> {''.join(doc)}")

# Huffman codes: build the tree with heapq, encode, decode, and report compression.
import heapq
from collections import Counter
text = "this is an example of a huffman tree built from a short english sentence"
freq = Counter(text)
heap = [(count, i, ch) for i, (ch, count) in enumerate(sorted(freq.items()))]
heapq.heapify(heap)
counter = len(heap)
while len(heap) > 1:
    c1, _, left = heapq.heappop(heap)
    c2, _, right = heapq.heappop(heap)
    heapq.heappush(heap, (c1 + c2, counter, (left, right)))
    counter += 1
tree = heap[0][2]
codes = {}
def assign(node, prefix):
    if isinstance(node, str):
        codes[node] = prefix or "0"
        return
    assign(node[0], prefix + "0")
    assign(node[1], prefix + "1")
assign(tree, "")
for ch in sorted(codes, key=lambda c: (len(codes[c]), c)):
    print(repr(ch), freq[ch], codes[ch])
encoded = "".join(codes[c] for c in text)
print(len(encoded), len(text) * 8, round(len(encoded) / (len(text) * 8), 4))
decoded, node = [], tree
for bit in encoded:
    node = node[int(bit)]
    if isinstance(node, str):
        decoded.append(node)
        node = tree
print("".join(decoded) == text, encoded[:64])
packed = int(encoded, 2).to_bytes((len(encoded) + 7) // 8, "big")
print(packed.hex()[:40], len(packed))

text = "the cat sat on the mat the end"
index = {}
for pos, word in enumerate(text.split()):
    index.setdefault(word, []).append(pos)
print(index)
inverted = {}
for w, positions in index.items():
    inverted.setdefault(len(positions), []).append(w)
print(dict(sorted(inverted.items())))
print(max(index, key=lambda w: len(index[w])), sorted(index, key=lambda w: (-len(index[w]), w))[:3])

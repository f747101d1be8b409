text = """
Python is a programming language that lets you work quickly and integrate systems
more effectively. Python is powerful, and fast; plays well with others; runs
everywhere; is friendly and easy to learn; is open. These are some of the reasons
people who use Python would rather not use anything else.
"""
import re
words = re.findall(r"[a-z']+", text.lower())
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
width = max(len(w) for w, _ in top)
for w, c in top:
    print(f"{w:<{width}} {c:2d} {'*' * c}")
print(len(words), len(freq), sum(1 for c in freq.values() if c == 1))
from collections import Counter
print(Counter(words).most_common(3) == [(w, c) for w, c in top[:3]])
letters = Counter(c for c in text.lower() if c.isalpha())
print("".join(sorted(letters, key=lambda c: (-letters[c], c))[:10]))

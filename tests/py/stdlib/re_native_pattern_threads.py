# One compiled Pattern shared by threads that match at once (the native
# re.Pattern is immutable; each match has its own state), and one scanner
# shared by threads (each match is handed out exactly once).
import re
import threading

N_THREADS = 4
ROUNDS = 200

word = re.compile(r'(?P<name>[a-z]+)(?P<num>\d+)?')
texts = ['alpha1 beta gamma22 delta333', 'x y9 z', 'one two3 three', 'abc' * 20 + '7']


def work_once(text):
    out = []
    out.append([m.group() for m in word.finditer(text)])
    out.append(word.findall(text))
    out.append(word.sub(lambda m: m['name'].upper() + (m['num'] or '-'), text))
    out.append(word.sub(r'<\g<num>\1>', text))
    out.append(word.split(text))
    m = word.search(text, 2)
    out.append((m.span(), m.groups('?'), m.groupdict(), m.lastgroup, m.regs))
    out.append(word.fullmatch(text) is None)
    return out


expected = [work_once(t) for t in texts]
results = [None] * N_THREADS
start = threading.Barrier(N_THREADS)


def worker(index):
    start.wait()
    ok = True
    for r in range(ROUNDS):
        for t, want in zip(texts, expected):
            if work_once(t) != want:
                ok = False
    results[index] = ok


threads = [threading.Thread(target=worker, args=(i,)) for i in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('shared pattern:', results)

# A shared scanner: every match is returned once, whichever thread gets it.
subject = ' '.join('w%d' % i for i in range(2000))
scanner = re.compile(r'w(\d+)').scanner(subject)
got = [[] for _ in range(N_THREADS)]
start2 = threading.Barrier(N_THREADS)


def take(index):
    start2.wait()
    mine = got[index]
    search = scanner.search
    while True:
        m = search()
        if m is None:
            break
        mine.append(int(m.group(1)))


threads = [threading.Thread(target=take, args=(i,)) for i in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
every = sorted(x for g in got for x in g)
print('shared scanner:', len(every), every == list(range(2000)),
      all(g == sorted(g) for g in got))

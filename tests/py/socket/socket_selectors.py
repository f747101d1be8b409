# selectors.DefaultSelector over a socketpair, and socketserver-free
# readiness checks with select.select.
import select
import selectors
import socket

a, b = socket.socketpair()
a.setblocking(False)
b.setblocking(False)
sel = selectors.DefaultSelector()
sel.register(a, selectors.EVENT_READ, data='a')
sel.register(b, selectors.EVENT_READ | selectors.EVENT_WRITE, data='b')
events = sel.select(timeout=0)
print(sorted((key.data, mask) for key, mask in events))
b.send(b'ping')
events = sel.select(timeout=1)
print(sorted((key.data, mask) for key, mask in events))
for key, mask in events:
    if key.data == 'a' and mask & selectors.EVENT_READ:
        print(key.fileobj.recv(10))
sel.modify(b, selectors.EVENT_READ, data='b2')
print(sel.select(timeout=0))
print(sel.get_key(b).data, len(sel.get_map()))
sel.unregister(a)
a.close()
events = sel.select(timeout=1)
print([(key.data, mask) for key, mask in events])
print(b.recv(10))
sel.close()
b.close()

x, y = socket.socketpair()
print(select.select([x], [], [], 0))
y.send(b'!')
r, w, _ = select.select([x, y], [x, y], [], 1)
print(r == [x], w == [x, y])
x.close()
y.close()

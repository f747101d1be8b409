// The `_socket` module: the native socket type and functions that the host's
// pure-Python socket.py (and through it selectors, asyncio, http.client,
// socketserver) builds on. Linux only: AF_INET, AF_INET6 and AF_UNIX
// addresses; no sendmsg/recvmsg, no CMSG_* helpers.
//
// Thread safety of `_socket.socket`: the file descriptor is a std::atomic<int>
// (-1 once closed or detached), so close() in one thread while another waits
// in recv() is a data-race-free exchange; the waiting call keeps the number it
// loaded, and fails with EBADF (or, if the number was reused meanwhile, talks
// to the new file, the same hazard as CPython's free-threaded build). The
// timeout is a std::atomic<double> (-1 = blocking); family, type and proto
// are atomics written by __init__ and only read afterwards. No lock is held
// while a call blocks: every wait (poll, accept, connect, recv, send,
// getaddrinfo) runs detached from the runtime (DetachedScope), so other
// threads and stop-the-world pauses never wait on the network.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> socket_module_create();

// Waits, detached, until `fd` is ready for poll(2) `events` or `deadline`
// (monotonic seconds; < 0 = forever) passes, retrying on EINTR: 1 ready,
// 0 timed out, -1 with OSError set. _ssl waits on its sockets with it too.
int socket_wait_fd(int fd, short events, double deadline);

}  // namespace ftpy

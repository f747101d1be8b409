# signal: set_wakeup_fd (asyncio's add_signal_handler needs it), siginterrupt,
# pause, pthread_sigmask/sigpending/sigwait/pthread_kill, Sigmasks, SIGRTMIN/
# SIGRTMAX/SIGCLD (all missing before).
import signal, os, threading
print(signal.SIG_BLOCK, repr(signal.SIG_BLOCK), signal.Sigmasks, signal.SIGRTMIN, repr(signal.SIGRTMAX), repr(signal.SIGCLD))
for a in [(0,), (-5,), (1.5,), ('x',)]:
  try: print(signal.set_wakeup_fd(*a))
  except Exception as e: print(type(e).__name__, e)
r, w = os.pipe()
try: signal.set_wakeup_fd(w)
except Exception as e: print(type(e).__name__, e)
os.set_blocking(w, False)
print(signal.set_wakeup_fd(w) , signal.set_wakeup_fd(-1) == w)
print(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1]))
print(signal.pthread_sigmask(signal.SIG_BLOCK, []))
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.sigpending())
print(signal.sigwait([signal.SIGUSR1]))
print(signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGUSR1}))
for a in [(99, []), (signal.SIG_BLOCK, [0]), (signal.SIG_BLOCK, [100]), (signal.SIG_BLOCK, 5)]:
  try: print(signal.pthread_sigmask(*a))
  except Exception as e: print(type(e).__name__, e)
try: signal.siginterrupt(0, True)
except Exception as e: print(type(e).__name__, e)
print(signal.siginterrupt(signal.SIGUSR1, False))
errs = []
t = threading.Thread(target=lambda: errs.append(signal.set_wakeup_fd(-1)) if False else None)
def other():
    try: signal.set_wakeup_fd(-1)
    except ValueError as e: errs.append(str(e))
t = threading.Thread(target=other); t.start(); t.join(); print(errs)
print(signal.pthread_kill(threading.get_ident(), 0))
for f in ['set_wakeup_fd','siginterrupt','pause','pthread_kill','pthread_sigmask','sigpending','sigwait']: print(getattr(signal,f).__doc__.splitlines()[0])
# wakeup fd receives signal numbers
got = []
signal.signal(signal.SIGUSR2, lambda s, f: got.append(s))
os.set_blocking(r, False)
signal.set_wakeup_fd(w)
os.kill(os.getpid(), signal.SIGUSR2)
signal.raise_signal(signal.SIGUSR1) if False else None
print(got, os.read(r, 10))
signal.set_wakeup_fd(-1)
# pause(): a timer's signal ends it after the handler ran
signal.signal(signal.SIGALRM, lambda s, f: got.append("alarm"))
signal.setitimer(signal.ITIMER_REAL, 0.05)
signal.pause()
print(got)
# pause() ended by a signal sent from another thread
threading.Timer(0.05, os.kill, (os.getpid(), signal.SIGUSR2)).start()
signal.pause()
print(got)

import asyncio
async def main():
    loop = asyncio.get_running_loop()
    ev = asyncio.Event()
    hits = []
    def on_sig(name):
        hits.append(name)
        ev.set()
    loop.add_signal_handler(signal.SIGUSR1, on_sig, "usr1")
    loop.call_later(0.05, os.kill, os.getpid(), signal.SIGUSR1)
    await asyncio.wait_for(ev.wait(), 30)
    print('got signal via asyncio', hits)
    print(loop.remove_signal_handler(signal.SIGUSR1), loop.remove_signal_handler(signal.SIGUSR1))
    try:
        loop.add_signal_handler(signal.SIGKILL, on_sig)
    except RuntimeError as e:
        print("RuntimeError", e)
asyncio.run(main())
print(signal.getsignal(signal.SIGUSR1))

# curses with an unknown TERM: initscr and setupterm raise curses.error; the
# terminfo and screen calls say what must be called first.
import os, sys
os.environ['TERM'] = 'no-such-terminal-x'
import curses
try:
    curses.initscr()
except Exception as e:
    print(type(e).__name__, e)
try:
    curses.setupterm('no-such-terminal-y', 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    curses.tigetstr('bold')
except Exception as e:
    print(type(e).__name__, e)
try:
    curses.has_key(curses.KEY_UP)
except curses.error as e:
    print("error", e)

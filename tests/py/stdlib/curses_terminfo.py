# _curses without a screen: constants, errors before initscr, terminfo through
# setupterm (TERM=xterm) with tigetstr/tigetnum/tigetflag/tparm.
import os, sys
os.environ['TERM'] = 'xterm'
import curses, _curses, _curses_panel
print(curses.version, curses.ncurses_version[:1], type(curses.error).__name__, curses.error.__module__)
print(curses.KEY_UP, curses.KEY_F1, curses.KEY_F12, curses.KEY_RESIZE, curses.KEY_MIN, curses.KEY_MAX, curses.KEY_ENTER, curses.KEY_BACKSPACE)
print(len([k for k in dir(_curses) if k.startswith('KEY_')]))
print(curses.A_BOLD, curses.A_REVERSE, curses.A_COLOR, curses.A_ITALIC, curses.COLOR_RED, curses.BUTTON1_CLICKED, curses.ALL_MOUSE_EVENTS)
for f in [lambda: curses.tigetstr('bold'), lambda: curses.newwin(1, 1), lambda: curses.endwin(), lambda: curses.color_pair(1), lambda: curses.keyname(-1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
r, w = os.pipe()
curses.setupterm('xterm', r)
print(curses.tigetstr('bold'), curses.tigetstr('cup'), curses.tigetstr('nonexistent'))
print(curses.tigetnum('colors'), curses.tigetnum('cols'), curses.tigetnum('bold'), curses.tigetnum('xyz'))
print(curses.tigetflag('am'), curses.tigetflag('xyz'), curses.tigetflag('cols'))
print(curses.tparm(curses.tigetstr('cup'), 5, 10), curses.tparm(curses.tigetstr('setaf'), 1))
for f in [lambda: curses.tparm('x'), lambda: curses.tigetstr(b'bold'), lambda: curses.setupterm('nonexistent-term-x', r)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(sorted(k for k in dir(_curses) if not k.startswith(('KEY_', '_'))) == sorted(k for k in dir(_curses) if not k.startswith(('KEY_', '_'))))
print(_curses_panel.version, [m for m in dir(_curses_panel.panel) if not m.startswith('__')])
print(_curses.window.__name__, _curses.window.__module__)

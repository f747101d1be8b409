# The readline module without a terminal: history list and files, completer
# and delimiters, errors; rlcompleter.Completer on a namespace.
import readline as r
print(repr(r.get_completer_delims()), r.get_history_length(), r.get_completer(), r.get_completion_type(), r.get_begidx(), r.get_endidx())
print(sorted(x for x in dir(r) if not x.startswith('__') and x != 'backend'))
for f in [lambda: r.remove_history_item(-1), lambda: r.remove_history_item(5), lambda: r.replace_history_item(3,'x'), lambda: r.set_completer(3), lambda: r.set_startup_hook(3), lambda: r.get_history_item('a'), lambda: r.add_history(3), lambda: r.read_history_file('/nonexist/x'), lambda: r.set_completer_delims(3), lambda: r.set_history_length('x'), lambda: r.append_history_file(1,'/nonexist/x'), lambda: r.remove_history_item(2**40), lambda: r.parse_and_bind(b'x')]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
print(r.get_history_item(0), r.get_history_item(1), r.get_current_history_length(), repr(r.get_line_buffer()))
r.add_history('a'); r.add_history('b'); print(r.get_history_item(0), r.get_history_item(1), r.get_history_item(2), r.get_history_item(3), r.get_history_item(-1))
r.replace_history_item(0, 'A'); r.remove_history_item(1); print(r.get_current_history_length(), r.get_history_item(1))
import os, tempfile
d = tempfile.mkdtemp(); fn = os.path.join(d, 'h')
r.add_history('é x'); r.write_history_file(fn); r.clear_history(); print(r.get_current_history_length())
r.read_history_file(fn); print([r.get_history_item(i) for i in range(1, r.get_current_history_length()+1)])
r.set_history_length(1); r.write_history_file(fn); print(open(fn).read().splitlines())
r.append_history_file(2, fn); print(open(fn).read().splitlines())
r.set_history_length(-1)
import rlcompleter
c = rlcompleter.Completer({'alpha': 1, 'alphabet': [], 'beta': 2})
print([c.complete('al', i) for i in range(3)], c.complete('alphabet.app', 0), c.complete('pri', 0))
print(r.get_completer().__self__.__class__.__name__)
f = lambda t, s: None
r.set_completer(f); print(r.get_completer() is f); r.set_completer(); print(r.get_completer())
r.set_completer_delims(' ='); print(repr(r.get_completer_delims()))
print(type(r._READLINE_VERSION), type(r._READLINE_LIBRARY_VERSION))
import shutil
shutil.rmtree(d)

# After `import readline`, input() from a pipe still reads sys.stdin (GNU
# readline only serves a terminal): the prompt goes to sys.stdout, EOF
# raises EOFError, and nothing is added to the history.
import readline
print(repr(input('first> ')))
print(repr(input()))
try:
    input('last> ')
except EOFError as e:
    print('EOFError', e)
print(readline.get_current_history_length())

"""Extract, format and print information about Python stack traces (ftpy).

The text matches CPython's: 'Traceback (most recent call last):', one
'  File "...", line N, in name' entry per frame with its source line (from
linecache), '^' markers under the failing expression when the code object
provides co_positions() and they do not span the whole line, chained
exceptions, exception groups and __notes__.  The '~' anchors CPython draws
under binary operators and subscripts (found by re-parsing the line with
`ast`) are not drawn."""

import sys
import linecache
from itertools import islice as _islice

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb', 'print_list']


# ------------------------------------------------------ simple interfaces

def print_list(extracted_list, file=None):
    """Print the list of tuples as returned by extract_tb() or
    extract_stack() as a formatted stack trace to the given file."""
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end='')


def format_list(extracted_list):
    """The text of each entry of a list of FrameSummary objects (or
    (filename, lineno, name, line) tuples), as from extract_tb()."""
    return StackSummary.from_list(extracted_list).format()


def print_tb(tb, limit=None, file=None):
    """Print the entries of traceback tb (at most limit) to file."""
    print_list(extract_tb(tb, limit=limit), file=file)


def format_tb(tb, limit=None):
    """format_list(extract_tb(tb, limit))"""
    return extract_tb(tb, limit=limit).format()


def extract_tb(tb, limit=None):
    """The frames of traceback tb (at most limit) as a StackSummary."""
    return StackSummary._extract_from_extended_frame_gen(
        _tb_frames_with_positions(tb), limit=limit)


_cause_message = ('\nThe above exception was the direct cause '
                  'of the following exception:\n\n')

_context_message = ('\nDuring handling of the above exception, '
                    'another exception occurred:\n\n')

_sentinel = object()


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError('Both or neither of value and tb must be given')
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError('Exception expected for value, %s found'
                            % type(exc).__name__)
        return None, None
    return value, tb


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True):
    """Print exception up to 'limit' stack trace entries from 'tb' to
    'file' (default sys.stderr), with chained exceptions if chain."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    if file is None:
        file = sys.stderr
    for line in te.format(chain=chain):
        print(line, file=file, end='')


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True):
    """Format a stack trace and the exception information: a list of
    strings, each ending in a newline."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def format_exception_only(exc, /, value=_sentinel, *, show_group=False):
    """Format the exception part of a traceback: normally one line
    'Type: message\\n' (SyntaxError gets its location lines too)."""
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only(show_group=show_group))


def _format_final_exc_line(etype, value):
    valuestr = _safe_string(value, 'exception')
    if value is None or not valuestr:
        return '%s\n' % etype
    return '%s: %s\n' % (etype, valuestr)


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except:
        return '<%s %s() failed>' % (what, func.__name__)


def print_exc(limit=None, file=None, chain=True):
    """print_exception() of the exception being handled."""
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """Like print_exc() but return a string."""
    return ''.join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    """print_exception() of sys.last_exc (the last uncaught exception)."""
    if hasattr(sys, 'last_exc'):
        print_exception(sys.last_exc, limit=limit, file=file, chain=chain)
    elif hasattr(sys, 'last_type'):
        print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                        limit, file, chain)
    else:
        raise ValueError('no last exception')


def print_stack(f=None, limit=None, file=None):
    """Print a stack trace from its invocation point."""
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def format_stack(f=None, limit=None):
    """format_list(extract_stack(f, limit))"""
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def extract_stack(f=None, limit=None):
    """Extract the raw traceback from the current stack frame: a
    StackSummary, oldest frame first."""
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def clear_frames(tb):
    """Clear the local variables of every frame in traceback tb."""
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except RuntimeError:
            pass   # the frame is still executing
        tb = tb.tb_next


# --------------------------------------------------------- FrameSummary

class FrameSummary:
    """One frame of a stack: filename, lineno, name and source line
    (looked up lazily), plus end_lineno/colno/end_colno and locals."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None, end_lineno=None, colno=None,
                 end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = lineno if end_lineno is None else end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: _safe_string(v, 'local', func=repr)
                       for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return '<FrameSummary file {filename}, line {lineno} in {name}>'.format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        # The line with its indentation, for column arithmetic.
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


def walk_stack(f):
    """Yield (frame, lineno) from frame f (default: the caller's)
    outwards through f_back."""
    if f is None:
        f = sys._getframe().f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    """Yield (frame, lineno) for each level of traceback tb."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _get_code_position(code, instruction_index):
    if instruction_index < 0:
        return (None, None, None, None)
    try:
        positions_gen = code.co_positions()
    except AttributeError:
        return (None, None, None, None)
    return next(_islice(positions_gen, instruction_index // 2, None),
                (None, None, None, None))


def _tb_frames_with_positions(tb):
    while tb is not None:
        positions = _get_code_position(tb.tb_frame.f_code, getattr(tb, 'tb_lasti', -1))
        if positions[0] is None:
            yield tb.tb_frame, (tb.tb_lineno,) + positions[1:]
        else:
            yield tb.tb_frame, positions
        tb = tb.tb_next


_REPEAT_SHOWN = 3   # identical consecutive frames printed before summarising


class StackSummary(list):
    """A list of FrameSummary objects, representing a stack of frames."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        """A StackSummary of the frames yielded by frame_gen ((frame,
        lineno) pairs), with source lines and, if asked, locals."""
        def extended_frame_gen():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)
        return klass._extract_from_extended_frame_gen(
            extended_frame_gen(), limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None,
                                         lookup_lines=True, capture_locals=False):
        if limit is None:
            limit = getattr(sys, 'tracebacklimit', None)
            if limit is not None and limit < 0:
                limit = 0
        if limit is not None:
            if limit >= 0:
                frame_gen = _islice(frame_gen, limit)
            else:
                frame_gen = list(frame_gen)[limit:]

        result = klass()
        fnames = set()
        for f, (lineno, end_lineno, colno, end_colno) in frame_gen:
            co = f.f_code
            filename = co.co_filename
            name = co.co_name
            fnames.add(filename)
            linecache.lazycache(filename, f.f_globals)
            f_locals = f.f_locals if capture_locals else None
            result.append(FrameSummary(
                filename, lineno, name, lookup_line=False, locals=f_locals,
                end_lineno=end_lineno, colno=colno, end_colno=end_colno))
        for filename in fnames:
            linecache.checkcache(filename)
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
        """A StackSummary of FrameSummary objects or (filename, lineno,
        name, line) tuples."""
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        """Format the lines for a single FrameSummary: the File line, the
        source line and, where useful, the '^' markers."""
        row = []
        row.append('  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name))
        if frame_summary.line:
            stripped_line = frame_summary.line.strip()
            row.append('    {}\n'.format(stripped_line))

            orig_line = frame_summary._original_line
            if (frame_summary.colno is not None
                    and frame_summary.end_colno is not None and orig_line):
                orig_line = orig_line.rstrip('\n')
                stripped_characters = len(orig_line) - len(orig_line.lstrip())
                start_offset = _byte_offset_to_character_offset(
                    orig_line, frame_summary.colno)
                end_offset = _byte_offset_to_character_offset(
                    orig_line, frame_summary.end_colno)
                anchors = None
                if frame_summary.lineno == frame_summary.end_lineno:
                    try:
                        anchors = _caret_anchors(orig_line[start_offset:end_offset])
                    except Exception:
                        anchors = None
                else:
                    end_offset = stripped_characters + len(stripped_line)
                # Show markers only if they do not span the whole line, or
                # if they single out an operator or a subscript.
                if (end_offset - start_offset < len(stripped_line)
                        or (anchors and anchors[1] - anchors[0] > 0)):
                    row.append('    ')
                    row.append(' ' * (start_offset - stripped_characters))
                    if anchors:
                        left, right = anchors
                        row.append('~' * left)
                        row.append('^' * (right - left))
                        row.append('~' * (end_offset - start_offset - right))
                    else:
                        row.append('^' * max(1, end_offset - start_offset))
                    row.append('\n')
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))
        return ''.join(row)

    def format(self):
        """One string per frame, ready to print.  A frame repeated more
        than _REPEAT_SHOWN times in a row (deep recursion) is shown that
        many times, then summarised as '[Previous line repeated N more
        times]'."""
        out = []
        run_key = None
        run_length = 0

        def summary(extra):
            return '  [Previous line repeated %d more time%s]\n' % (
                extra, 's' if extra > 1 else '')

        for fs in self:
            text = self.format_frame_summary(fs)
            if text is None:
                continue
            key = (fs.filename, fs.lineno, fs.name)
            if key != run_key:
                if run_length > _REPEAT_SHOWN:
                    out.append(summary(run_length - _REPEAT_SHOWN))
                run_key = key
                run_length = 0
            run_length += 1
            if run_length <= _REPEAT_SHOWN:
                out.append(text)
        if run_length > _REPEAT_SHOWN:
            out.append(summary(run_length - _REPEAT_SHOWN))
        return out


_BINOPS = ('**', '//', '<<', '>>', '+', '-', '*', '@', '/', '%', '&', '|', '^')
_PRECEDENCE = {'|': 1, '^': 2, '&': 3, '<<': 4, '>>': 4, '+': 5, '-': 5,
               '*': 6, '@': 6, '/': 6, '//': 6, '%': 6, '**': 8}
# Keywords that cannot stand at the top level of a binary operation or
# subscript expression statement (`raise E from errs[-1]` gets no anchors).
_STOP_WORDS = frozenset(['and', 'or', 'not', 'if', 'else', 'lambda', 'in', 'is',
                         'for', 'await', 'yield', 'raise', 'return', 'from',
                         'del', 'assert', 'as', 'import', 'global', 'nonlocal',
                         'while', 'with', 'async', 'elif', 'except', 'finally',
                         'try', 'def', 'class', 'pass', 'break', 'continue'])


def _caret_anchors(segment):
    """Find where to draw '^' inside the marked segment when it is a
    binary operation (under the operator) or a subscript (under the
    brackets), as (left, right) character offsets; None otherwise.

    A small scanner stands in for CPython's re-parse of the segment with
    `ast`: it tracks brackets and strings, and finds the top-level operator
    of lowest precedence (the rightmost of equals; the leftmost for **)."""
    n = len(segment)
    depth = 0
    i = 0
    ops = []            # (position, operator) at depth 0
    last_open = None    # position of the last '[' opened at depth 0
    prev_operand = False
    closed_at = None    # end of the last top-level bracket group
    while i < n:
        c = segment[i]
        if c in '\'"':
            # Skip a string literal (with any prefix already consumed as a name).
            q = segment[i:i + 3] if segment[i:i + 3] in ("'''", '"""') else c
            j = i + len(q)
            while j < n and segment[j:j + len(q)] != q:
                j += 2 if segment[j] == '\\' else 1
            if j >= n:
                return None
            i = j + len(q)
            prev_operand = True
            continue
        if c in '([{':
            if depth == 0 and c == '[':
                last_open = i
            depth += 1
            i += 1
            prev_operand = False
            continue
        if c in ')]}':
            depth -= 1
            if depth < 0:
                return None
            i += 1
            if depth == 0:
                closed_at = i
            prev_operand = True
            continue
        if depth:
            i += 1
            continue
        if c == '#':
            return None
        if c.isspace():
            i += 1
            continue
        if c.isalnum() or c == '_' or c == '.':
            j = i
            while j < n and (segment[j].isalnum() or segment[j] in '_.'):
                j += 1
            if segment[i:j] in _STOP_WORDS:
                return None
            i = j
            prev_operand = True
            continue
        for op in _BINOPS:
            if segment.startswith(op, i):
                break
        else:
            return None   # comparison, walrus, comma, ...: not a BinOp
        if segment.startswith(op + '=', i) or (op in '<>' and segment.startswith('=', i + 1)):
            return None
        if prev_operand:
            ops.append((i, op))
        i += len(op)
        prev_operand = False
    if depth:
        return None
    if ops:
        low = min(_PRECEDENCE[op] for _, op in ops)
        cands = [(p, op) for p, op in ops if _PRECEDENCE[op] == low]
        pos, op = cands[0] if op == '**' and low == 8 else cands[-1]
        # The operator must have operands on both sides.
        if not segment[:pos].strip() or not segment[pos + len(op):].strip():
            return None
        return pos, pos + len(op)
    if (last_open is not None and segment.rstrip().endswith(']')
            and closed_at == len(segment.rstrip()) and segment[:last_open].strip()):
        return last_open, len(segment.rstrip())
    return None


def _byte_offset_to_character_offset(str, offset):
    as_utf8 = str.encode('utf-8')
    return len(as_utf8[:offset].decode('utf-8', errors='replace'))


# ---------------------------------------------------- TracebackException

def _prefix_lines(text, prefix):
    return ''.join(prefix + line for line in text.splitlines(True))


class TracebackException:
    """An exception captured for rendering later: its stack (a
    StackSummary), type, message, notes, and the TracebackExceptions of
    its __cause__, __context__ and (for groups) sub-exceptions."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.exc_type = exc_type
        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth
        self.stack = StackSummary._extract_from_extended_frame_gen(
            _tb_frames_with_positions(exc_traceback), limit=limit,
            lookup_lines=lookup_lines, capture_locals=capture_locals)
        self._str = _safe_string(exc_value, 'exception')
        # No "Did you mean" here: in 3.11 only the interpreter's own printer
        # (sys.excepthook, src/vm/traceback.cpp) adds it; traceback.py's
        # gained it in 3.12.
        try:
            self.__notes__ = getattr(exc_value, '__notes__', None)
        except Exception as e:
            self.__notes__ = ['Ignored error getting __notes__: %s'
                              % _safe_string(e, '__notes__', repr)]
        self._is_syntax_error = bool(exc_type and issubclass(exc_type, SyntaxError))
        if self._is_syntax_error:
            self.filename = exc_value.filename
            self.lineno = None if exc_value.lineno is None else str(exc_value.lineno)
            end = getattr(exc_value, 'end_lineno', None)
            self.end_lineno = None if end is None else str(end)
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = getattr(exc_value, 'end_offset', None)
            self.msg = exc_value.msg
        self.__suppress_context__ = (exc_value.__suppress_context__
                                     if exc_value is not None else False)
        options = dict(limit=limit, lookup_lines=lookup_lines,
                       capture_locals=capture_locals,
                       max_group_width=max_group_width,
                       max_group_depth=max_group_depth, _seen=_seen)

        def wrap(e):
            if e is None or id(e) in _seen:
                return None
            return TracebackException(type(e), e, e.__traceback__, **options)

        cause = getattr(exc_value, '__cause__', None)
        self.__cause__ = wrap(cause)
        # In compact mode the context is kept only where it would be shown.
        context = getattr(exc_value, '__context__', None)
        if compact and (self.__cause__ is not None or exc_value is None
                        or exc_value.__suppress_context__):
            context = None
        self.__context__ = wrap(context)
        if exc_value is not None and isinstance(exc_value, BaseExceptionGroup):
            self.exceptions = [TracebackException(type(e), e, e.__traceback__, **options)
                               for e in exc_value.exceptions]
        else:
            self.exceptions = None

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """Capture exc (with its own traceback)."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    @property
    def exc_type_str(self):
        return _qualified_type_name(self.exc_type)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    # -- the exception line(s)

    def format_exception_only(self, *, show_group=False, _depth=0):
        """Yield the lines naming the exception: 'Type: message' (or the
        SyntaxError location lines), then its notes; with show_group,
        the same for sub-exceptions, indented."""
        pad = '   ' * _depth
        if self.exc_type is None:
            lines = [_format_final_exc_line(None, self._str)]
        elif self._is_syntax_error:
            lines = list(self._format_syntax_error(_qualified_type_name(self.exc_type)))
        else:
            lines = _format_final_exc_line(_qualified_type_name(self.exc_type),
                                           self._str).splitlines(True)
        notes = self.__notes__
        if isinstance(notes, (list, tuple)):
            for note in notes:
                lines.extend(line + '\n' for line in _safe_string(note, 'note').split('\n'))
        elif notes is not None:
            lines.append(_safe_string(notes, '__notes__', func=repr) + '\n')
        for line in lines:
            yield pad + line
        if show_group and self.exceptions:
            for sub in self.exceptions:
                yield from sub.format_exception_only(show_group=True, _depth=_depth + 1)

    def _format_syntax_error(self, stype):
        """Lines for a SyntaxError: where (file, line), the offending line
        with a caret range under the error, then 'Type: msg'."""
        where = ''
        if self.lineno is not None:
            yield '  File "%s", line %s\n' % (self.filename or '<string>', self.lineno)
        elif self.filename is not None:
            where = ' (%s)' % self.filename
        text = self.text
        if text is not None:
            body = text.rstrip('\n')
            shown = body.lstrip(' \n\f')
            dropped = len(body) - len(shown)
            yield '    %s\n' % shown
            if self.offset is not None:
                start = self.offset
                stop = self.end_offset if self.end_offset not in (None, 0) else start
                limit = len(text) + 1
                start = min(start, limit)
                stop = min(stop, limit)
                if stop <= start or stop < 0:
                    stop = start + 1
                first = start - 1 - dropped
                last = stop - 1 - dropped
                if first >= 0:
                    spacing = ''.join(c if c.isspace() else ' ' for c in shown[:first])
                    yield '    %s%s\n' % (spacing, '^' * (last - first))
        yield '%s: %s%s\n' % (stype, self.msg or '<no detail available>', where)

    # -- the whole report

    def _chain(self, chain):
        """[(message to print before it, or None; te)], oldest first: the
        message says how the exception relates to the one before it."""
        links = []
        te = self
        while te is not None:
            if not chain:
                links.append((None, te))
                break
            if te.__cause__ is not None:
                links.append((_cause_message, te))
                te = te.__cause__
            elif te.__context__ is not None and not te.__suppress_context__:
                links.append((_context_message, te))
                te = te.__context__
            else:
                links.append((None, te))
                te = None
        links.reverse()
        return links

    def format(self, *, chain=True, _ctx=None):
        """Yield the lines print_exception() prints: tracebacks of the
        chain of exceptions (oldest first), with boxes for exception
        groups."""
        closing = [False]
        yield from self._render(chain, 0, closing)

    def _render(self, chain, depth, closing):
        if depth == 0:
            prefix = ''
        else:
            prefix = ' ' * (2 * depth) + '| '
        for msg, te in self._chain(chain):
            if msg is not None:
                yield _prefix_lines(msg, prefix)
            if te.exceptions is None:
                if te.stack:
                    yield _prefix_lines('Traceback (most recent call last):\n', prefix)
                    for frame_text in te.stack.format():
                        yield _prefix_lines(frame_text, prefix)
                for line in te.format_exception_only():
                    yield _prefix_lines(line, prefix)
            elif depth > self.max_group_depth:
                yield _prefix_lines('... (max_group_depth is %d)\n' % self.max_group_depth,
                                    prefix)
            else:
                yield from te._render_group(chain, max(depth, 1), closing, depth == 0)

    def _render_group(self, chain, depth, closing, toplevel):
        margin = ' ' * (2 * depth)
        prefix = margin + '| '
        if self.stack:
            head = margin + ('+ ' if toplevel else '| ')
            yield head + 'Exception Group Traceback (most recent call last):\n'
            for frame_text in self.stack.format():
                yield _prefix_lines(frame_text, prefix)
        for line in self.format_exception_only():
            yield _prefix_lines(line, prefix)
        subs = self.exceptions
        width = self.max_group_width
        shown = len(subs) if len(subs) <= width else width + 1
        closing[0] = False
        for i in range(shown):
            last = i == shown - 1
            if last:
                closing[0] = True   # a nested group may close the box first
            truncated = i >= width
            title = '...' if truncated else str(i + 1)
            yield margin + ('+-' if i == 0 else '  ') + \
                '+---------------- %s ----------------\n' % title
            if truncated:
                more = len(subs) - width
                yield ' ' * (2 * (depth + 1)) + '| and %d more exception%s\n' % (
                    more, 's' if more > 1 else '')
            else:
                yield from subs[i]._render(chain, depth + 1, closing)
            if last and closing[0]:
                yield margin + '  +------------------------------------\n'
                closing[0] = False

    def print(self, *, file=None, chain=True):
        """Print format(chain=chain) to file (default sys.stderr)."""
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end='')


def _qualified_type_name(tp):
    stype = tp.__qualname__
    smod = tp.__module__
    if smod not in ('__main__', 'builtins'):
        if not isinstance(smod, str):
            smod = '<unknown>'
        stype = smod + '.' + stype
    return stype

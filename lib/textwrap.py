"""Text wrapping and filling (ftpy), without regular expressions.

Text is cut into chunks (runs of whitespace, and words; with
break_on_hyphens words are also cut after hyphens between letters, and
em-dashes '--' stand alone), then chunks are packed greedily into lines —
the same chunks and packing rules CPython documents, so the output is the
same."""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

_whitespace = '\t\n\x0b\x0c\r '


def _is_word(c):        # \w
    return c.isalnum() or c == '_'


def _is_letter(c):      # [^\d\W]
    return _is_word(c) and not c.isdigit()


def _is_wordpunct(c):   # characters that may precede an em-dash
    return _is_word(c) or c in '!"\'&.,?'


class TextWrapper:
    """Object that wraps paragraphs; the attributes are the options of
    wrap() and fill()."""

    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(' '))

    def __init__(self, width=70, initial_indent='', subsequent_indent='',
                 expand_tabs=True, replace_whitespace=True,
                 fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *,
                 max_lines=None, placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    # -- chunking

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split_word(self, word, out):
        """Cut one whitespace-free run at hyphens and around em-dashes."""
        n = len(word)
        start = 0
        i = 0
        while i < n:
            if word[i] != '-':
                i += 1
                continue
            j = i
            while j < n and word[j] == '-':
                j += 1
            if (j - i >= 2 and i > 0 and _is_wordpunct(word[i - 1])
                    and j < n and _is_word(word[j])):
                if i > start:
                    out.append(word[start:i])
                out.append(word[i:j])
                start = i = j
                continue
            if j - i == 1 and self._hyphen_breaks(word, i) and i >= start:
                out.append(word[start:i + 1])
                start = i + 1
            i = j
        if start < n:
            out.append(word[start:])

    @staticmethod
    def _hyphen_breaks(w, i):
        # Break after w[i] == '-' if two letters (or letter-hyphen-letter)
        # precede it and a letter (then maybe '-', then a letter) follows.
        n = len(w)
        before = ((i >= 2 and _is_letter(w[i - 2]) and _is_letter(w[i - 1])) or
                  (i >= 3 and _is_letter(w[i - 3]) and w[i - 2] == '-'
                   and _is_letter(w[i - 1])))
        if not before or i + 1 >= n or not _is_letter(w[i + 1]):
            return False
        k = i + 2
        if k < n and w[k] == '-':
            k += 1
        return k < n and _is_letter(w[k])

    def _split(self, text):
        chunks = []
        n = len(text)
        i = 0
        while i < n:
            j = i
            if text[i] in _whitespace or text[i].isspace():
                while j < n and (text[j] in _whitespace or text[j].isspace()):
                    j += 1
                chunks.append(text[i:j])
            else:
                while j < n and not (text[j] in _whitespace or text[j].isspace()):
                    j += 1
                if self.break_on_hyphens:
                    self._split_word(text[i:j], chunks)
                else:
                    chunks.append(text[i:j])
            i = j
        return chunks

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            c = chunks[i]
            if chunks[i + 1] == ' ' and self._ends_sentence(c):
                chunks[i + 1] = '  '
                i += 2
            else:
                i += 1

    @staticmethod
    def _ends_sentence(c):
        if c and c[-1] in '"\'':
            c = c[:-1]
        return (len(c) >= 2 and c[-1] in '.!?' and 'a' <= c[-2] <= 'z')

    # -- packing

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        if self.width <= 0:
            raise ValueError('invalid width %r (must be > 0)' % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError('placeholder too large for max width')
        lines = []
        chunks = chunks[::-1]        # consumed from the end
        while chunks:
            line = []
            used = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            # No line but the first starts with whitespace.
            if self.drop_whitespace and lines and chunks[-1].strip() == '':
                chunks.pop()
            while chunks:
                size = len(chunks[-1])
                if used + size > width:
                    break
                line.append(chunks.pop())
                used += size
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, line, used, width)
                used = sum(map(len, line))
            if self.drop_whitespace and line and line[-1].strip() == '':
                used -= len(line[-1])
                line.pop()
            if not line:
                continue
            last_allowed = (self.max_lines is None or len(lines) + 1 < self.max_lines
                            or ((not chunks or (self.drop_whitespace and len(chunks) == 1
                                                and not chunks[0].strip()))
                                and used <= width))
            if last_allowed:
                lines.append(indent + ''.join(line))
                continue
            # Out of lines: end this one with the placeholder.
            while line:
                if line[-1].strip() and used + len(self.placeholder) <= width:
                    line.append(self.placeholder)
                    lines.append(indent + ''.join(line))
                    break
                used -= len(line[-1])
                line.pop()
            else:
                if lines:
                    prev = lines[-1].rstrip()
                    if len(prev) + len(self.placeholder) <= self.width:
                        lines[-1] = prev + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        """The lines (without newlines) of text wrapped to self.width."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """text wrapped to self.width, as one string."""
        return '\n'.join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap a single paragraph into lines of at most width characters;
    returns the list of lines (see TextWrapper for the options)."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Like wrap(), but return one string with newlines."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse whitespace, and truncate text to fit width, ending it with
    the placeholder (' [...]' by default) if it had to be cut."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def dedent(text):
    """Remove the indentation common to all non-blank lines; lines of only
    spaces and tabs become empty."""
    lines = text.split('\n')
    cleaned = []
    margin = None
    for line in lines:
        body = line.lstrip(' \t')
        if not body:
            cleaned.append('')
            continue
        cleaned.append(line)
        lead = line[:len(line) - len(body)]
        if margin is None:
            margin = lead
        else:
            k = 0
            while k < len(margin) and k < len(lead) and margin[k] == lead[k]:
                k += 1
            margin = margin[:k]
    if margin:
        cleaned = [l[len(margin):] if l else l for l in cleaned]
    return '\n'.join(cleaned)


def indent(text, prefix, predicate=None):
    """Add prefix to the lines of text for which predicate(line) is true
    (by default: lines that are not whitespace-only)."""
    if predicate is None:
        predicate = str.strip
    return ''.join(prefix + line if predicate(line) else line
                   for line in text.splitlines(True))

"""_tokenize: the tokenizer behind the standard library's tokenize module.

CPython 3.12+ tokenizes with its C tokenizer (`TokenizerIter`); gilvm's parser is the
`ruff_python_parser` crate, which does not produce CPython's token stream, so this module
tokenizes in Python with the regular expressions the Lib's `tokenize` module still defines
(`PseudoToken`, the string end patterns). It yields what `tokenize.generate_tokens` and
`tokenize.tokenize` need, with `extra_tokens` semantics (COMMENT and NL tokens, operators as
OP). One difference from CPython 3.12+: an f-string or t-string is one STRING token, not
FSTRING_START/MIDDLE/END pieces (the pre-3.12 token stream).
"""


class TokenizerIter:
    def __init__(self, readline, *, extra_tokens=False, encoding=None):
        self._readline = readline
        self._encoding = encoding
        self._extra = extra_tokens
        self._gen = None

    def __iter__(self):
        return self

    def __next__(self):
        if self._gen is None:
            self._gen = self._tokens()
        return next(self._gen)

    def _line(self):
        try:
            line = self._readline()
        except StopIteration:
            return ''
        if self._encoding is not None and isinstance(line, bytes):
            line = line.decode(self._encoding)
        return line

    def _tokens(self):
        import re
        import tokenize as T
        from token import (OP, NAME, NUMBER, STRING, COMMENT, NL, NEWLINE, INDENT,
                           DEDENT, ENDMARKER, ERRORTOKEN, EXACT_TOKEN_TYPES)
        pseudo = re.compile(T.PseudoToken, re.UNICODE)
        endpats = {}
        for prefix in T._all_string_prefixes():
            for q in ("'", '"', "'''", '"""'):
                endpats[prefix + q] = {"'": T.Single, '"': T.Double,
                                       "'''": T.Single3, '"""': T.Double3}[q]
        single_quoted = set(T.single_quoted)
        triple_quoted = set(T.triple_quoted)
        lnum = parenlev = continued = 0
        numchars = '0123456789'
        contstr, needcont = '', False
        contline = None
        strstart = None
        endprog = None
        indents = [0]
        last_line = ''
        line = ''
        while True:
            last_line = line
            line = self._line()
            lnum += 1
            pos, maxpos = 0, len(line)

            if contstr:
                if not line:
                    raise SyntaxError('unterminated triple-quoted string literal',
                                      ('<tokenize>', strstart[0], strstart[1] + 1, contline))
                endmatch = endprog.match(line)
                if endmatch:
                    pos = end = endmatch.end(0)
                    yield (STRING, contstr + line[:end], strstart, (lnum, end), contline + line)
                    contstr, needcont = '', False
                    contline = None
                elif needcont and line[-2:] != '\\\n' and line[-3:] != '\\\r\n':
                    yield (ERRORTOKEN, contstr + line, strstart, (lnum, len(line)), contline)
                    contstr = ''
                    contline = None
                    continue
                else:
                    contstr = contstr + line
                    contline = contline + line
                    continue

            elif parenlev == 0 and not continued:
                if not line:
                    break
                column = 0
                while pos < maxpos:
                    if line[pos] == ' ':
                        column += 1
                    elif line[pos] == '\t':
                        column = (column // T.tabsize + 1) * T.tabsize
                    elif line[pos] == '\f':
                        column = 0
                    else:
                        break
                    pos += 1
                if pos == maxpos:
                    break
                if line[pos] in '#\r\n':
                    if line[pos] == '#':
                        comment = line[pos:].rstrip('\r\n')
                        yield (COMMENT, comment, (lnum, pos), (lnum, pos + len(comment)), line)
                        pos += len(comment)
                    yield (NL, line[pos:], (lnum, pos), (lnum, len(line)), line)
                    continue
                if column > indents[-1]:
                    indents.append(column)
                    yield (INDENT, line[:pos], (lnum, 0), (lnum, pos), line)
                while column < indents[-1]:
                    if column not in indents:
                        raise IndentationError(
                            'unindent does not match any outer indentation level',
                            ('<tokenize>', lnum, pos, line))
                    indents = indents[:-1]
                    yield (DEDENT, '', (lnum, pos), (lnum, pos), line)

            else:
                if not line:
                    raise SyntaxError('unexpected EOF in multi-line statement',
                                      ('<tokenize>', lnum, 0, line))
                continued = 0

            while pos < maxpos:
                pseudomatch = pseudo.match(line, pos)
                if pseudomatch:
                    start, end = pseudomatch.span(1)
                    spos, epos, pos = (lnum, start), (lnum, end), end
                    if start == end:
                        continue
                    token, initial = line[start:end], line[start]
                    if (initial in numchars or
                            (initial == '.' and token != '.' and token != '...')):
                        yield (NUMBER, token, spos, epos, line)
                    elif initial in '\r\n':
                        yield (NL if parenlev > 0 else NEWLINE, token, spos, epos, line)
                    elif initial == '#':
                        yield (COMMENT, token, spos, epos, line)
                    elif token in triple_quoted:
                        endprog = re.compile(endpats[token])
                        endmatch = endprog.match(line, pos)
                        if endmatch:
                            pos = endmatch.end(0)
                            token = line[start:pos]
                            yield (STRING, token, spos, (lnum, pos), line)
                        else:
                            strstart = (lnum, start)
                            contstr = line[start:]
                            contline = line
                            break
                    elif (initial in single_quoted or token[:2] in single_quoted or
                          token[:3] in single_quoted):
                        if token[-1] == '\n':
                            strstart = (lnum, start)
                            endprog = re.compile(endpats.get(initial) or
                                                 endpats.get(token[1]) or
                                                 endpats.get(token[2]))
                            contstr, needcont = line[start:], True
                            contline = line
                            break
                        else:
                            yield (STRING, token, spos, epos, line)
                    elif initial.isidentifier():
                        yield (NAME, token, spos, epos, line)
                    elif initial == '\\':
                        continued = 1
                    else:
                        if initial in '([{':
                            parenlev += 1
                        elif initial in ')]}':
                            parenlev -= 1
                        yield (OP if self._extra else EXACT_TOKEN_TYPES.get(token, OP),
                               token, spos, epos, line)
                else:
                    yield (ERRORTOKEN, line[pos], (lnum, pos), (lnum, pos + 1), line)
                    pos += 1

        # A last line without a newline ends with an implicit NEWLINE.
        if last_line and last_line[-1] not in '\r\n' and not last_line.strip().startswith('#'):
            yield (NEWLINE, '', (lnum - 1, len(last_line)), (lnum - 1, len(last_line) + 1), '')
        for _ in indents[1:]:
            yield (DEDENT, '', (lnum, 0), (lnum, 0), '')
        yield (ENDMARKER, '', (lnum, 0), (lnum, 0), '')

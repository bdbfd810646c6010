"""`ast.dump(ast.parse(source))` of every .py file of the Lib, checked against CPython 3.14.

The expected dumps are too large to check in, so this keeps one line per file: its path in
the Lib, the sha256 of CPython's `ast.dump(tree)` and of `ast.dump(tree,
include_attributes=True)` (locations), or `error <ExceptionName>` when CPython cannot parse
it.

    # generate (CPython 3.14):
    python3.14 tests/ast_lib_digests.py --generate LIBDIR > tests/ast_lib_digests.txt
    # check (gilvm; exit status 1 on a difference):
    gilvm tests/ast_lib_digests.py --check LIBDIR tests/ast_lib_digests.txt [-v]

`make ast-lib-check` runs the check on the Lib gilvm embeds.
"""
import ast
import hashlib
import os
import sys


def files(root):
    out = []
    for d, dirs, names in os.walk(root):
        dirs.sort()
        for n in sorted(names):
            if n.endswith('.py'):
                p = os.path.join(d, n)
                out.append(os.path.relpath(p, root))
    return sorted(out)


def digest(path):
    with open(path, 'rb') as f:
        src = f.read()
    try:
        tree = ast.parse(src, path)
    except Exception as e:
        return 'error ' + type(e).__name__
    plain = hashlib.sha256(ast.dump(tree).encode('utf-8', 'surrogatepass')).hexdigest()
    full = hashlib.sha256(ast.dump(tree, include_attributes=True)
                          .encode('utf-8', 'surrogatepass')).hexdigest()
    return plain + ' ' + full


def main(argv):
    if len(argv) >= 2 and argv[0] == '--generate':
        root = argv[1]
        for rel in files(root):
            print(rel, digest(os.path.join(root, rel)))
        return 0
    if len(argv) >= 3 and argv[0] == '--check':
        root, table = argv[1], argv[2]
        verbose = '-v' in argv
        want = {}
        with open(table) as f:
            for line in f:
                rel, rest = line.rstrip('\n').split(' ', 1)
                want[rel] = rest
        ok = ok_loc = bad = missing = 0
        for rel in sorted(want):
            p = os.path.join(root, rel)
            if not os.path.exists(p):
                missing += 1
                continue
            got = digest(p)
            exp = want[rel]
            if got == exp:
                ok += 1
                ok_loc += 1
            elif got.split(' ')[0] == exp.split(' ')[0] and not exp.startswith('error'):
                ok += 1
                if verbose:
                    print('locations differ:', rel)
            else:
                bad += 1
                if verbose:
                    print('DIFFERS:', rel, got if got.startswith('error') else '')
        print(f'{ok}/{len(want) - missing} files: ast.dump equal to CPython 3.14; '
              f'{ok_loc} also with locations; {bad} differ; {missing} missing')
        return 1 if bad else 0
    print(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

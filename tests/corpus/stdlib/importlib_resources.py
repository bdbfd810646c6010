# importlib.resources on a package's data files: files(), read_text/read_bytes, iterdir,
# as_file, and the errors for missing resources.
import importlib.resources as resources

root = resources.files('resdata')
print(type(root).__name__, root.name, root.is_dir())
data = root.joinpath('data.txt')
print(data.is_file(), repr(data.read_text()))
print((root / 'utf8.txt').read_bytes(), (root / 'utf8.txt').read_text(encoding='utf-8'))
print(sorted(p.name for p in root.iterdir() if p.name != '__pycache__'))
print(repr(resources.read_text('resdata', 'data.txt')))
print(resources.read_binary('resdata', 'utf8.txt'))
print(resources.is_resource('resdata', 'data.txt'), resources.is_resource('resdata', 'nope.txt'))
with resources.as_file(data) as path:
    print(path.name, path.read_text().splitlines())
with resources.files('resdata').joinpath('data.txt').open() as f:
    print(f.readline().strip())
try:
    (root / 'missing.txt').read_text()
except FileNotFoundError as e:
    print('FileNotFoundError', e.filename.endswith('missing.txt'))
try:
    resources.files('resdata.nothere')
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e)

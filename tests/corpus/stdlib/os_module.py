# The os module and os.path: constants, environment, paths, directory listing, errors.
import os
import os.path
from os import path
from os.path import join, splitext

print(os.sep, repr(os.linesep), os.name, os.curdir, os.pardir)
print(os.path is path, path.sep, type(os.getpid()).__name__, os.getpid() > 0)
n = os.cpu_count()
print(n is None or n >= 1)
print(os.getenv("GILVM_SURELY_UNSET_VARIABLE"), os.getenv("GILVM_SURELY_UNSET_VARIABLE", "fallback"))
print("GILVM_SURELY_UNSET_VARIABLE" in os.environ, len(os.environ) >= 0)

# join: absolute components restart, empty parts and trailing slashes
print(join("a", "b", "c"), join("/usr", "lib", "/etc", "passwd"), join("a/", "b"), join("", "x"), join("a", ""))
# splitext: leading dots are not extensions
for p in ["archive.tar.gz", "dir/file.txt", ".bashrc", "dir/..hidden", "noext", "a.b/c", "trailing."]:
    print(repr(p), splitext(p))
for p in ["/x/y/z.py", "z.py", "/", "//a", "x/", "a/b/", ""]:
    print(repr(p), repr(path.basename(p)), repr(path.dirname(p)), path.split(p))
for p in ["a//b/./c/../d", "", "/../x", "//x", "///x", "../../a", "a/..", "./"]:
    print(repr(p), repr(path.normpath(p)))
print(path.isabs("/a"), path.isabs("a"), path.abspath("/a/b/../c"), path.abspath("/"))

# the program runs in its own directory
cwd = os.getcwd()
print(path.basename(cwd), path.isabs(cwd), path.abspath("simapp") == join(cwd, "simapp"))
print(path.exists("simapp"), path.isdir("simapp"), path.isfile("simapp"))
print(path.exists("os_module.py"), path.isfile("os_module.py"), path.isdir("os_module.py"))
print(path.exists("no_such_file.txt"), path.isfile("no_such_file.txt"))
names = os.listdir("simapp")
print("__init__.py" in names, "models.py" in names, "README" in names)
print(path.getsize("simapp/__init__.py") > 0)

try:
    os.listdir("no_such_dir")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
    print(e.errno, e.filename, e.strerror)
try:
    os.listdir("os_module.py")
except OSError as e:
    print(type(e).__name__, isinstance(e, OSError), e.errno)
try:
    os.getenv(42)
except TypeError as e:
    print("TypeError:", e)
try:
    join("a", 3)
except TypeError as e:
    print("TypeError:", e)

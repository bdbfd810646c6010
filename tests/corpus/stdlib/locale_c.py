# _locale in the C locale: setlocale, localeconv, nl_langinfo, getencoding, strcoll,
# strxfrm, and locale.Error.
import _locale
print(_locale.setlocale(_locale.LC_ALL, 'C'), _locale.setlocale(_locale.LC_NUMERIC))
c = _locale.localeconv()
print(sorted(c.items()))
print(_locale.nl_langinfo(_locale.CODESET), _locale.nl_langinfo(_locale.DAY_1), _locale.nl_langinfo(_locale.ABMON_12), _locale.nl_langinfo(_locale.RADIXCHAR))
print(_locale.getencoding(), _locale.strcoll('a', 'b') < 0, _locale.strxfrm('abc'))
try:
    _locale.setlocale(_locale.LC_ALL, 'xx_NOPE')
except _locale.Error as e:
    print(type(e).__name__, type(e).__module__, e)
try:
    _locale.nl_langinfo(12345678)
except ValueError as e:
    print(e)
print(issubclass(_locale.Error, Exception), _locale.LC_ALL, _locale.CHAR_MAX)

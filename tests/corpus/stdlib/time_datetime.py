# datetime (the Lib's _pydatetime) and calendar/email.utils on the time module, with a
# fixed TZ and fixed timestamps.
import calendar
import datetime as dt
import email.utils
import os
import time

os.environ['TZ'] = 'America/New_York'
time.tzset()

T = 1700000000.5
d = dt.datetime.fromtimestamp(T)
print(d, d.isoformat(), d.weekday(), d.timestamp() == T)
u = dt.datetime.fromtimestamp(T, dt.timezone.utc)
print(u, u.astimezone(), u.astimezone().tzname(), u.astimezone().utcoffset())
print(dt.datetime.utcfromtimestamp(0) if False else dt.datetime.fromtimestamp(0, dt.UTC))
summer = dt.datetime(2024, 7, 1, 12, 0)
print(summer.astimezone(), summer.astimezone().tzname(), summer.timestamp())
print(dt.datetime(2024, 1, 1, 12).astimezone(dt.timezone(dt.timedelta(hours=5, minutes=30))))
print(d.strftime('%Y-%m-%d %H:%M:%S.%f %a %b %j %p %%'), u.strftime('%z %Z'))
print(dt.date.fromtimestamp(T), dt.date(2024, 2, 29).strftime('%A %d %B %Y'))
print(dt.datetime.strptime('2024-03-05 10:20:30', '%Y-%m-%d %H:%M:%S'))
print(dt.datetime.strptime('05/03/24 +0200', '%d/%m/%y %z'))
print(d.timetuple(), u.utctimetuple())
print(dt.datetime.combine(dt.date(2020, 5, 17), dt.time(23, 59)).ctime())
now = dt.datetime.now()
print(type(now).__name__, abs(now.timestamp() - time.time()) < 5)
print(abs((dt.datetime.now(dt.UTC) - dt.datetime.fromtimestamp(time.time(), dt.UTC)).total_seconds()) < 5)
print(dt.date.today() == dt.datetime.now().date() or True)

print(calendar.timegm((2023, 11, 14, 22, 13, 20, 0, 0, 0)))
print(calendar.month(2024, 2))
print(calendar.monthrange(2024, 2), calendar.isleap(2100), calendar.weekday(2024, 7, 1))
print(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2023, 11).splitlines()[:3])

print(email.utils.formatdate(T), email.utils.formatdate(T, localtime=True))
print(email.utils.formatdate(T, usegmt=True))
print(email.utils.parsedate_tz('Tue, 14 Nov 2023 17:13:20 -0500'))
print(email.utils.mktime_tz(email.utils.parsedate_tz('Tue, 14 Nov 2023 17:13:20 -0500')))
print(email.utils.parsedate_to_datetime('Tue, 14 Nov 2023 17:13:20 -0500'))
print(email.utils.format_datetime(u))
print(email.utils.localtime(u))

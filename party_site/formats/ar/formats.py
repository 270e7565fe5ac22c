# Arabic date formats as written in Iraq: "29 تشرين الثاني 2026" (month names in locale/ar).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، g:i A"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "Y/m/d"
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%Y/%m/%d"]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
FIRST_DAY_OF_WEEK = 6  # Saturday

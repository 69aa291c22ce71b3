"""Arabic number and date formats. Django's leave large numbers ungrouped (1250000);
municipal figures such as populations read better grouped by thousands. With
the Western digits used in Palestine, CLDR groups with "," and uses "." for
decimals."""

NUMBER_GROUPING = 3
THOUSAND_SEPARATOR = ","
DECIMAL_SEPARATOR = "."
# Day first, as dates are written in Palestine (Django's Arabic falls back to m/d/Y).
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"

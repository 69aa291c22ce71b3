"""Arabic number formats: Django's leave large numbers ungrouped (1250000);
municipal figures such as populations read better grouped by thousands. With
the Western digits used in Palestine, CLDR groups with "," and uses "." for
decimals."""

NUMBER_GROUPING = 3
THOUSAND_SEPARATOR = ","
DECIMAL_SEPARATOR = "."

"""Lists that coordinators work with: filter, sort, paginate, export to CSV."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.views.generic import ListView

T = TypeVar("T")

# Rows read from the database at a time by an export.
EXPORT_CHUNK = 2000

# A cell beginning with one of these is run as a formula by spreadsheet programs.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def chunked(rows: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(rows)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(
    filename: str, header: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> StreamingHttpResponse:
    """Stream a CSV file, so that exporting 100,000 rows holds no more than one
    chunk in memory. A byte-order mark lets spreadsheet programs read Arabic."""
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff"
        yield writer.writerow([safe_cell(h) for h in header])
        for row in rows:
            yield writer.writerow([safe_cell(c) for c in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class FilteredListView(ListView):
    """A list with a django-filter FilterSet, pagination and `?export=csv`."""

    filterset_class: Any = None
    csv_filename = "export.csv"
    paginate_by = settings.DIRECTORY_PAGE_SIZE
    filterset: Any

    def get_base_queryset(self) -> QuerySet[Any]:
        raise NotImplementedError

    def csv_header(self) -> Sequence[Any]:
        raise NotImplementedError

    def csv_row(self, obj: Any) -> Sequence[Any]:
        raise NotImplementedError

    def csv_rows(self, queryset: QuerySet[Any]) -> Iterator[Sequence[Any]]:
        """The export's rows; a list of many thousand rows may override this to
        read plain values rather than build a model object per row."""
        return (self.csv_row(obj) for obj in queryset.iterator(chunk_size=EXPORT_CHUNK))

    def get_queryset(self) -> QuerySet[Any]:
        self.filterset = self.filterset_class(
            self.request.GET or None, queryset=self.get_base_queryset(), request=self.request
        )
        if self.filterset.is_bound and not self.filterset.is_valid():
            # An unknown value in the address (a stale link, a typo) shows the
            # form's message and an empty list rather than an error page.
            return self.filterset.queryset.none()
        return self.filterset.qs

    def get(  # type: ignore[override]
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> HttpResponse | StreamingHttpResponse:
        if request.GET.get("export") == "csv":
            return csv_response(
                self.csv_filename, self.csv_header(), self.csv_rows(self.get_queryset())
            )
        return super().get(request, *args, **kwargs)

    def paginate_queryset(self, queryset: Any, page_size: int) -> tuple[Any, Any, Any, bool]:
        # A stale link (the list shrank) or a typed page number shows the
        # nearest page rather than an error page.
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        query.pop("export", None)
        context["filter"] = self.filterset
        context["query_string"] = query.urlencode()
        return context

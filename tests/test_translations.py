"""The translation catalogues: current with the source and complete in Arabic,
placeholders intact in every language, and the committed .mo files compiled
from the current .po files.

The .po files are read with a small parser of the standard library (polib is
not a dependency); GNU msgfmt, when installed, compiles each catalogue to a
temporary .mo that must equal the committed one.
"""

from __future__ import annotations

import ast
import gettext
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
from django.utils import translation

import peerlearn

PACKAGE_DIR = Path(peerlearn.__file__).resolve().parent
LOCALE_DIR = PACKAGE_DIR / "locale"
LANGUAGES = ("ar", "tr", "fr", "es")
ARABIC_PLURAL_FORMS = (
    "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
    "n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5;"
)

# %(name)s with its conversion (the `.1f` of %(seconds).1f counts too), and %%.
PERCENT_PLACEHOLDER = re.compile(
    r"%(?:\((?P<name>[^)]*)\)(?P<spec>[-#0 +]*\d*(?:\.\d+)?[a-zA-Z])|%)"
)
BRACE_PLACEHOLDER = re.compile(r"{{|}}|{([^{}]*)}")
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


@dataclass
class Entry:
    msgid: str
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags


def _unquote(text: str) -> str:
    text = text.strip()
    assert text.startswith('"') and text.endswith('"'), text
    return re.sub(r"\\(.)", lambda m: ESCAPES[m.group(1)], text[1:-1])


@cache
def parse_po(path: Path) -> tuple[Entry, ...]:
    """The entries of a .po file, the header first; obsolete entries are skipped."""
    entries: list[Entry] = []
    current: Entry | None = None
    keyword = ""
    flags: set[str] = set()

    def finish() -> None:
        nonlocal current
        if current is not None:
            entries.append(current)
        current = None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
        elif line.startswith("#~"):
            continue
        elif line.startswith("#,"):
            finish()
            flags = {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            if current is not None and current.msgstr:
                finish()
        elif line.startswith('"'):
            assert current is not None, f"{path}:{number}: text outside an entry"
            if keyword.startswith("msgstr"):
                current.msgstr[-1] += _unquote(line)
            else:
                setattr(current, keyword, getattr(current, keyword) + _unquote(line))
        else:
            keyword, _, value = line.partition(" ")
            if keyword == "msgctxt" or (keyword == "msgid" and (current is None or current.msgstr)):
                finish()
                current, flags = Entry(msgid="", flags=flags, line=number), set()
            assert current is not None, f"{path}:{number}: {keyword} outside an entry"
            if keyword.startswith("msgstr"):
                current.msgstr.append(_unquote(value))
            elif keyword in {"msgid", "msgid_plural", "msgctxt"}:
                setattr(current, keyword, _unquote(value))
            else:
                raise AssertionError(f"{path}:{number}: unknown keyword {keyword!r}")
    finish()
    return tuple(entries)


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


def header(language: str) -> dict[str, str]:
    first = parse_po(po_path(language))[0]
    assert first.msgid == "" and first.msgctxt is None, "the header must come first"
    return dict(line.split(": ", 1) for line in first.msgstr[0].splitlines() if line)


def messages(language: str) -> list[Entry]:
    return list(parse_po(po_path(language))[1:])


def percent_placeholders(text: str) -> set[tuple[str, str]]:
    return {
        (match["name"], match["spec"])
        for match in PERCENT_PLACEHOLDER.finditer(text)
        if match["name"] is not None
    }


def brace_placeholders(text: str) -> set[str]:
    return {match[1] for match in BRACE_PLACEHOLDER.finditer(text) if match[1] is not None}


def where(language: str, entry: Entry) -> str:
    return f"locale/{language}/LC_MESSAGES/django.po:{entry.line} {entry.msgid!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_a_complete_header(language: str) -> None:
    first = parse_po(po_path(language))[0]
    assert not first.fuzzy, "remove the fuzzy flag from the header"
    fields = header(language)
    assert fields["Language"] == language
    assert fields["Content-Type"] == "text/plain; charset=UTF-8"
    assert "nplurals=" in fields["Plural-Forms"]
    assert (po_path(language).with_suffix(".mo")).is_file(), "run compilemessages"


def test_arabic_uses_six_plural_forms() -> None:
    assert header("ar")["Plural-Forms"] == ARABIC_PLURAL_FORMS
    for entry in messages("ar"):
        if entry.msgid_plural is not None:
            assert len(entry.msgstr) == 6, where("ar", entry)


def test_arabic_catalogue_is_complete() -> None:
    problems = [f"untranslated: {where('ar', e)}" for e in messages("ar") if not e.translated]
    problems += [
        f"fuzzy (check, then remove the flag): {where('ar', e)}" for e in messages("ar") if e.fuzzy
    ]
    assert not problems, "the Arabic catalogue is incomplete:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language: str) -> None:
    """A translation uses exactly the msgid's placeholders. A plural form may
    leave out a number it spells in words ("شخصان"), but the last form, used
    for most numbers, keeps every placeholder of msgid_plural."""
    problems = []
    for entry in messages(language):
        if not entry.translated or entry.fuzzy:
            continue
        for extract, flag in (
            (percent_placeholders, "python-format"),
            (brace_placeholders, "python-brace-format"),
        ):
            if flag not in entry.flags:
                continue
            if entry.msgid_plural is None:
                if extract(entry.msgstr[0]) != extract(entry.msgid):
                    problems.append(f"{where(language, entry)}: {entry.msgstr[0]!r}")
                continue
            allowed = extract(entry.msgid) | extract(entry.msgid_plural)
            for form in entry.msgstr:
                if not extract(form) <= allowed:
                    problems.append(f"{where(language, entry)}: {form!r}")
            if extract(entry.msgstr[-1]) != extract(entry.msgid_plural):
                problems.append(f"{where(language, entry)}: last form {entry.msgstr[-1]!r}")
    assert not problems, "placeholders differ from the msgid:\n" + "\n".join(problems)


def test_matching_explanations_are_in_the_catalogue() -> None:
    """The matching engine marks its explanation templates with gettext_noop;
    an extraction that skips peerlearn/matching would drop their translations."""
    marked = set()
    for source in sorted((PACKAGE_DIR / "matching").glob("*.py")):
        text = source.read_text(encoding="utf-8")
        if "gettext_noop" not in text:
            continue
        for node in ast.walk(ast.parse(text)):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", None)) == "gettext_noop"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                marked.add(node.args[0].value)
    catalogue = {entry.msgid for entry in messages("ar") if entry.translated}
    assert not sorted(marked - catalogue)


# What makemessages runs: xgettext extracts, msguniq and msgmerge merge,
# msgattrib drops the obsolete entries (--no-obsolete).
GETTEXT_TOOLS = ("xgettext", "msguniq", "msgmerge", "msgattrib")


def message_id(entry: Entry) -> str:
    """A message as one readable key: its context, msgid and plural msgid."""
    context = f"[{entry.msgctxt}] " if entry.msgctxt is not None else ""
    plural = f" / {entry.msgid_plural!r}" if entry.msgid_plural is not None else ""
    return f"{context}{entry.msgid!r}{plural}"


def locale_snapshot() -> dict[Path, tuple[int, int]]:
    return {
        path: (path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(LOCALE_DIR.rglob("*"))
        if path.is_file()
    }


def test_catalogue_is_up_to_date_with_the_source(tmp_path: Path) -> None:
    """Extracting the messages again finds exactly the committed Arabic
    catalogue, every message translated. It runs makemessages on a copy of
    the package, so the real catalogues are never touched."""
    missing_tools = [tool for tool in GETTEXT_TOOLS if shutil.which(tool) is None]
    if missing_tools:
        pytest.skip(f"GNU gettext is not installed (no {', '.join(missing_tools)} on PATH)")
    before = locale_snapshot()
    copy = tmp_path / "peerlearn"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    environment = {
        **os.environ,
        # The copy's settings, so LOCALE_PATHS is the copy's locale folder.
        "DJANGO_SETTINGS_MODULE": "peerlearn.settings",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")])),
        "PEERLEARN_VAR_DIR": str(tmp_path / "var"),
    }
    result = subprocess.run(
        # -P: the package folder (the working directory) must not shadow
        # top-level modules; peerlearn/celery.py would hide Celery.
        [sys.executable, "-P", "-m", "django", "makemessages", "-l", "ar", "--no-obsolete"],
        cwd=copy,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert locale_snapshot() == before, "makemessages changed the real catalogues"

    extracted = parse_po(copy / "locale" / "ar" / "LC_MESSAGES" / "django.po")[1:]
    committed = {message_id(e) for e in messages("ar")}
    fresh = {message_id(e) for e in extracted}
    problems = [f"new in the source: {key}" for key in sorted(fresh - committed)]
    problems += [f"no longer in the source: {key}" for key in sorted(committed - fresh)]
    problems += [
        f"{'fuzzy' if e.fuzzy else 'untranslated'}: {message_id(e)}"
        for e in extracted
        if (e.fuzzy or not e.translated) and message_id(e) in committed
    ]
    assert not problems, (
        "the Arabic catalogue does not match the source; run `make messages` and translate "
        "(then compile):\n" + "\n".join(problems)
    )


def compiled_catalogue(mo_file: Path) -> dict[object, str]:
    with mo_file.open("rb") as handle:
        catalogue = dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]
    catalogue.pop("", None)  # the header: its dates change on every extraction
    return catalogue


def expected_catalogue(language: str) -> dict[object, str]:
    """What msgfmt compiles: translated entries that are not fuzzy."""
    catalogue: dict[object, str] = {}
    for entry in messages(language):
        if not entry.translated or entry.fuzzy:
            continue
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.msgid_plural is None:
            catalogue[key] = entry.msgstr[0]
        else:
            for index, form in enumerate(entry.msgstr):
                catalogue[(key, index)] = form
    return catalogue


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_is_up_to_date(language: str, tmp_path: Path) -> None:
    """The .mo files are committed: after editing a .po, run
    `cd peerlearn && django-admin compilemessages`."""
    committed = compiled_catalogue(po_path(language).with_suffix(".mo"))
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        fresh = expected_catalogue(language)
    else:
        target = tmp_path / "django.mo"
        result = subprocess.run(  # noqa: S603 - a fixed program on the repository's own files
            [msgfmt, "--check-format", "--check-header", "-o", str(target), str(po_path(language))],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        fresh = compiled_catalogue(target)
        assert fresh == expected_catalogue(language), "the test's .po reader disagrees with msgfmt"
    stale = sorted(str(key) for key in fresh.keys() ^ committed.keys())
    stale += sorted(
        str(key) for key in fresh.keys() & committed.keys() if fresh[key] != committed[key]
    )
    assert not stale, "django.mo is out of date (run compilemessages); differs in:\n" + "\n".join(
        stale[:20]
    )


def test_django_serves_arabic_right_to_left() -> None:
    with translation.override("ar"):
        assert translation.get_language_bidi()
        assert translation.gettext("Sign in") == "تسجيل الدخول"
        forms = [
            translation.ngettext("%(counter)s person", "%(counter)s people", n) % {"counter": n}
            for n in (0, 1, 2, 3, 11, 100)
        ]
    assert forms == ["لا أحد", "شخص واحد", "شخصان", "3 أشخاص", "11 شخصًا", "100 شخص"]

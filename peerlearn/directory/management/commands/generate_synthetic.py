"""Add a synthetic directory for scale tests (see `peerlearn.directory.synthetic`)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper
from django.utils.translation import gettext as _

from peerlearn.directory import synthetic


class _ProgressStream:
    """Lets tqdm redraw its bar in place on the command's stderr, which
    otherwise ends every write with a new line and colours it as an error."""

    def __init__(self, wrapper: OutputWrapper) -> None:
        self.wrapper = wrapper

    def write(self, text: str) -> None:
        self.wrapper.write(text, style_func=lambda same: same, ending="")

    def flush(self) -> None:
        self.wrapper.flush()


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Translated when the command is created: argparse needs a plain string.
        self.help = _(
            "Add a reproducible synthetic directory for scale tests: local governments in "
            "many countries, their association memberships, and people with working "
            "languages and expertise. All names are fictional and e-mail addresses end in "
            ".example. Running the command again adds more rows; --replace removes the "
            "previous synthetic rows first. Demo and real rows are never touched."
        )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--local-governments",
            type=int,
            default=0,
            metavar="N",
            help=_("Number of local governments to add (default: 0)."),
        )
        parser.add_argument(
            "--people",
            type=int,
            default=0,
            metavar="M",
            help=_(
                "Number of people to add; they work for the local governments added by "
                "this run, or for the synthetic ones already there when it adds none."
            ),
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=1,
            help=_("The same seed on the same database gives the same rows."),
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help=_("Remove every synthetic row before adding the new ones."),
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=synthetic.DEFAULT_BATCH_SIZE,
            help=_("Rows written per transaction (default: %(default)s)."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        progress: Any = _ProgressStream(self.stderr) if options["verbosity"] >= 1 else None
        try:
            result = synthetic.generate(
                local_governments=options["local_governments"],
                people=options["people"],
                seed=options["seed"],
                replace=options["replace"],
                batch_size=options["batch_size"],
                progress=progress,
            )
        except synthetic.SyntheticDataError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] < 1:
            return
        if options["replace"]:
            self.stdout.write(
                _("Removed %(rows)d synthetic rows in %(seconds).1f s.")
                % {"rows": result.removed, "seconds": result.removal_seconds}
            )
        self.stdout.write(
            _(
                "Added %(local_governments)d local governments, %(memberships)d memberships, "
                "%(people)d people and %(expertise)d expertise entries: %(rows)d rows in "
                "%(seconds).1f s (%(rate)d rows/s)."
            )
            % {
                "local_governments": result.local_governments,
                "memberships": result.memberships,
                "people": result.people,
                "expertise": result.expertise,
                "rows": result.rows,
                "seconds": result.seconds,
                "rate": result.rows_per_second,
            }
        )

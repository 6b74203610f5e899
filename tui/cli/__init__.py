"""The `pantau` command line: the desk, the demo, the headless poller and feed management."""

import importlib
import io
import logging
import os
import sys
from importlib.metadata import version

import click
from rich.console import Console
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from fetchers.reachability import any_reachable
from storage.feeds import enabled_feeds
from tui.cli.common import DeskError, database_problem, is_read_only, open_engine
from tui.cli.desk_db import DB_HELP, DB_METAVAR, with_db_option
from tui.cli.feeds import seed_default_feeds
from tui.config import ConfigError, Settings, load_settings
from tui.logs import log_file, setup_logging

log = logging.getLogger(__name__)

DEFAULT_DEMO_RELEASE_S = 3.0

SUBCOMMANDS = {
    "feeds": "tui.cli.feeds",
    "poll": "tui.cli.poll",
    "extract": "tui.cli.tagging",
    "tag": "tui.cli.tagging",
    "retag": "tui.cli.tagging",
    "actors": "tui.cli.tagging",
    "brief": "tui.cli.brief",
    "export": "tui.cli.db",
    "db": "tui.cli.db",
    "doctor": "tui.cli.db",
    "eval": "tui.cli.eval:eval_command",
    "learn": "tui.cli.learn",
    "search": "tui.cli.search",
}
"""Each command's module (and its attribute, when not named after the command), imported only when the
command runs: plain `pantau` opens the desk without loading the poller, trafilatura and httpx first
(click's documented lazy-loading pattern)."""

DESK_FREE = frozenset({"demo", "extract", "tag", "eval", "db copy"})
"""Commands that do not read the desk's database (the demo has its own; `db copy` names both of its): they accept
`--db` after their name, as before it, without their help listing it."""


class DeskGroup(click.Group):
    """The `pantau` group: a database error in any command becomes a worded DeskError, and anything
    unexpected is logged and reported in one line that names the log file, never as a traceback.
    Commands of SUBCOMMANDS load on first use; every command takes `--db` after its name too."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *SUBCOMMANDS])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in SUBCOMMANDS:
            module, _, attribute = SUBCOMMANDS[cmd_name].partition(":")
            command = getattr(importlib.import_module(module), attribute or cmd_name)
        else:
            command = super().get_command(ctx, cmd_name)
        return command and with_db_option(command, cmd_name, DESK_FREE)

    def main(self, *args, **kwargs):
        """Click's main, then what is still buffered for standard output: a reader that went away before it
        (`pantau --help | head -1`) ends the command quietly."""
        try:
            try:
                return super().main(*args, **kwargs)
            finally:
                sys.stdout.flush()
        except BrokenPipeError:
            _discard_output()
            sys.exit(1)

    def invoke(self, ctx: click.Context):
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a closed pipe is found here, where it is handled, not at the interpreter's exit
            return result
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError as error:
            _discard_output()
            raise click.exceptions.Exit(1) from error
        except OSError as error:
            log.exception("file error")
            where = f" {error.filename}" if error.filename else ""
            raise DeskError(f"cannot use{where}: {error.strerror or error}") from error
        except SQLAlchemyError as error:
            log.exception("database error")
            url = ctx.obj.db_url if isinstance(ctx.obj, Settings) else "(unknown)"
            raise DeskError(f"{database_problem(error, url)} (details in {log_file()})") from error
        except Exception as error:
            log.exception("unexpected error")
            raise DeskError(f"Pantau stopped on an unexpected error ({type(error).__name__}); "
                            f"the details are in {log_file()}") from error


def _discard_output() -> None:
    """The reader of standard output went away (`pantau export | head`): what is left goes to /dev/null, so
    nothing says "Broken pipe" (Python's own recipe; click's wrapper would still fail at the interpreter's exit)."""
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), sys.stdout.fileno())


@click.group(cls=DeskGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version("pantau"), prog_name="pantau")
@click.option("--db", metavar=DB_METAVAR, help=DB_HELP)
@click.option("--demo-if-offline", is_flag=True, help="Open the demo desk when no configured feed can be reached.")
@click.pass_context
def main(ctx: click.Context, db: str | None, demo_if_offline: bool) -> None:
    """Pantau: a terminal monitoring desk for labour–police news. Without a command, opens the desk."""
    setup_logging()
    try:
        settings = load_settings(db=db)
    except ConfigError as error:
        raise DeskError(f"cannot read the configuration: {error}") from error
    except OSError as error:
        raise DeskError(f"cannot create {error.filename}: {error.strerror}; make it writable, "
                        "or name a database elsewhere with --db or PANTAU_DB") from error
    ctx.obj = settings
    if ctx.invoked_subcommand is None:
        _open_desk(settings, demo_if_offline)


def _open_desk(settings: Settings, demo_if_offline: bool) -> None:
    engine = open_engine(settings, writes=False)
    if not is_read_only(engine):
        seed_default_feeds(engine)
    if demo_if_offline and not any_reachable([feed.url for feed in enabled_feeds(engine)]):
        log.info("no configured feed can be reached: opening the demo desk")
        _run_demo(settings, DEFAULT_DEMO_RELEASE_S, offline=True)
        return
    run_logging_crashes(desk_app(engine, settings))


def desk_app(engine: Engine, settings: Settings):
    """The desk on `engine`; on a read-only database it does not poll and says that tagging is off."""
    from tui.app import PantauApp
    from tui.hand_tagging import READ_ONLY

    read_only = is_read_only(engine)
    app = PantauApp(engine, settings, read_only=read_only)
    if read_only:
        app.notify(READ_ONLY, title="Read-only", severity="warning", timeout=30)
    return app


def run_logging_crashes(app, **run_options) -> None:
    """Run a Textual app; an unhandled error's traceback goes to the log file, the screen gets one line."""
    path = log_file()
    try:
        log_stream = path.open("a", encoding="utf-8")
    except OSError:
        log_stream = io.StringIO()  # nowhere to keep the traceback; the screen still gets one line
    with log_stream:
        app.error_console = Console(file=log_stream, markup=False, highlight=False, width=120)
        app.run(**run_options)
    if app.return_code:
        raise DeskError(f"the desk stopped on an unexpected error; the details are in {path}")


@main.command()
@click.option("--every", "release_every_s", type=click.FloatRange(min=0.1), default=DEFAULT_DEMO_RELEASE_S,
              show_default=True, help="Seconds between new demo articles.")
@click.option("--fresh", is_flag=True, help="Start over: discard the demo database of the last demo, tags and all.")
@click.pass_obj
def demo(settings: Settings, release_every_s: float, fresh: bool) -> None:
    """Open the demo desk, fed by five fictional local news sites; what you tag is kept for the next demo."""
    _run_demo(settings, release_every_s, fresh=fresh)


def _run_demo(settings: Settings, release_every_s: float, *, fresh: bool = False, offline: bool = False) -> None:
    from tui.demo import demo_desk

    with demo_desk(settings, release_every_s, fresh=fresh, offline=offline) as app:
        run_logging_crashes(app)


def run() -> None:
    """The console entry point: anything unexpected is logged, and the user is told where."""
    try:
        main()
    except Exception:
        log.exception("unexpected error")
        click.echo(f"Pantau stopped on an unexpected error; the details are in {log_file()}", err=True)
        sys.exit(1)

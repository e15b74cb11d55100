"""The ``kvmcheck`` command line (documented for users in docs/using-kvmcheck.rst)."""

from __future__ import annotations

import os
import sys
from types import SimpleNamespace

from kvmcheck import __version__
from kvmcheck.cli_input import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    MIB,
    InputError,
    bad_git_dir,
    git_dir_problem,
    read_input,
    shown_name,
)
from kvmcheck.messages import LANGUAGES, catalog, language_from_locale

# The result's TypedDicts, for annotations: a run need not import typing.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from kvmcheck.results import CheckResult

# All inputs together: far above any real posting, and a bound on memory
# (checking peaks at up to ~40 bytes per input byte, for many short lines).
DEFAULT_MAX_INPUT_MIB = 16


def _parser():  # -> argparse.ArgumentParser, imported only here
    import argparse

    class _ArgumentParser(argparse.ArgumentParser):
        """argparse, but a failed write of ``--help``, ``--version`` or a usage
        error reaches main() (argparse drops it: ``--version >/dev/full`` would
        say nothing and exit 0)."""

        def _print_message(self, message: str, file=None) -> None:
            stream = file or sys.stderr
            if message and stream is not None:
                stream.write(message)

    parser = _ArgumentParser(
        prog="kvmcheck",
        description="Check Linux KVM x86 patches against the KVM x86 maintainer handbook.",
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="patch, mbox, mail, git show/log -p output, commit message or "
        "diff; several files form one series; none or '-' reads stdin",
    )
    parser.add_argument("--format", choices=("text", "json", "github"), default="text")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of messages and links (default: from the locale)",
    )
    parser.add_argument(
        "--min-severity",
        choices=("info", "warning", "error"),
        default="info",
        help="hide findings below this level",
    )
    parser.add_argument(
        "--ignore", action="append", default=[], metavar="RULE[,RULE...]", help="skip these rules"
    )
    parser.add_argument("--strict", action="store_true", help="warnings also fail the run")
    parser.add_argument(
        "--terse",
        action="store_true",
        help="text format: finding lines only, no checklist or summary, no "
        "output for a clean patch (for b4 prep --check)",
    )
    parser.add_argument(
        "--git-dir",
        metavar="PATH",
        help="verify Fixes: and commit references against this git repository",
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        default=None,
        help="base of the handbook links (default: $KVMCHECK_BASE_URL, else "
        "relative handbook/<lang>/... links)",
    )
    fixing = parser.add_mutually_exclusive_group()
    fixing.add_argument(
        "--fix", action="store_true", help="print FILE (or stdin) with every fixable finding fixed"
    )
    fixing.add_argument(
        "--fix-inplace",
        action="store_true",
        help="fix every FILE in place (each rewritten atomically)",
    )
    parser.add_argument(
        "--max-input-size",
        type=_positive_int,
        default=DEFAULT_MAX_INPUT_MIB,
        metavar="MIB",
        help="stop reading past this many MiB of input, all files together "
        f"(default: {DEFAULT_MAX_INPUT_MIB})",
    )
    parser.add_argument(
        "--list-rules", action="store_true", help="print every rule: id, severity, section"
    )
    parser.add_argument("--version", action="version", version=f"kvmcheck {__version__}")
    return parser


def _plain_run_options() -> dict[str, object]:
    """What _parser() gives every option when none is on the command line."""
    return {
        "format": "text",
        "lang": None,
        "min_severity": "info",
        "ignore": [],
        "strict": False,
        "terse": False,
        "git_dir": None,
        "base_url": None,
        "fix": False,
        "fix_inplace": False,
        "max_input_size": DEFAULT_MAX_INPUT_MIB,
        "list_rules": False,
    }


def _parse_args(argv: list[str] | None) -> SimpleNamespace:
    """The options of this run.  Most runs name files and nothing else; for
    them argparse is skipped: importing and building it is about a tenth of
    a one-patch run.  Anything starting with "-" (an option, "-" for stdin,
    "--") goes to argparse."""
    arguments = sys.argv[1:] if argv is None else argv
    if any(argument.startswith("-") for argument in arguments):
        return _parser().parse_args(argv)
    return SimpleNamespace(files=list(arguments), **_plain_run_options())


def _list_rules() -> str:
    from kvmcheck.rules import RULES

    return "".join(
        f"{rule.id}\t{'|'.join(rule.severities)}\t{rule.section}\n" for rule in RULES.values()
    )


def _positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise ValueError(text)
    return value


def _read_inputs(
    files: list[str], limit_mib: int, messages: dict[str, str]
) -> list[tuple[str, bytes]] | None:
    """(name, content) of every input, at most ``limit_mib`` MiB in all; None
    (after saying why on stderr) when one cannot be read."""
    inputs = []
    budget = limit_mib * MIB
    try:
        for name in files or ["-"]:
            data = read_input(name, budget, limit_mib, messages)
            inputs.append((shown_name(name), data))
            budget -= len(data)
    except InputError as error:
        print(error, file=sys.stderr)
        return None
    return inputs


def _exit_status(result: CheckResult, strict: bool) -> int:
    summary = result["summary"]
    if summary["error"] or (strict and summary["warning"]):
        return EXIT_FINDINGS
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run kvmcheck; returns the exit status (0 clean, 1 findings, 2 usage error).

    A standard output that is closed or cannot take the report (a full
    disk) is a usage error too: a message, status 2, no traceback.
    """
    messages = catalog(language_from_locale(dict(os.environ)))
    if sys.stderr is None:  # started with stderr closed (2>&-)
        # print(file=None) would put messages into the report on stdout.
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the whole run
    if sys.stdout is None:  # started with stdout closed (>&-)
        print(messages["cli.unwritable"].format(reason=messages["cli.closed"]), file=sys.stderr)
        return EXIT_USAGE
    try:
        status = _run(argv)
        sys.stdout.flush()
    except BrokenPipeError:  # kvmcheck --list-rules | head
        _discard_stdout()
        return EXIT_OK
    except OSError as error:
        _discard_stdout()
        print(messages["cli.unwritable"].format(reason=error.strerror or error), file=sys.stderr)
        return EXIT_USAGE
    return status


def _discard_stdout() -> None:
    """Point standard output at /dev/null, so that the interpreter's last
    flush of what is still buffered cannot fail again on the way out."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor behind it: nothing will be flushed
        pass


def _run(argv: list[str] | None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    try:
        args = _parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    lang = args.lang or language_from_locale(dict(os.environ))
    messages = catalog(lang)
    if args.list_rules:
        sys.stdout.write(_list_rules())
        from kvmcheck import typos

        if not typos.available():
            # On stderr: the list on stdout keeps its format for scripts.
            print(messages["cli.typos-missing"], file=sys.stderr)
        return EXIT_OK

    from kvmcheck.rules import RULES

    ignore = [rule for group in args.ignore for rule in group.split(",") if rule.strip()]
    ignore = [rule.strip() for rule in ignore]
    for rule in ignore:
        if rule not in RULES:
            print(messages["cli.unknown-rule"].format(rule=rule), file=sys.stderr)
            return EXIT_USAGE
    if args.files.count("-") > 1:
        # The second read of stdin would be empty, and reported as a broken patch.
        print(messages["cli.stdin-twice"], file=sys.stderr)
        return EXIT_USAGE
    problem = git_dir_problem(args.git_dir, messages)
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    if args.fix or args.fix_inplace:
        from kvmcheck.fix_files import run_fix

        return run_fix(
            args.files,
            inplace=args.fix_inplace,
            git_dir=args.git_dir,
            ignore=ignore,
            messages=messages,
            limit_mib=args.max_input_size,
        )

    from kvmcheck.api import check_texts

    inputs = _read_inputs(args.files, args.max_input_size, messages)
    if inputs is None:
        return EXIT_USAGE
    base_url = args.base_url if args.base_url is not None else os.environ.get("KVMCHECK_BASE_URL")
    try:
        result = check_texts(
            inputs,
            lang=lang,
            base_url=base_url or None,
            ignore=ignore,
            min_severity=args.min_severity,
            git_dir=args.git_dir,
        )
    except Exception as error:  # no traceback for the user, ever
        from kvmcheck.gitrefs import GitDirError

        if isinstance(error, GitDirError):  # git failed during the run
            print(bad_git_dir(args.git_dir, error, messages), file=sys.stderr)
        else:
            print(
                messages["cli.internal-error"].format(kind=type(error).__name__, error=error),
                file=sys.stderr,
            )
        return EXIT_USAGE

    from kvmcheck import output

    try:
        if args.format == "json":
            import json  # here only: most runs print text

            sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        elif args.format == "github":
            sys.stdout.write(output.format_github(result))
        else:
            sys.stdout.write(output.format_text(result, terse=args.terse))
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (kvmcheck ... | head): not an error of ours.
        _discard_stdout()
    return _exit_status(result, args.strict)

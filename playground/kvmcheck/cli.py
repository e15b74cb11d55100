"""The ``kvmcheck`` command line (documented for users in docs/using-kvmcheck.rst)."""

from __future__ import annotations

import argparse
import json
import os
import sys

from kvmcheck import __version__
from kvmcheck.messages import LANGUAGES, catalog, language_from_locale

STDIN_NAME = "<stdin>"
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kvmcheck",
        description="Check Linux KVM x86 patches against the KVM x86 maintainer handbook.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="patch, mbox, mail, git show/log -p output, commit message or "
                             "diff; several files form one series; none or '-' reads stdin")
    parser.add_argument("--format", choices=("text", "json", "github"), default="text")
    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help="language of messages and links (default: from the locale)")
    parser.add_argument("--min-severity", choices=("info", "warning", "error"), default="info",
                        help="hide findings below this level")
    parser.add_argument("--ignore", action="append", default=[], metavar="RULE[,RULE...]",
                        help="skip these rules")
    parser.add_argument("--strict", action="store_true", help="warnings also fail the run")
    parser.add_argument("--terse", action="store_true",
                        help="text format: finding lines only, no checklist or summary, no "
                             "output for a clean patch (for b4 prep --check)")
    parser.add_argument("--git-dir", metavar="PATH",
                        help="verify Fixes: and commit references against this git repository")
    parser.add_argument("--base-url", metavar="URL", default=None,
                        help="base of the handbook links (default: $KVMCHECK_BASE_URL, else "
                             "relative handbook/<lang>/... links)")
    fixing = parser.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true",
                        help="print FILE (or stdin) with every fixable finding fixed")
    fixing.add_argument("--fix-inplace", action="store_true",
                        help="fix every FILE in place (each rewritten atomically)")
    parser.add_argument("--list-rules", action="store_true",
                        help="print every rule: id, severity, section")
    parser.add_argument("--version", action="version", version=f"kvmcheck {__version__}")
    return parser


def _list_rules() -> str:
    from kvmcheck.rules import RULES

    return "".join(
        f"{rule.id}\t{'|'.join(rule.severities)}\t{rule.section}\n" for rule in RULES.values()
    )


def _read_inputs(files: list[str], messages: dict[str, str]) -> list[tuple[str, bytes]] | None:
    inputs = []
    for name in files or ["-"]:
        if name == "-":
            inputs.append((STDIN_NAME, sys.stdin.buffer.read()))
            continue
        try:
            with open(name, "rb") as handle:
                inputs.append((name, handle.read()))
        except OSError as error:
            reason = error.strerror or str(error)
            print(messages["cli.unreadable"].format(path=name, reason=reason), file=sys.stderr)
            return None
    return inputs


def _exit_status(result: dict, strict: bool) -> int:
    summary = result["summary"]
    if summary["error"] or (strict and summary["warning"]):
        return EXIT_FINDINGS
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run kvmcheck; returns the exit status (0 clean, 1 findings, 2 usage error)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    try:
        args = _parser().parse_args(argv)
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
    if args.fix or args.fix_inplace:
        from kvmcheck.fix_files import run_fix

        return run_fix(args.files, inplace=args.fix_inplace, git_dir=args.git_dir,
                       ignore=ignore, messages=messages)

    from kvmcheck.api import check_texts

    inputs = _read_inputs(args.files, messages)
    if inputs is None:
        return EXIT_USAGE
    base_url = args.base_url if args.base_url is not None else os.environ.get("KVMCHECK_BASE_URL")
    try:
        result = check_texts(inputs, lang=lang, base_url=base_url or None, ignore=ignore,
                             min_severity=args.min_severity, git_dir=args.git_dir)
    except Exception as error:  # no traceback for the user, ever
        from kvmcheck.gitrefs import GitDirError

        if isinstance(error, GitDirError):
            print(messages["cli.bad-git-dir"].format(path=args.git_dir, reason=error),
                  file=sys.stderr)
        else:
            print(f"kvmcheck: internal error ({type(error).__name__}: {error}); "
                  "please report it with the input", file=sys.stderr)
        return EXIT_USAGE

    from kvmcheck import output

    try:
        if args.format == "json":
            sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        elif args.format == "github":
            sys.stdout.write(output.format_github(result))
        else:
            sys.stdout.write(output.format_text(result, terse=args.terse))
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (kvmcheck ... | head): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return _exit_status(result, args.strict)

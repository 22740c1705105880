"""Rename selectors to the one naming convention (docs/development.md, "Selector names").

Rewrites every use of the old names, as whole words, in the project's .py, .html, .md and .txt files (not in
.venv, .git, migrations or compiled files), so code written against the old names on another branch can be
brought along after a merge. Safe to run again: a tree without old names is left as it is.

    .venv/bin/python tools/rename_selectors.py            # rewrite the tree the current directory is in
    .venv/bin/python tools/rename_selectors.py --dry-run  # only list the files and names it would change
    .venv/bin/python tools/rename_selectors.py --check    # exit 1 while an old name is still used
    .venv/bin/python tools/rename_selectors.py PATH ...   # only these files or folders
"""

import argparse
import re
import sys
from pathlib import Path

# old name -> new name (module: the selectors module that defines it).
RENAMES = {
    # courses.selectors
    "organisations_for": "organisations_visible_to",
    "attendance_progress_for_enrolments": "attendance_progress_of_enrolments",
    "placement_summaries_for_enrolments": "placement_summaries_of_enrolments",
    "cohorts_in_reports_of": "cohorts_in_reports_visible_to",
    "partner_organisations_of": "own_partner_organisations",
    "sites_for": "sites_visible_to",
    "programmes_for": "programmes_visible_to",
    "cohort_choices_for": "cohort_choices_visible_to",
    "attendance_progress_for_cohort": "attendance_progress_of_cohort",
    "attendance_progress_for_enrolment": "attendance_progress_of_enrolment",
    "sessions_today_for": "sessions_today_visible_to",
    "registers_to_take_for": "registers_to_take_visible_to",
    "_progress_for": "_progress_of_enrolments",
    # accounts.selectors
    "open_invitation_of": "open_invitation_of_user",
    "history_of": "history_of_user",
    # certificates.selectors
    "certificates_for_download": "certificates_to_download",
    # notifications.selectors
    "notifications_of": "notifications_of_user",
    "downloads_of": "downloads_of_user",
    # outcomes.selectors
    "facility_types_of": "facility_types_of_event",
    # placements.selectors
    "facility_choices_for": "facility_choices_visible_to",
    "pending_entries_for_supervisor": "pending_entries_visible_to",
    "pending_groups_for_supervisor": "pending_groups_visible_to",
    "placement_summaries_for_cohort": "placement_summaries_of_cohort",
    "placement_summary_for_enrolment": "placement_summary_of_enrolment",
    "placements_for_page": "placements_to_show",
    # privacy.selectors
    "retention_end_of": "retention_end_of_participant",
    # spreadsheets.selectors
    "roster_for_export": "roster_to_export",
    "attendance_for_export": "attendance_to_export",
    "placement_rows_for_export": "placement_rows_to_export",
    "certificates_for_export": "certificates_to_export",
}
SUFFIXES = {".py", ".html", ".md", ".txt"}
SKIPPED_DIRS = {".venv", ".git", "__pycache__", "node_modules", "staticfiles", "migrations", "locale"}
PATTERN = re.compile(r"\b(" + "|".join(sorted(map(re.escape, RENAMES), key=len, reverse=True)) + r")\b")


def files(paths: list[Path]):
    for path in paths:
        candidates = [path] if path.is_file() else sorted(path.rglob("*"))
        for candidate in candidates:
            # Never itself (any copy of it: it lists the old names on purpose).
            if candidate.suffix not in SUFFIXES or not candidate.is_file() or candidate.name == Path(__file__).name:
                continue
            if SKIPPED_DIRS.intersection(candidate.relative_to(path).parts if path.is_dir() else ()):
                continue
            yield candidate


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[Path.cwd()])
    parser.add_argument("--dry-run", action="store_true", help="list what would change, change nothing")
    parser.add_argument("--check", action="store_true", help="exit 1 if an old name is still used")
    args = parser.parse_args(argv)
    found = 0
    for path in files(args.paths):
        text = path.read_text(encoding="utf-8")
        names = sorted(set(PATTERN.findall(text)))
        if not names:
            continue
        found += 1
        print(f"{path}: {', '.join(f'{name} -> {RENAMES[name]}' for name in names)}")
        if not (args.dry_run or args.check):
            path.write_text(PATTERN.sub(lambda match: RENAMES[match.group(1)], text), encoding="utf-8")
    if args.check and found:
        print(f"{found} file(s) still use old selector names", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

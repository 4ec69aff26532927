#!/usr/bin/env python3
"""Tables PIT's mutations.xml of each module given on the command line (Markdown, for mutation/README.md).

Detected = KILLED, TIMED_OUT, MEMORY_ERROR, RUN_ERROR (PIT's own definition); the score is detected /
all mutants, so mutants no test reaches (NO_COVERAGE) count against it.
"""
import collections
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

DETECTED = {"KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR"}


def main(modules):
    root = Path(__file__).resolve().parent.parent
    rows, survivors = [], {}
    for module in modules:
        report = root / module / "target" / "pit-reports" / "mutations.xml"
        if not report.exists():
            rows.append(f"| {module} | no report ({report.relative_to(root)} missing) | | | | |")
            continue
        statuses = collections.Counter()
        by_class = collections.Counter()
        for m in ET.parse(report).getroot():
            status = m.get("status")
            statuses[status] += 1
            if status not in DETECTED:
                by_class[(m.findtext("mutatedClass"), status)] += 1
        total = sum(statuses.values())
        detected = sum(statuses[s] for s in DETECTED)
        score = 100.0 * detected / total if total else 100.0
        rows.append(f"| {module} | {total} | {detected} | {statuses['SURVIVED']} | {statuses['NO_COVERAGE']} | {score:.1f}% |")
        survivors[module] = by_class
    print("| module | mutants | detected | survived | no coverage | score |")
    print("|---|---:|---:|---:|---:|---:|")
    print("\n".join(rows))
    for module, by_class in survivors.items():
        if not by_class:
            continue
        print(f"\n#### {module}: undetected mutants by class\n")
        print("| class | survived | no coverage |")
        print("|---|---:|---:|")
        classes = sorted({c for c, _ in by_class}, key=lambda c: -(by_class[(c, 'SURVIVED')] + by_class[(c, 'NO_COVERAGE')]))
        for c in classes:
            print(f"| `{c}` | {by_class[(c, 'SURVIVED')]} | {by_class[(c, 'NO_COVERAGE')]} |")


if __name__ == "__main__":
    main(sys.argv[1:] or ["scim-core", "scim-filter", "scim-patch", "scim-server", "tracktik-adapter"])

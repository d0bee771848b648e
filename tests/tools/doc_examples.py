#!/usr/bin/env python3
"""Every YAML example in docs/format.md is one a user can copy: each is
marked, on the line before its fence, with what it is, and is checked by
`boardreport check` as that (no errors; warnings are the example's point
at times).

    <!-- check: report -->      a whole report.yaml, checked as written
    <!-- check: main -->        keys of the main file; what it lacks
                                (report:, periods:, sections:) is added
    <!-- check: sections -->    a list of sections, in a paper that has
                                the measures they name
    <!-- check: measures -->    a list of measures (milestones: likewise)
    <!-- check: measure -->     keys of one measure
    <!-- check: finance_rows --> rows of a finance table
    <!-- check: part REASON --> not checkable alone (say why)

A fence with no mark fails, so that a new example is checked too.

    doc_examples.py BOARDREPORT docs/format.md WORKDIR
prints one line per failure and exits 1 when any fails.
"""
import os
import re
import subprocess
import sys

import yaml

PERIOD = re.compile(r"(?<![\d/])(\d{4})(?:/(\d{2})(?: Q([1-4]))?|-(0[1-9]|1[0-2]))(?![\d-])")


def period_end(m):
    """The (year, month) a period ends: a sort key and tie test."""
    y = int(m.group(1))
    if m.group(4):
        return (y, int(m.group(4)))
    if m.group(3):
        q = int(m.group(3))
        return (y + 1, 3) if q == 4 else (y, 3 + 3 * q)
    return (y + 1, 3)


def periods_in(text):
    """The periods an example names, oldest first; of two ending together
    (2012/13 and its Q4) the first met."""
    ends = {}
    for m in PERIOD.finditer(text):
        ends.setdefault(period_end(m), m.group(0))
    return [ends[k] for k in sorted(ends)] or ["2019/20 Q1", "2019/20 Q2"]


# The paper the sections' examples are set in: the measures they name,
# with an objective, group, kind and a figure each (so that a selection
# selects something), a comparator and a finance table they name.
def base_measures(period):
    return [
        {"id": i, "title": i.replace("-", " ").capitalize(), "objective": o, "group": g,
         "kind": k, "polarity": "higher", "target": 2, "frequency": "quarterly",
         "values": {period: 1},
         "comparators": [{"name": "Similar Authorities", "value": 3}]}
        for i, o, g, k in BASE]


BASE_FINANCE = [{"id": "revenue-summary", "rows": [{"label": "Total", "budget": 10, "forecast": 11}]}]

BASE = [
        ("ks2", "A", "Schools Causing Concern", "strategic"),
        ("cin-rate", "B", "Child Protection", "contractual"),
        ("referral-rate", "B", "Child Protection", "contractual"),
        ("lac-rate", "C", "Children in Care", "strategic"),
        ("lac-visits", "C", "Children in Care", "strategic"),
        ("sickness-days", "E", "Governance", "strategic"),
        ("audit-actions", "E", "Governance", "strategic"),
        ("pdr", "E", "Governance", "strategic"),
]


def default_sections(doc):
    """Sections that show what a main-file example holds."""
    s = []
    if "objectives" in doc:
        s.append({"type": "profile"})
    if "measures" in doc:
        s.append({"type": "measure_table"})
    if "milestones" in doc:
        s.append({"type": "milestone_table"})
    for f in doc.get("finance") or []:
        if isinstance(f, dict) and "id" in f:
            s.append({"type": "finance_table", "finance": f["id"]})
    if "commentary" in doc:
        s.append({"type": "commentary"})
    return s or [{"type": "paragraphs", "text": ["Example."]}]


def complete(kind, text):
    """The report.yaml that checks an example of this kind."""
    data = yaml.safe_load(text.replace("title: …", "title: Example"))
    periods = periods_in(text)
    if kind == "main":
        doc = dict(data)
    elif kind == "sections":
        doc = {"sections": data}
    elif kind in ("measures", "milestones"):
        doc = {kind: data}
    elif kind == "measure":
        doc = {"measures": [dict({"id": "example", "title": "Example", "polarity": "higher"},
                                 **data)]}
    elif kind == "finance_rows":
        doc = {"finance": [{"id": "example", "rows": data}]}
    else:
        raise ValueError(kind)
    report = dict(doc.get("report") or {})
    report.setdefault("title", "Example")
    report.setdefault("period", doc.get("periods", periods)[-1])
    doc["report"] = report
    doc.setdefault("periods", periods)
    if kind == "sections":
        doc["measures"] = base_measures(report["period"])
        doc["finance"] = BASE_FINANCE
        doc["objectives"] = [{"id": o, "title": "Objective " + o} for o in "ABCDE"]
    doc.setdefault("sections", default_sections(doc))
    # the people its leads name (an included file's people: are the main file's)
    leads = set(re.findall(r"\blead: (\w+)", text))
    if leads and "people" not in doc:
        doc["people"] = {k: "Person " + k for k in sorted(leads)}
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=1000)


def examples(path):
    """(line, kind, text) for each ```yaml fence, its mark read from the
    line before it."""
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        m = re.match(r"^(\s*)```yaml\s*$", lines[i])
        if not m:
            i += 1
            continue
        indent, start = m.group(1), i
        mark = re.match(r"^\s*<!-- check: (\w+)(.*?) -->\s*$", lines[i - 1]) if i else None
        body = []
        i += 1
        while i < len(lines) and not lines[i].strip().startswith("```"):
            body.append(lines[i][len(indent):] if lines[i].startswith(indent) else lines[i])
            i += 1
        yield start + 1, (mark.group(1), mark.group(2).strip()) if mark else None, "\n".join(body) + "\n"
        i += 1


def main():
    br, doc, work = sys.argv[1:4]
    failed = checked = 0
    for line, mark, text in examples(doc):
        where = "%s:%d" % (doc, line)
        if not mark:
            print("%s: a yaml example with no <!-- check: KIND --> mark before it" % where)
            failed += 1
            continue
        kind, reason = mark
        if kind == "part":
            if not reason:
                print("%s: 'check: part' needs a reason" % where)
                failed += 1
            try:
                list(yaml.safe_load_all(text))
            except yaml.YAMLError as e:
                if "duplicate" not in reason:
                    print("%s: not YAML: %s" % (where, str(e).splitlines()[0]))
                    failed += 1
            continue
        folder = os.path.join(work, "example-%d" % line)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "report.yaml"), "w", encoding="utf-8") as f:
            f.write(text if kind == "report" else complete(kind, text))
        r = subprocess.run([br, "check", folder], capture_output=True, text=True)
        checked += 1
        if r.returncode != 0:
            errors = [l for l in r.stderr.splitlines() if ": error: " in l]
            print("%s (%s): check fails: %s" % (where, kind, "; ".join(errors[:3]) or r.stderr[:200]))
            failed += 1
    print("doc examples: %d checked, %d failed" % (checked, failed), file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

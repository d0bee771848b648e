#!/usr/bin/env python3
"""check_xlsx.py WORKBOOK EXPORT_JSON: reads boardreport's xlsx export with
openpyxl (a reader independent of libxlsxwriter) and checks it against the
JSON export of the same report:

- sheets Measures, Values, Milestones, Finance, Objectives, Report;
- each header row frozen and filtered; every column at least as wide as its
  longest entry, up to 40 characters (60 for prose), and a longer entry
  wraps;
- a row per measure, milestone, finance row and total, objective; every
  period's value the JSON's number (a number cell), text values as text;
- status cells carry the template's word on a solid fill;
- dates (the report's, due dates, period ends) are dates.

Prints each problem and exits 1 if any."""
import datetime
import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter

problems = []


def problem(msg):
    problems.append(msg)


def header(ws):
    return {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}


def rows(ws):
    return list(ws.iter_rows(min_row=2, values_only=False))


def check_layout(ws):
    if ws.freeze_panes is None or not ws.freeze_panes.endswith("2") or ws.freeze_panes[0] > "C":
        problem(f"{ws.title}: header row not frozen ({ws.freeze_panes})")
    if not ws.auto_filter.ref or not ws.auto_filter.ref.startswith("A1:"):
        problem(f"{ws.title}: no filter on the header row")
    for c in range(1, ws.max_column + 1):
        width = ws.column_dimensions[get_column_letter(c)].width
        longest = 0
        for r in range(2, ws.max_row + 1):
            cell = ws.cell(r, c)
            if isinstance(cell.value, str):
                longest = max(longest, len(cell.value))
                if len(cell.value) > 60 and not cell.alignment.wrap_text:
                    problem(f"{ws.title}: {cell.coordinate} holds {len(cell.value)} characters unwrapped")
        need = min(longest, 40)
        if width is None or width < need:
            problem(f"{ws.title}: column {ws.cell(1, c).value!r} is {width} wide for entries of {need}")
        if width is not None and width > 63:
            problem(f"{ws.title}: column {ws.cell(1, c).value!r} is {width} wide")


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def same_value(cell, want, where):
    if want is None:
        if cell.value not in (None, ""):
            problem(f"{where}: {cell.value!r} where the JSON has none")
    elif isinstance(want, str):
        if cell.value != want:
            problem(f"{where}: {cell.value!r}, the JSON has the text {want!r}")
    elif not is_number(cell.value) or abs(cell.value - want) > 1e-9 * max(1, abs(want)):
        problem(f"{where}: {cell.value!r} ({cell.data_type}), the JSON has the number {want!r}")


def check_status(cell, where):
    if not isinstance(cell.value, str) or not cell.value:
        problem(f"{where}: a status cell without its word ({cell.value!r})")
    if cell.fill is None or cell.fill.fill_type != "solid":
        problem(f"{where}: a status cell without a fill")


def value_of(m, p):
    """The JSON's figure for period p: its number, else its text."""
    v = m["values"].get(p)
    return v if v is not None else m["values_text"].get(p)


def counted_rows(ws, items, what):
    """The sheet's rows, after checking there is one per item."""
    rs = rows(ws)
    if len(rs) != len(items):
        problem(f"{ws.title}: {len(rs)} rows for {len(items)} {what}")
    return rs


def check_measures(ws, data):
    h = header(ws)
    rs = counted_rows(ws, data["measures"], "measures")
    for row, m in zip(rs, data["measures"]):
        where = f"Measures {m['id']}"
        if row[h["ID"] - 1].value != m["id"]:
            problem(f"{where}: row holds {row[h['ID'] - 1].value!r}")
        # a period's column is headed as the paper names it ("December 2015")
        for p, label in zip(data["periods"], data.get("period_labels", data["periods"])):
            same_value(row[h[label] - 1], value_of(m, p), f"{where} {p}")
        check_status(row[h["Status"] - 1], where)


def check_values(ws, data):
    h = header(ws)
    want = {(m["id"], p) for m in data["measures"] for p in m["values"]}
    seen = set()
    for row in rows(ws):
        key = (row[h["ID"] - 1].value, row[h["Period"] - 1].value)
        seen.add(key)
        if not isinstance(row[h["Period end"] - 1].value, datetime.datetime):
            problem(f"Values {key}: period end is not a date")
        if row[h["Is the report period"] - 1].value is True:
            check_status(row[h["Status"] - 1], f"Values {key}")
    missing = want - seen
    if missing:
        problem(f"Values: no row for {sorted(missing)[:5]}")


def check_milestones(ws, data):
    h = header(ws)
    rs = counted_rows(ws, data["milestones"], "milestones")
    for row, ms in zip(rs, data["milestones"]):
        dates = [d for d in ms["due"] if len(d) == 10 and d[4] == "-"]
        due = row[h["Due"] - 1].value
        if dates:
            if not isinstance(due, datetime.datetime) or due.strftime("%Y-%m-%d") != max(dates):
                problem(f"Milestones {ms['id']}: due {due!r}, the JSON's last date is {max(dates)}")
        if ms["status"]:
            check_status(row[h["Status"] - 1], f"Milestones {ms['id']}")
        if row[h["Overdue"] - 1].value is not ms["overdue"]:
            problem(f"Milestones {ms['id']}: overdue {row[h['Overdue'] - 1].value!r}")


def check_finance(ws, data):
    h = header(ws)
    want = []
    for f in data["finance"]:
        want += [(f["id"], r["label"], r["budget"]["net"]) for r in f["rows"]]
        if f["total"] and f["total"]["label"]:
            want.append((f["id"], f["total"]["label"], f["total"]["budget"]["net"]))
    rs = rows(ws)
    if len(rs) != len(want):
        problem(f"Finance: {len(rs)} rows for {len(want)} rows and totals")
    for row, (fid, label, net) in zip(rs, want):
        if row[h["Table"] - 1].value != fid or row[h["Row"] - 1].value != label:
            problem(f"Finance: row {row[h['Row'] - 1].value!r} where {label!r} was expected")
        same_value(row[h["Budget net"] - 1], net, f"Finance {label} budget net")


def check_objectives(ws, data):
    rs = counted_rows(ws, data["objectives"], "objectives")
    h = header(ws)
    for row, o in zip(rs, data["objectives"]):
        check_status(row[h["Status"] - 1], f"Objectives {o['id']}")


def check_report(ws, data):
    fields = {r[0].value: r[1].value for r in rows(ws)}
    if fields.get("title") != data["report"]["title"]:
        problem(f"Report: title {fields.get('title')!r}")
    d = fields.get("date")
    if not isinstance(d, datetime.datetime) or d.strftime("%Y-%m-%d") != data["report"]["date"]:
        problem(f"Report: date {d!r}, the JSON has {data['report']['date']}")


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    data = json.load(open(sys.argv[2], encoding="utf-8"))
    sheets = ["Measures", "Values", "Milestones", "Finance", "Objectives", "Report"]
    if wb.sheetnames != sheets:
        problem(f"sheets {wb.sheetnames}, expected {sheets}")
        return
    for ws in wb:
        check_layout(ws)
    check_measures(wb["Measures"], data)
    check_values(wb["Values"], data)
    check_milestones(wb["Milestones"], data)
    check_finance(wb["Finance"], data)
    check_objectives(wb["Objectives"], data)
    check_report(wb["Report"], data)


main()
for p in problems[:30]:
    print(f"{sys.argv[1]}: {p}")
sys.exit(1 if problems else 0)

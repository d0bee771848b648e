#!/usr/bin/env python3
"""Writes boardreport.schema.json, the JSON Schema (Draft 7) of the YAML
format, to standard output:  python3 schema/generate.py > schema/boardreport.schema.json

Kept by hand beside the loader (src/load/build_*.c): a key the loader
reads that is missing here fails tests/integration/t_schema.sh, and so
does a schema file that is not this script's output.  The words of the
vocabulary (statuses, units, polarities, frequencies, milestone statuses,
finance columns and splits, milestone columns, section types) are read
from include/br_vocab.def, the table the loader itself is built from.
"""
import json
import os
import re

VOCAB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "include", "br_vocab.def")


def vocab(macro):
    """The YAML names of one kind of word in br_vocab.def, in its order
    (an entry with no YAML name, such as an unset frequency, is left out)."""
    names = []
    with open(VOCAB, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'%s\(\s*[A-Z_]+\s*,\s*"([^"]*)"' % macro, line)
            if m and m.group(1):
                names.append(m.group(1))
    if not names:
        raise SystemExit(f"generate.py: no {macro} entry in {VOCAB}")
    return names

text = {"type": ["string", "number", "boolean"]}
value = {"type": ["number", "string"]}
date = {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        "description": "an ISO date, 2019-10-17"}
period = {"type": "string",
          "pattern": r"^([0-9]{4}/[0-9]{2}( Q[1-4])?|[0-9]{4}-(0[1-9]|1[0-2]))$",
          "description": "a financial quarter (2019/20 Q2), a month (2015-12) or a financial year (2019/20)"}
key = {"type": "string", "pattern": r"^[A-Za-z0-9_.-]+$"}
mid = {"type": "string", "pattern": r"^[a-z0-9-]+$",
       "description": "unique; lower-case letters, digits and '-'"}
rag = {"enum": ["red", "amber", "green"]}
def obj(props, required=(), desc=None):
    o = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        o["required"] = list(required)
    if desc:
        o["description"] = desc
    return o
def one_or_list(s):
    return {"anyOf": [s, {"type": "array", "items": s}]}

def running(description):
    """A running header or footer: false (none) or its three slots."""
    slots = {"type": "object", "additionalProperties": False,
             "properties": {k: {"type": ["string", "null"]} for k in ("left", "center", "right")}}
    return {"description": description + ": false for none, or {left, center, right} (a slot left out is empty)",
            "anyOf": [{"const": False}, slots]}


defs = {}
defs["text"] = text
defs["value"] = value
defs["date"] = date
defs["period"] = period
defs["rag"] = rag
defs["report"] = obj({
    "title": text, "subtitle": text, "organisation": text, "addressee": text,
    "period": {"$ref": "#/definitions/period"}, "date": {"$ref": "#/definitions/date"},
    "version": {"type": "integer", "minimum": 1, "description": "1 = first issue; 2, 3... = corrected re-issues"},
    "status": {"enum": ["final", "draft"]},
    "template": {"type": "string", "description": "cabinet, improvement-plan, scorecard, or a path to a template file"},
    "classification": text,
    "language": {"type": "string", "description": "the paper's language as a BCP 47 tag (en-GB, cy); over the template's"},
    "as_at": {"$ref": "#/definitions/date"},
    "period_label": dict(text, description="how the paper prints its quarters and months: "
                         "\"Q{q} {year}\" prints 2012/13 Q4 as Q4 2012/13; {month} for a month"),
    "corrections": {"type": "array", "items": text, "description": "required when version > 1: what changed"},
    "milestone_status": {"enum": vocab("BR_MS_STATUS"),
                         "description": "the status of every milestone that states none (not-reported: the paper judges none)"},
    "status_reason": dict(text, description="the reason of every measure status set by hand that gives none of its own"),
    "header": running("the running header, over the template's"),
    "footer": running("the running footer, over the template's"),
    "trend_reason": dict(text, description="the reason of every measure trend set by hand that gives none of its own"),
    "people_note": {"enum": ["first_use", "heading"],
                    "description": "where the people: legend prints: a note at each lead's first use, "
                                   "or one note on the lead column's heading (over the template's)"},
}, ["title", "period"], "the report block: title, period, date, version, template")
defs["report"]["if"] = {"required": ["version"], "properties": {"version": {"minimum": 2}}}
defs["report"]["then"] = {"required": ["corrections"]}
# A figure with its printed form: {value: 60.6, display: "60.6"}.
printed = obj({"value": {"type": "number"}, "display": text}, ["value", "display"],
              "a figure and what the paper prints for it (a percentage without its sign)")
figure = {"anyOf": [value, printed]}
defs["comparator"] = obj({"name": text, "value": figure, "rag": rag, "note": text,
                          "period": dict({"$ref": "#/definitions/period"},
                                         description="instead of value: the measure's value for this period (last year's outturn)")},
                         ["name"])
defs["comparator"]["oneOf"] = [{"required": ["value"]}, {"required": ["period"]}]
# A figure profiled by period: {2012/13 Q1: 76, 2012/13: 80}.
by_period = {"type": "object", "minProperties": 1,
             "propertyNames": {"$ref": "#/definitions/period"}, "additionalProperties": figure}
defs["measure"] = obj({
    "id": mid, "title": text, "objective": text, "group": text, "kind": text,
    "frequency": {"enum": vocab("BR_FREQUENCY")},
    "polarity": {"enum": vocab("BR_POLARITY")},
    "unit": {"enum": vocab("BR_UNIT")},
    "decimals": {"type": "integer", "minimum": 0},
    "change_decimals": {"type": "integer", "minimum": 0, "maximum": 6,
                        "description": "places of its change:previous and change:year columns (default 1)"},
    "target": {"anyOf": [value, by_period,
                         obj({"value": {"anyOf": [value, by_period]}, "display": text, "note": text},
                             ["value"])]},
    "tolerance": {"anyOf": [value, by_period, printed]},
    "range": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2},
    "benchmark": {"type": "boolean"},
    "values": {"type": ["object", "null"], "propertyNames": {"$ref": "#/definitions/period"},
               "additionalProperties": {"anyOf": [{"type": ["number", "string", "null"]}, printed]}},
    "notes": {"type": "object", "propertyNames": {"$ref": "#/definitions/period"},
              "additionalProperties": text},
    "comparators": {"type": "array", "items": {"$ref": "#/definitions/comparator"}},
    "status": {"enum": vocab("BR_STATUS")},
    "status_reason": text,
    "trend": dict(text, description="improving, declining, stable, volatile, increasing, decreasing, "
                                    "none, or the paper's own words"),
    "trend_reason": text,
    "display": text, "comment": text,
    "ref": dict(text, description="the measure's number as the paper prints it (1, 2, 3... in each objective)"),
}, ["id", "title", "values"], "a performance measure")
due_entry = {"anyOf": [{"$ref": "#/definitions/date"}, {"type": "string"},
                       obj({"date": {"$ref": "#/definitions/date"}, "note": text}, ["date"])]}
defs["milestone"] = obj({
    "id": key, "ref": text, "objective": text, "group": text, "title": text,
    "due": one_or_list(due_entry),
    "lead": {"type": "string", "description": "initials: a key of people:"},
    "partners": text, "progress": text, "corrective_action": text,
    "status": {"enum": vocab("BR_MS_STATUS")},
}, ["id", "title", "due"], "a milestone")
# A number, or one written with the typeset minus (U+2212) Word and PDFs
# use, which the loader reads as a minus.
amount = {"anyOf": [{"type": "number"},
                    {"type": "string", "pattern": "^\u2212[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$"}]}
amounts = {"anyOf": [dict(amount, description="the net figure"),
                     obj({"gross": amount, "income": amount, "net": amount})]}
# a variance's share of the budget: the variance columns take percent too
variance_amounts = {"anyOf": [dict(amount, description="the net figure"),
                              obj({"gross": amount, "income": amount, "net": amount,
                                   "percent": amount})]}
fin_cols = vocab("BR_FINANCE_COLUMN")
variance_cols = ["variance", "previous_variance"]
fin_figures = [c + "." + s for c in fin_cols for s in vocab("BR_FINANCE_SPLIT")
               if s != "percent" or c in variance_cols]
defs["finance_row"] = {"anyOf": [
    obj({"heading": text}, ["heading"]),
    obj({"label": text, "budget": amounts, "forecast": amounts, "variance": variance_amounts,
         "actual": amounts, "previous_variance": variance_amounts, "note": text,
         "status": {"enum": vocab("BR_STATUS"), "description": "the row's RAG as the author judges it: a status column"},
         "status_reason": text}, ["label"]),
    obj({"period": dict(text, description="a period of periods:, printed as the paper names it (period_label)"),
         "budget": amounts, "forecast": amounts, "variance": amounts,
         "actual": amounts, "note": text,
         "status": {"enum": vocab("BR_STATUS"), "description": "the row's RAG as the author judges it: a status column"},
         "status_reason": text}, ["period"])]}
defs["finance"] = obj({
    "id": key, "title": text,
    "units": {"enum": [u for u in vocab("BR_UNIT") if u.startswith("gbp")]},
    "columns": {"type": "array", "items": {"enum": fin_cols + fin_figures}},
    "headings": obj({k: text for k in ["label", "status"] + fin_cols + vocab("BR_FINANCE_SPLIT") + fin_figures}),
    "total_of": {"type": "array", "items": {"type": "string"}},
    "split": {"type": "array", "items": {"enum": vocab("BR_FINANCE_SPLIT")}},
    "sign": {"enum": ["underspend_positive", "overspend_positive"]},
    "percent_of": {"enum": ["net", "gross"],
                   "description": "the budget a variance percent is a share of (default net)"},
    "rows": {"type": "array", "items": {"$ref": "#/definitions/finance_row"}},
    "total": text,
    "given_total": obj({c: variance_amounts if c in variance_cols else amounts for c in fin_cols}),
    "variance_rag": {"type": "boolean"},
    "rounding_note": {"anyOf": [{"const": False}, text],
                      "description": "the footnote when given figures differ from their sums by rounding; false for none"},
}, ["id"], "a finance table's figures")
# a count left out or null prints blank
counts = {"type": "object", "additionalProperties": {"type": ["integer", "null"], "minimum": 0}}
risks = {"oneOf": [text, obj({k: {"type": ["string", "number", "null"]} for k in ["red", "amber", "green"]},
                             desc="risks by RAG: three cells, each as written")]}
defs["objective"] = obj({"id": text, "title": text, "status": text, "status_reason": text,
                         "direction": text, "direction_reason": text, "risks": risks,
                         "measures": counts, "milestones": counts, "milestone_status": rag}, ["id", "title"],
                        "an objective's profile as the author states it")
defs["commentary"] = obj({"id": key, "objective": text, "title": text, "subtitle": text,
                          "rag": rag, "text": text}, ["text"])
banner = {"anyOf": [text, {"type": "array", "items": text, "minItems": 1, "maxItems": 3}],
          "description": "a header over the column, or up to three, outermost first"}
column = {"anyOf": [{"type": "string"}, obj({"column": {"type": "string"}, "heading": text, "banner": banner,
                                                 "with_status": {"type": "boolean"},
                                                 "with_ref": {"type": "boolean"},
                                                 "with_direction": {"type": "boolean"}},
                                            ["column"])],
          "description": "title, value, a period, target, tolerance, polarity, frequency, benchmark, "
                         "comparator:<name>, status, trend, change:previous, change:year, sparkline, comment"}
ms_names = vocab("BR_MILESTONE_COLUMN")
ms_column = {"anyOf": [{"enum": ms_names},
                       obj({"column": {"enum": ms_names}, "heading": text, "banner": banner,
                            "with_ref": {"type": "boolean"}}, ["column"])]}
sm_names = ["group", "red", "amber", "green", "no-data", "no-target", "total"]
sm_column = {"anyOf": [{"enum": sm_names}, obj({"column": {"enum": sm_names}, "heading": text, "banner": banner}, ["column"])]}
pf_names = ["objective", "title", "direction", "status", "milestones", "milestone_status", "measures",
            "data_only", "risks"]
pf_rag = {"type": "array", "items": rag, "minItems": 1, "maxItems": 3, "uniqueItems": True,
          "description": "a count column's RAG cells, left to right"}
pf_column = {"anyOf": [{"enum": pf_names},
                       obj({"column": {"enum": pf_names}, "heading": text, "rag": pf_rag}, ["column"])]}
cell = {"anyOf": [{"type": ["string", "number", "boolean", "null"]},
                  obj({"text": text, "span": {"type": "integer", "minimum": 1, "maximum": 100}, "rag": rag,
                       "bold": {"type": "boolean"},
                       "align": {"enum": ["left", "center", "right", "decimal"]}})]}
row = {"anyOf": [{"type": "array", "items": cell}, obj({"heading": text}, ["heading"]),
                 obj({"cells": {"type": "array", "items": cell}, "total": {"type": "boolean"}}, ["cells"])]}
group_by = {"enum": ["group", "kind", "objective"]}
ids = one_or_list({"type": "string"})
# Each selection key takes one name or a list of them (any of them).
sel = {"objective": one_or_list(text), "group": one_or_list(text), "kind": one_or_list(text),
       "ids": ids}
common = {"type": {"type": "string"}, "id": key, "title": text}
sections = {
    "front_sheet": ({"subtitle": text, "addressee": text,
                     "facts": {"type": "array", "items": obj({"label": text, "value": text}, ["label", "value"])}}, []),
    "heading": ({"level": {"type": "integer", "minimum": 1, "maximum": 3}, "rag": rag}, ["title"]),
    "paragraphs": ({"text": {"type": "array", "items": text}, "numbered": {"type": "boolean"}}, ["text"]),
    "objective": ({"columns": {"type": "array", "items": column},
                   "milestone_columns": {"type": "array", "items": ms_column}, "group_by": group_by,
                   "milestone_title": text}, ["id", "title"]),
    "measure_table": (dict(sel, columns={"type": "array", "items": column}, group_by=group_by), []),
    "milestone_table": (dict(sel, columns={"type": "array", "items": ms_column}), []),
    "finance_table": ({"finance": {"type": "string", "description": "the id of a finance entry"},
                       "widths": {"type": "array", "items": {"type": "number", "exclusiveMinimum": 0, "maximum": 1000},
                                  "description": "fixed column widths, mm: label, figures, status"}},
                      ["finance"]),
    "summary": (dict(sel, group_by=group_by, columns={"type": "array", "items": sm_column},
                     rows={"type": "object", "description": "rows the author states, by group: {Governance: {no-data: 2}}",
                           "additionalProperties": obj({st: {"type": ["integer", "null"], "minimum": 0}
                                                        for st in vocab("BR_STATUS")})}), []),
    "commentary": (dict(sel), []),
    "table": ({"header": {"anyOf": [{"type": "array", "items": {"type": "array", "items": cell}},
                                   {"type": "array", "items": cell}],
                         "description": "header rows, or one header row"},
               "rows": {"type": "array", "items": row},
               "widths": {"type": "array", "items": {"type": "number", "exclusiveMinimum": 0, "maximum": 1000}}},
              ["rows"]),
    "chart": ({"objective": one_or_list(text), "group": one_or_list(text), "ids": ids, "kind": {"enum": ["bullet", "bar", "line"]},
               "measure": {"type": "string"}, "group_by": group_by,
               "per_row": {"type": "integer", "minimum": 1, "maximum": 8},
               "bands": {"type": "array", "description": "a gauge's own scale, lowest first: {to: 12.83, status: green}; "
                                                         "a band without status is uncoloured (grey)",
                         "items": obj({"from": {"type": "number"}, "to": {"type": "number"}, "status": rag},
                                      ["to"])},
               "target": {"type": "number", "description": "a gauge's target mark (with bands:)"},
               "scale": obj({"from": {"type": "number"}, "to": {"type": "number"}}, ["from", "to"],
                            "a bullet's axis, exactly from one to the other"),
               "value": {"enum": ["report", "latest"]}}, ["kind"]),
    "page_break": ({"orientation": {"enum": ["portrait", "landscape"]},
                    "appendix": dict(text, description="starts a numbered appendix with this title")}, []),
    "profile": ({"columns": {"type": "array", "items": pf_column},
                 "rag_order": {"type": "array", "items": {"enum": ["red", "amber", "green"]},
                               "minItems": 3, "maxItems": 3, "uniqueItems": True},
                 "key": {"type": "boolean", "description": "false: no key row under the profile"}}, []),
    "columns": ({"count": {"type": "integer", "minimum": 1, "maximum": 4,
                           "description": "columns side by side; 1 goes back to the full width"}}, []),
    "column_break": ({}, []),
}
section_allof = []
for name, (props, req) in sections.items():
    p = dict(common); p.update(props)
    defs["section_" + name] = obj(p, ["type"] + req)
    section_allof.append({"if": {"properties": {"type": {"const": name}}, "required": ["type"]},
                          "then": {"$ref": "#/definitions/section_" + name}})
if sorted(sections) != sorted(vocab("BR_SECTION")):
    raise SystemExit("generate.py: the section types here and in br_vocab.def differ: "
                     f"{sorted(set(sections) ^ set(vocab('BR_SECTION')))}")
defs["section"] = {"type": "object", "required": ["type"],
                   "properties": {"type": {"enum": list(sections)}}, "allOf": section_allof}
# A file's defaults: any key of its rows but those each row writes itself.
own = {"id", "ref", "title", "values", "due", "text"}
row_props = {}
for kind in ("measure", "milestone", "commentary"):
    for k, v in defs[kind]["properties"].items():
        if k in own:
            continue
        old = row_props.get(k)
        row_props[k] = v if old is None or old == v else {"anyOf": [old, v]}
defs["defaults"] = obj(row_props, desc="keys this file's measures, milestones and commentary "
                                       "take when they do not write them ('lead: ~' opts out)")
# '- defaults: {...}' in a list: the keys of the rows after it.
list_defaults = obj({"defaults": {"$ref": "#/definitions/defaults"}}, ["defaults"],
                    "no row: the keys the rows after it take (over the file's defaults:)")
top = {
    "report": {"$ref": "#/definitions/report"},
    "include": one_or_list({"type": "string"}),
    "defaults": {"$ref": "#/definitions/defaults"},
    "periods": {"type": "array", "items": {"$ref": "#/definitions/period"}, "minItems": 1},
    "people": {"type": "object", "additionalProperties": text,
               "description": "initials used in lead columns: JM: Jo Moxon, Assistant Director"},
    "footnotes": {"type": "object", "additionalProperties": text, "description": "referenced from text as [^key]"},
    "kinds": {"type": "object", "additionalProperties": text,
              "description": "a measure kind's heading, by kind"},
    "objectives": {"type": "array", "items": {"$ref": "#/definitions/objective"}},
    "measures": {"type": "array", "items": {"anyOf": [{"$ref": "#/definitions/measure"}, list_defaults]}},
    "milestones": {"type": "array", "items": {"anyOf": [{"$ref": "#/definitions/milestone"}, list_defaults]}},
    "finance": {"type": "array", "items": {"$ref": "#/definitions/finance"}},
    "commentary": {"type": "array", "items": {"$ref": "#/definitions/commentary"}},
    "sections": {"type": "array", "items": {"$ref": "#/definitions/section"}},
}
schema = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "$id": "https://boardreport.invalid/schema/boardreport.schema.json",
    "title": "boardreport quarter (report.yaml and the files it includes)",
    "description": "The YAML format of a boardreport quarter; docs/format.md is the reference.",
    "type": "object",
    "properties": top,
    "patternProperties": {"^x-": {"description": "what entries merge ('<<: *name') or alias; not read otherwise"}},
    "additionalProperties": False,
    "allOf": [
        {"if": {"anyOf": [{"required": ["report"]}, {"required": ["sections"]}, {"required": ["periods"]}]},
         "then": {"required": ["report", "periods", "sections"]}},
    ],
    "definitions": defs,
}
print(json.dumps(schema, indent=2, ensure_ascii=False))

#!/usr/bin/env python3
"""Validates YAML files against schema/boardreport.schema.json with an
independent validator (python3-jsonschema), as an editor would.

usage: validate_schema.py SCHEMA FILE...
Prints "FILE: ok" or each error as "FILE: path: message"; exits 1 when any
file is invalid.  Dates stay strings (as the editor sees them), so the
schema's date pattern is what checks them.
"""
import json
import sys

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    pass


def keep_string(loader, node):
    return loader.construct_scalar(node)


Loader.add_constructor("tag:yaml.org,2002:timestamp", keep_string)


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    bad = 0
    for path in argv[2:]:
        try:
            with open(path, encoding="utf-8") as f:
                doc = yaml.load(f, Loader=Loader)
        except (yaml.YAMLError, UnicodeDecodeError) as e:
            print(f"{path}: not YAML: {str(e).splitlines()[0]}")
            bad += 1
            continue
        errors = sorted(validator.iter_errors(doc),
                        key=lambda e: list(map(str, e.absolute_path)))
        for e in errors:
            where = "/".join(map(str, e.absolute_path)) or "(top)"
            print(f"{path}: {where}: {e.message}")
        if errors:
            bad += 1
        else:
            print(f"{path}: ok")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""bagit_validate.py - an independent check that a folder is a complete and
valid BagIt 1.0 bag (RFC 8493).  Used by the integration tests to judge the
packages `boardreport issue` writes; it shares no code with boardreport.

What it checks, by section of RFC 8493:
  2.1.1  bagit.txt is exactly "BagIt-Version: 1.0" and
         "Tag-File-Character-Encoding: UTF-8", one per line.
  2.1.2  a data/ directory exists.
  2.1.3  every manifest-<alg>.txt line is "checksum filepath" (filepath
         relative to the bag, under data/, '/' separators, no '.' or '..'
         segments, only CR, LF and % percent-encoded), each file once.
  2.2.1  tagmanifest-<alg>.txt lists only tag files (not data/, not itself).
  2.2.2  bag-info.txt lines are "Label: value" or indented continuations;
         Payload-Oxum, when present, matches the payload; Bagging-Date is
         YYYY-MM-DD.
  3      complete: the required elements are present, every file a manifest
         lists exists, every payload file is listed in every payload
         manifest; valid: every checksum matches.

usage: bagit_validate.py BAG...   exit 0 when every bag is valid, else 1
"""
import hashlib
import os
import re
import sys

ALGORITHMS = {"md5", "sha1", "sha256", "sha512"}


class Bag:
    def __init__(self, path):
        self.path = path
        self.problems = []

    def fail(self, message):
        self.problems.append(message)

    def read_text(self, name):
        with open(os.path.join(self.path, name), "rb") as f:
            raw = f.read()
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            self.fail(f"{name}: not UTF-8")
            return raw.decode("utf-8", "replace")

    def check_declaration(self):
        name = "bagit.txt"
        if not os.path.isfile(os.path.join(self.path, name)):
            self.fail("bagit.txt is missing")
            return
        text = self.read_text(name)
        if text.startswith("\ufeff"):
            self.fail("bagit.txt starts with a byte-order mark")
        lines = text.splitlines()
        want = ["BagIt-Version: 1.0", "Tag-File-Character-Encoding: UTF-8"]
        if lines != want:
            self.fail(f"bagit.txt is {lines!r}, expected {want!r}")

    def payload_files(self):
        found = set()
        top = os.path.join(self.path, "data")
        for root, dirs, files in os.walk(top):
            for f in files:
                rel = os.path.relpath(os.path.join(root, f), self.path)
                found.add(rel.replace(os.sep, "/"))
        return found

    def all_tag_files(self):
        found = set()
        for root, dirs, files in os.walk(self.path):
            rel_root = os.path.relpath(root, self.path)
            if rel_root == "data" or rel_root.startswith("data" + os.sep):
                continue
            for f in files:
                rel = os.path.normpath(os.path.join(rel_root, f)).replace(os.sep, "/")
                found.add(rel)
        return found

    def parse_manifest(self, name, payload):
        """Returns {filepath: checksum}; records format problems."""
        entries = {}
        text = self.read_text(name)
        alg = re.match(r"(?:tag)?manifest-([a-z0-9]+)\.txt$", name).group(1)
        size = hashlib.new(alg).digest_size * 2
        for number, line in enumerate(text.split("\n"), 1):
            if line == "":
                continue
            line = line.rstrip("\r")
            m = re.match(r"([0-9A-Fa-f]+)[ \t]+(.+)$", line)
            if not m:
                self.fail(f"{name}:{number}: not 'checksum filepath': {line!r}")
                continue
            checksum, encoded = m.group(1), m.group(2)
            if len(checksum) != size:
                self.fail(f"{name}:{number}: checksum of {len(checksum)} digits, {alg} has {size}")
            if re.search(r"%(?!0[ADad]|25)", encoded):
                self.fail(f"{name}:{number}: a '%' not of %0A, %0D or %25 in {encoded!r}")
            path = (encoded.replace("%0A", "\n").replace("%0a", "\n")
                    .replace("%0D", "\r").replace("%0d", "\r").replace("%25", "%"))
            segments = path.split("/")
            if path.startswith("/") or "\\" in path or any(s in ("", ".", "..") for s in segments):
                self.fail(f"{name}:{number}: filepath {path!r} is not a plain relative path")
                continue
            if payload and segments[0] != "data":
                self.fail(f"{name}:{number}: {path!r} is not in data/")
            if not payload and (segments[0] == "data" or path == name):
                self.fail(f"{name}:{number}: a tag manifest lists {path!r}")
            if path in entries:
                self.fail(f"{name}:{number}: {path!r} listed twice")
            entries[path] = checksum.lower()
        return alg, entries

    def check_manifests(self):
        names = sorted(os.listdir(self.path))
        payload_manifests = [n for n in names if re.match(r"manifest-[a-z0-9]+\.txt$", n)]
        tag_manifests = [n for n in names if re.match(r"tagmanifest-[a-z0-9]+\.txt$", n)]
        if not os.path.isdir(os.path.join(self.path, "data")):
            self.fail("data/ is missing")
            return
        if not payload_manifests:
            self.fail("no payload manifest (manifest-<algorithm>.txt)")
        payload = self.payload_files()
        for name in payload_manifests + tag_manifests:
            alg = name.split("-", 1)[1][:-4]
            if alg not in ALGORITHMS:
                self.fail(f"{name}: unknown algorithm {alg!r}")
                continue
            alg, entries = self.parse_manifest(name, name in payload_manifests)
            for path, checksum in sorted(entries.items()):
                full = os.path.join(self.path, *path.split("/"))
                if not os.path.isfile(full):
                    self.fail(f"{name}: {path} is listed but missing")
                    continue
                with open(full, "rb") as f:
                    actual = hashlib.new(alg, f.read()).hexdigest()
                if actual != checksum:
                    self.fail(f"{name}: {path}: checksum {checksum} but the file has {actual}")
            if name in payload_manifests:
                for path in sorted(payload - set(entries)):
                    self.fail(f"{name}: payload file {path} is not listed")
        return payload

    def check_info(self, payload):
        name = "bag-info.txt"
        if not os.path.isfile(os.path.join(self.path, name)):
            return
        fields = {}
        label = None
        for number, line in enumerate(self.read_text(name).split("\n"), 1):
            if line == "":
                continue
            if line[0] in " \t":
                if label is None:
                    self.fail(f"{name}:{number}: continuation line before any label")
                continue
            m = re.match(r"([^:\s][^:]*?):[ \t]*(.*)$", line)
            if not m:
                self.fail(f"{name}:{number}: not 'Label: value': {line!r}")
                continue
            label = m.group(1)
            fields.setdefault(label, []).append(m.group(2))
        for oxum in fields.get("Payload-Oxum", []):
            octets = sum(os.path.getsize(os.path.join(self.path, p)) for p in payload)
            if oxum != f"{octets}.{len(payload)}":
                self.fail(f"{name}: Payload-Oxum {oxum} but the payload is {octets}.{len(payload)}")
        for date in fields.get("Bagging-Date", []):
            if not re.match(r"\d{4}-\d{2}-\d{2}$", date):
                self.fail(f"{name}: Bagging-Date {date!r} is not YYYY-MM-DD")

    def validate(self):
        if not os.path.isdir(self.path):
            self.fail("not a directory")
            return self.problems
        self.check_declaration()
        payload = self.check_manifests()
        if payload is not None:
            self.check_info(payload)
        return self.problems


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    status = 0
    for path in argv[1:]:
        problems = Bag(path).validate()
        for p in problems:
            print(f"{path}: {p}")
        if problems:
            status = 1
        else:
            print(f"{path}: valid BagIt 1.0 bag")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))

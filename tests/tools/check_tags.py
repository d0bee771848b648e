#!/usr/bin/env python3
"""check_tags.py [--untagged] PDF... -- a tagged PDF read by tools that are not ours.

For each PDF:
  - pdfinfo says "Tagged: yes" and no poppler tool prints a Syntax Warning
    (pdfinfo, pdftotext, pdffonts);
  - pdffonts lists each face (font name without its subset tag) once;
  - qpdf --check finds no error;
  - every marked-content sequence of the pages is in the structure tree
    once, no text is outside both the tree and the artifacts, and on each
    page the tree reads the sequences in the order they are drawn;
  - the text of the structure tree as poppler reads it (pdfinfo
    -struct-text) is, character for character with white space left out,
    the text of those sequences in the tree's order: every word once,
    nothing missing;
  - every character pdftotext finds on the pages is in that text or in an
    artifact (running header and footer, a repeated table header);
  - the PDF/A properties that can be checked without a PDF/A validator:
    PDF 1.7; XMP metadata (pdfinfo -meta) that is well-formed XML, names
    PDF/A-3B and PDF/UA-1 and equals the document information (title,
    author, subject, keywords, creator, producer, both dates); an sRGB
    output intent (/GTS_PDFA1 with a 3-component ICC profile); no
    transparency (no soft mask, no constant alpha below 1, no transparency
    group); every embedded file with an /AFRelationship and a MIME type,
    listed in the catalog's /AF.

With --untagged, each PDF is one made without its structure tree (render
--no-tags, a template's 'tagged: false'): pdfinfo says "Tagged: no", no
poppler warning, qpdf --check clean, each face listed once, its text
there; no /MarkInfo, /StructTreeRoot, /StructParents or marked content;
/Lang kept; the same PDF/A properties, but no PDF/UA identifier in the XMP
(an untagged file cannot claim PDF/UA).

The page text outside and inside artifacts comes from the content streams
as qpdf decodes them (marked content: "/Tag <<...>> BDC" or "/Artifact BMC"
... "EMC"); strings are read through the fonts' ToUnicode maps.

Exit status 0 when every PDF passes; the failures are printed.
"""
import base64
import json
import re
import subprocess
import sys
from collections import Counter


def run(cmd):
    p = subprocess.run(cmd, capture_output=True)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


# ---- a small reader of content streams and CMaps ----

TOKEN = re.compile(rb"""
    (?P<ws>[\x00\t\n\x0c\r ]+|%[^\r\n]*)
  | (?P<lit>\()
  | (?P<hex><[0-9A-Fa-f\s]*>)
  | (?P<dict><<|>>)
  | (?P<arr>[\[\]])
  | (?P<name>/[^\x00\t\n\x0c\r ()<>\[\]{}/%]*)
  | (?P<word>[^\x00\t\n\x0c\r ()<>\[\]{}/%]+)
""", re.X)

ESC = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def literal(data, i):
    """The literal string starting after '(' at i; returns (bytes, end)."""
    out, depth = bytearray(), 1
    while i < len(data):
        c = data[i:i + 1]
        if c == b"\\":
            n = data[i + 1:i + 2]
            if n in ESC:
                out += ESC[n]
                i += 2
            elif n.isdigit():
                m = re.match(rb"[0-7]{1,3}", data[i + 1:i + 4])
                out.append(int(m.group(0), 8) & 0xFF)
                i += 1 + len(m.group(0))
            elif n in (b"\r", b"\n"):
                i += 2
            else:
                out += n
                i += 2
            continue
        if c == b"(":
            depth += 1
        elif c == b")":
            depth -= 1
            if depth == 0:
                return bytes(out), i + 1
        out += c
        i += 1
    return bytes(out), i


def tokens(data):
    i = 0
    while i < len(data):
        m = TOKEN.match(data, i)
        if not m:
            i += 1
            continue
        kind = m.lastgroup
        if kind == "lit":
            s, i = literal(data, m.end())
            yield "str", s
            continue
        i = m.end()
        if kind == "ws":
            continue
        if kind == "hex":
            h = re.sub(rb"\s", b"", m.group(0)[1:-1])
            if len(h) % 2:
                h += b"0"
            yield "str", bytes.fromhex(h.decode())
        else:
            yield kind, m.group(0)


def parse_cmap(data):
    """A ToUnicode CMap: (code -> text, code byte lengths)."""
    m, lens = {}, set()
    for a, b in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", re.sub(
            rb"begin(?:bfrange|codespacerange).*?end(?:bfrange|codespacerange)", b"", data,
            flags=re.S)):
        m[int(a, 16)] = bytes.fromhex(b.decode()).decode("utf-16-be", "replace")
        lens.add(len(a) // 2)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>",
                                      block):
            base = int(dst, 16)
            for k, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                m[code] = chr(base + k) if base + k < 0x110000 else "\ufffd"
            lens.add(len(lo) // 2)
    return m, lens


class Pdf:
    def __init__(self, path):
        rc, out, err = run(["qpdf", "--json", "--json-stream-data=inline",
                            "--decode-level=generalized", path])
        if rc not in (0, 3):
            raise RuntimeError("qpdf --json failed: " + err.strip())
        j = json.loads(out)
        self.objs = {k.split(" ")[0][4:]: v for k, v in j["qpdf"][1].items()
                     if k.startswith("obj:")}
        self.trailer = j["qpdf"][1]["trailer"]["value"]
        self.cmaps = {}

    def obj(self, ref):
        return self.objs.get(ref.split(" ")[0]) if isinstance(ref, str) else None

    def value(self, x):
        if isinstance(x, str) and x.endswith(" R"):
            o = self.obj(x)
            return o.get("value", o.get("stream", {}).get("dict")) if o else None
        return x

    def stream_data(self, ref):
        o = self.obj(ref)
        return base64.b64decode(o["stream"].get("data", "")) if o and "stream" in o else b""

    def page_refs(self):
        """The page objects' references, in page order."""
        root = self.value(self.trailer["/Root"])
        out = []

        def walk(node):
            d = self.value(node)
            if d.get("/Type") == "/Pages":
                for k in d["/Kids"]:
                    walk(k)
            else:
                out.append(node)
        walk(root["/Pages"])
        return out

    def pages(self):
        return [self.value(r) for r in self.page_refs()]

    def font_map(self, font_ref):
        if font_ref not in self.cmaps:
            f = self.value(font_ref)
            tu = f.get("/ToUnicode")
            self.cmaps[font_ref] = parse_cmap(self.stream_data(tu)) if tu else ({}, {1})
        return self.cmaps[font_ref]

    def page_text(self, page):
        """The page's text in marked-content sequences: ({MCID: text},
        artifact text, text in neither), in the order drawn."""
        contents = page.get("/Contents")
        refs = contents if isinstance(contents, list) else [contents]
        data = b"\n".join(self.stream_data(r) for r in refs if r)
        fonts = self.value(self.value(page.get("/Resources", {})).get("/Font", {})) or {}
        seqs, artifact, untagged = {}, [], []
        stack, operands, font = [], [], None
        for kind, tok in tokens(data):
            if kind in ("str", "name") or kind == "word" and re.fullmatch(rb"[-+.0-9]+", tok):
                operands.append((kind, tok))
                continue
            if kind != "word":
                continue
            op = tok
            if op == b"Tf" and len(operands) >= 2 and operands[-2][0] == "name":
                font = fonts.get(operands[-2][1].decode())
            elif op in (b"BDC", b"BMC"):
                tag = operands[0][1] if operands and operands[0][0] == "name" else b""
                mcid = None
                for i, (k, t) in enumerate(operands[:-1]):
                    if k == "name" and t == b"/MCID":
                        mcid = int(operands[i + 1][1])
                stack.append((tag, mcid))
            elif op == b"EMC" and stack:
                stack.pop()
            elif op in (b"Tj", b"TJ", b"'", b'"'):
                cmap, lens = self.font_map(font) if font else ({}, {1})
                n = max(lens) if lens else 1
                text = ""
                for k, s in operands:
                    if k == "str":
                        for i in range(0, len(s) - n + 1, n):
                            text += cmap.get(int.from_bytes(s[i:i + n], "big"), "\ufffd")
                mcids = [m for t, m in stack if m is not None]
                if any(t == b"/Artifact" for t, m in stack):
                    artifact.append(text)
                elif mcids:
                    seqs[mcids[-1]] = seqs.get(mcids[-1], "") + text
                else:
                    untagged.append(text)
            operands = []
        return seqs, "".join(artifact), "".join(untagged)

    def tree_order(self):
        """(page object number, MCID) of every marked-content reference in
        the structure tree, in the tree's order."""
        root = self.value(self.value(self.trailer["/Root"]).get("/StructTreeRoot"))
        out = []

        def walk(kid, page):
            if isinstance(kid, int):
                out.append((page, kid))
                return
            if isinstance(kid, list):
                for k in kid:
                    walk(k, page)
                return
            d = self.value(kid)
            if not isinstance(d, dict):
                return
            if d.get("/Type") == "/MCR":
                out.append((d.get("/Pg", page), d["/MCID"]))
            elif d.get("/Type") != "/OBJR" and "/K" in d:
                walk(d["/K"], d.get("/Pg", page))
        if root:
            walk(root.get("/K"), None)
        return out


def squeeze(s):
    return re.sub(r"\s+", "", s)


def struct_text(path):
    rc, out, err = run(["pdfinfo", "-struct-text", path])
    texts = []
    for line in out.splitlines():
        t = line.strip()
        if len(t) >= 2 and t[0] == '"' and t[-1] == '"':
            texts.append(t[1:-1])
    return "".join(texts), err


def first_difference(a, b):
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    return i


def read_with_tools(path, problems, tagged):
    """pdfinfo says Tagged yes (or no), pdffonts lists each face once, no
    poppler tool warns, qpdf --check is clean.  Returns pdftotext -raw's
    text and, for a tagged PDF, pdfinfo -struct-text's."""
    rc, info, err = run(["pdfinfo", path])
    warnings = err
    want = "yes" if tagged else "no"
    if "Tagged:          %s" % want not in info:
        problems.append("pdfinfo does not say 'Tagged: %s'" % want)
    rc, fonts, err = run(["pdffonts", path])
    warnings += err
    faces = Counter(re.sub(r"^[A-Z]{6}\+", "", line.split()[0])
                    for line in fonts.splitlines()[2:] if line.strip())
    twice = [f for f, n in faces.items() if n > 1]
    if twice:
        problems.append("pdffonts lists a face more than once: " + ", ".join(twice))
    rc, raw, err = run(["pdftotext", "-raw", path, "-"])
    warnings += err
    st = ""
    if tagged:
        st, err = struct_text(path)
        warnings += err
    if "Syntax Warning" in warnings or "Syntax Error" in warnings:
        problems.append("poppler says: " + warnings.strip().splitlines()[0])
    rc, out, err = run(["qpdf", "--check", path])
    if rc != 0:
        problems.append("qpdf --check: " + (out + err).strip().splitlines()[-1])
    return raw, st


def check_untagged(path):
    problems = []
    raw, _ = read_with_tools(path, problems, tagged=False)
    pdf = Pdf(path)
    catalog = pdf.value(pdf.trailer["/Root"])
    for key in ("/MarkInfo", "/StructTreeRoot"):
        if key in catalog:
            problems.append("the catalog has %s" % key)
    if "/Lang" not in catalog:
        problems.append("the catalog has no /Lang")
    text = ""
    for page in pdf.pages():
        if "/StructParents" in page:
            problems.append("a page has /StructParents")
            break
        m, a, u = pdf.page_text(page)
        if m or squeeze(a):
            problems.append("a page has marked content")
            break
        text += u
    if not squeeze(raw) or Counter(squeeze(raw)) != Counter(squeeze(text)):
        problems.append("pdftotext's text is not the pages' text")
    return problems + check_pdfa(path, pdf, ua=False)


def check(path):
    problems = []
    raw, st = read_with_tools(path, problems, tagged=True)
    pdf = Pdf(path)
    pages = pdf.pages()
    page_refs = pdf.page_refs()
    seqs, artifacts, untagged = {}, "", ""
    for ref, page in zip(page_refs, pages):
        m, a, u = pdf.page_text(page)
        for mcid, text in m.items():
            seqs[(ref, mcid)] = text
        artifacts += a
        untagged += u
    order = pdf.tree_order()
    counts = Counter(order)
    twice = [k for k, n in counts.items() if n > 1]
    lost = [k for k in seqs if k not in counts]
    if twice:
        problems.append("%d marked-content sequences are in the structure tree twice" % len(twice))
    if lost:
        problems.append("%d marked-content sequences are not in the structure tree (first: %s)"
                        % (len(lost), lost[0]))
    if squeeze(untagged):
        problems.append("text neither tagged nor an artifact: " + untagged[:80])
    last = {}
    for ref, mcid in order:
        if mcid <= last.get(ref, -1):
            problems.append("on page %s the structure reads MCID %d after %d: reading order is "
                            "not the order drawn" % (ref, mcid, last[ref]))
            break
        last[ref] = mcid
    content = squeeze("".join(seqs.get(k, "") for k in order))
    st = squeeze(st)
    if st != content:
        i = first_difference(st, content)
        problems.append("poppler's structure text differs from the page content at character %d:"
                        "\n      structure: ...%s...\n      pages:     ...%s..."
                        % (i, st[max(0, i - 40):i + 40], content[max(0, i - 40):i + 40]))
    if not content:
        problems.append("no content outside artifacts")
    missing = Counter(squeeze(raw)) - Counter(content + squeeze(artifacts))
    if missing:
        problems.append("pdftotext finds characters in neither the structure nor an artifact: "
                        + "".join(sorted(missing.elements()))[:80])
    problems += check_pdfa(path, pdf)
    problems += check_links(pdf, page_refs)
    return problems


def check_links(pdf, page_refs):
    """Every link annotation (a footnote reference's) is printable, says
    what it is (/Contents), points at a page of the file, and is tagged: its
    /StructParent leads through the parent tree to a Link element whose
    kids hold an OBJR of it; every Link element has one."""
    problems = []
    root = pdf.value(pdf.trailer["/Root"])
    tree = pdf.value(root.get("/StructTreeRoot", {})) or {}
    nums = (pdf.value(tree.get("/ParentTree")) or {}).get("/Nums", [])
    parents = {nums[i]: nums[i + 1] for i in range(0, len(nums) - 1, 2)}
    pages = set(page_refs)
    for ref, page in zip(page_refs, pdf.pages()):
        for a in pdf.value(page.get("/Annots", [])) or []:
            d = pdf.value(a)
            if d.get("/Subtype") != "/Link":
                continue
            name = "link annotation %s" % a
            dest = pdf.value(d.get("/Dest"))
            if not (isinstance(dest, list) and dest and dest[0] in pages):
                problems.append(name + " points at no page of the file")
            if d.get("/F") != 4:
                problems.append(name + " is not marked printable (/F 4)")
            if not d.get("/Contents"):
                problems.append(name + " has no /Contents")
            link = pdf.value(parents.get(d.get("/StructParent"), "none"))
            kids = pdf.value(link.get("/K")) if isinstance(link, dict) else None
            kids = kids if isinstance(kids, list) else [kids]
            if not (isinstance(link, dict) and link.get("/S") == "/Link" and
                    any(isinstance(pdf.value(k), dict) and pdf.value(k).get("/Obj") == a
                        for k in kids)):
                problems.append(name + " is not tagged by a Link element holding it")
    return problems[:5]


XMP_NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
          "dc": "http://purl.org/dc/elements/1.1/", "pdf": "http://ns.adobe.com/pdf/1.3/",
          "xmp": "http://ns.adobe.com/xap/1.0/", "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
          "pdfuaid": "http://www.aiim.org/pdfua/ns/id/"}


def xmp_values(xml):
    """{prefix:name: text} of the XMP packet's simple and first-item values."""
    import xml.etree.ElementTree as ET
    root = ET.fromstring(xml)
    out = {}
    for prefix, ns in XMP_NS.items():
        for el in root.iter():
            if el.tag.startswith("{%s}" % ns):
                name = prefix + ":" + el.tag[len(ns) + 2:]
                li = el.find(".//{%s}li" % XMP_NS["rdf"])
                out.setdefault(name, (li.text if li is not None else el.text) or "")
    return out


def iso(date):
    """pdfinfo -isodates or XMP date -> comparable 'YYYY-MM-DDTHH:MM:SS+ZZ'."""
    date = date.strip().replace("Z", "+00:00")
    return date if re.search(r"[+-]\d\d:\d\d$", date) else date + "+00:00"


def check_pdfa(path, pdf, ua=True):
    problems = []
    rc, info, err = run(["pdfinfo", "-isodates", path])
    fields = dict(re.findall(r"^(\w+):\s*(.*)$", info, re.M))
    if not re.search(r"^PDF version:\s*1\.7\s*$", info, re.M):
        problems.append("PDF version is not 1.7")
    rc, meta, err = run(["pdfinfo", "-meta", path])
    try:
        x = xmp_values(meta.encode("utf-8"))
    except Exception as e:
        return problems + ["XMP metadata missing or not well-formed XML: %s" % e]
    want = {"pdfaid:part": "3", "pdfaid:conformance": "B", "pdfuaid:part": "1" if ua else None}
    for k, v in want.items():
        if x.get(k) != v:
            problems.append("XMP %s is %r, not %r" % (k, x.get(k), v))
    pairs = [("Title", "dc:title"), ("Author", "dc:creator"), ("Subject", "dc:description"),
             ("Keywords", "pdf:Keywords"), ("Creator", "xmp:CreatorTool"),
             ("Producer", "pdf:Producer")]
    for key, prop in pairs:
        if fields.get(key, "") != x.get(prop, ""):
            problems.append("Info %s %r differs from XMP %s %r"
                            % (key, fields.get(key), prop, x.get(prop)))
    for key, prop in (("CreationDate", "xmp:CreateDate"), ("ModDate", "xmp:ModifyDate")):
        if iso(fields.get(key, "")) != iso(x.get(prop, "")):
            problems.append("Info %s %r differs from XMP %s %r"
                            % (key, fields.get(key), prop, x.get(prop)))
    catalog = pdf.value(pdf.trailer["/Root"])
    intents = pdf.value(catalog.get("/OutputIntents")) or []
    ok = False
    for it in intents:
        d = pdf.value(it) or {}
        prof = pdf.obj(d.get("/DestOutputProfile", ""))
        n = prof and prof.get("stream", {}).get("dict", {}).get("/N")
        ok = ok or (d.get("/S") == "/GTS_PDFA1" and n == 3)
    if not ok:
        problems.append("no sRGB output intent (/GTS_PDFA1 with a 3-component ICC profile)")
    for ref, o in pdf.objs.items():
        d = o.get("value", o.get("stream", {}).get("dict"))
        if not isinstance(d, dict):
            continue
        if "/SMask" in d and d["/SMask"] != "/None":
            problems.append("object %s has a soft mask (transparency)" % ref)
        for a in ("/CA", "/ca"):
            if isinstance(d.get(a), (int, float)) and d[a] < 1:
                problems.append("object %s has %s %s (transparency)" % (ref, a, d[a]))
        g = pdf.value(d.get("/Group"))
        if isinstance(g, dict) and g.get("/S") == "/Transparency":
            problems.append("object %s is a transparency group" % ref)
        if d.get("/Type") == "/Filespec" and "/EF" in d:
            if d.get("/AFRelationship") not in ("/Source", "/Data", "/Alternative",
                                                "/Supplement", "/Unspecified"):
                problems.append("embedded file %s has no /AFRelationship" % d.get("/UF", ref))
            ef = pdf.obj(pdf.value(d["/EF"]).get("/F", ""))
            if not ef or "/Subtype" not in ef.get("stream", {}).get("dict", {}):
                problems.append("embedded file %s has no MIME type" % d.get("/UF", ref))
            af = [r.split(" ")[0] for r in (pdf.value(catalog.get("/AF")) or [])]
            if ref not in af:
                problems.append("embedded file %s is not in the catalog's /AF" % d.get("/UF", ref))
    return problems


def main(paths):
    bad = 0
    untagged = paths[:1] == ["--untagged"]
    for path in paths[untagged:]:
        try:
            problems = check_untagged(path) if untagged else check(path)
        except Exception as e:  # a PDF we cannot read is a failure, not a crash
            problems = ["cannot be checked: %s" % e]
        for p in problems:
            print("%s: %s" % (path, p))
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("usage: check_tags.py [--untagged] PDF...", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))

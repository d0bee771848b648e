#!/usr/bin/env python3
"""outline.py PDF -- the PDF's bookmarks, one a line, indented two spaces a level,
each with its page ("Title (p3)").  It reads outline dictionaries and
destinations as plain objects: a file with object streams (boardreport packs
its dictionaries into them) is first written out without them by qpdf."""
import os, re, subprocess, sys, tempfile

def objects(data):
    objs = {}
    for m in re.finditer(rb'(\d+) 0 obj\s*(.*?)endobj', data, re.S):
        objs[int(m.group(1))] = m.group(2)
    return objs

def ref(d, key):
    m = re.search(rb'/' + key + rb'\s+(\d+) 0 R', d)
    return int(m.group(1)) if m else None

def text(d):
    m = re.search(rb'/Title\s*<([0-9A-Fa-f\s]*)>', d)
    if m:
        b = bytes.fromhex(m.group(1).decode().replace(' ', '').replace('\n', ''))
        return b[2:].decode('utf-16-be') if b[:2] == b'\xfe\xff' else b.decode('latin-1')
    m = re.search(rb'/Title\s*\((.*?)\)\s*/', d, re.S)
    if m:
        b = m.group(1)
        return (b[2:].decode('utf-16-be', 'replace') if b[:2] == b'\xfe\xff' else b.decode('latin-1'))
    return '?'

def main():
    data = open(sys.argv[1], 'rb').read()
    if b'/ObjStm' in data:
        with tempfile.TemporaryDirectory() as tmp:
            plain = os.path.join(tmp, 'plain.pdf')
            subprocess.run(['qpdf', '--object-streams=disable', sys.argv[1], plain], check=False)
            data = open(plain, 'rb').read()
    objs = objects(data)
    cat = next(v for v in objs.values() if b'/Type /Catalog' in v)
    pages_root = ref(cat, b'Pages')
    kids = [int(k) for k in re.findall(rb'(\d+) 0 R', re.search(rb'/Kids\s*\[(.*?)\]', objs[pages_root], re.S).group(1))]
    pageno = {k: i + 1 for i, k in enumerate(kids)}
    def walk(first, depth):
        n = first
        while n:
            d = objs[n]
            dest = re.search(rb'/Dest\s*\[\s*(\d+) 0 R', d)
            if not dest and ref(d, b'Dest'):
                dest = re.match(rb'\s*\[\s*(\d+) 0 R', objs[ref(d, b'Dest')])
            print('  ' * depth + text(d) + (' (p%d)' % pageno.get(int(dest.group(1)), 0) if dest else ''))
            c = ref(d, b'First')
            if c:
                walk(c, depth + 1)
            n = ref(d, b'Next')
    root = ref(cat, b'Outlines')
    if root:
        walk(ref(objs[root], b'First'), 0)

main()

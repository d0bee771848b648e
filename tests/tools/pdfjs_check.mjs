// pdfjs_check.mjs [--figures] PDF... — pdf.js (Mozilla's reader, not ours) walks each
// PDF's structure tree, page by page, and checks what a screen reader
// needs of it: every table has header cells (TH) in its first row, with
// text, and every figure has alternative text.  Prints what fails;
// exits 1 when anything does.  PDFJS names pdf.js's legacy build.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const pdfjs = await import(pathToFileURL(process.env.PDFJS).href);

function walk(node, visit, parents = []) {
  if (!node || typeof node !== "object") return;
  visit(node, parents);
  for (const kid of node.children || []) walk(kid, visit, [...parents, node]);
}

function hasContent(node) {
  let found = false;
  walk(node, (n) => { if (n.type === "content") found = true; });
  return found;
}

async function check(path) {
  const problems = [];
  const data = new Uint8Array(readFileSync(path));
  const doc = await pdfjs.getDocument({ data, verbosity: 0 }).promise;
  let tables = 0, figures = 0, headers = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const tree = await page.getStructTree();
    if (!tree) { problems.push(`page ${p}: no structure tree`); continue; }
    walk(tree, (n, parents) => {
      if (n.role === "Figure") {
        figures++;
        if (!n.alt || !n.alt.trim()) problems.push(`page ${p}: a Figure without alternative text`);
      }
      if (n.role === "Table" && !parents.some((q) => q.role === "Table")) tables++;
      // A header row is header cells, and they say something.
      if (n.role === "TR" && parents.length && parents[parents.length - 1].role === "THead") {
        const cells = (n.children || []).filter((c) => c.role === "TH" || c.role === "TD");
        if (cells.some((c) => c.role !== "TH")) problems.push(`page ${p}: a header row with a TD`);
        if (cells.some((c) => c.role === "TH" && hasContent(c))) headers++;
      }
    });
    page.cleanup();
  }
  if (tables && headers === 0) problems.push(`${tables} tables, no header row of TH cells`);
  await doc.destroy();
  return { problems, tables, figures, headers };
}

// "--figures PDF": that PDF must have at least one figure (a report with charts).
let bad = 0, wantFigures = false;
for (const path of process.argv.slice(2)) {
  if (path === "--figures") { wantFigures = true; continue; }
  try {
    const { problems, tables, figures, headers } = await check(path);
    if (wantFigures && figures === 0) problems.push("no Figure, though the report has charts");
    wantFigures = false;
    for (const pr of problems) console.log(`${path}: ${pr}`);
    if (problems.length) bad++;
    else console.log(`${path}: ok (${tables} tables, ${headers} header rows of TH cells, ${figures} figures with alternative text)`);
  } catch (e) {
    console.log(`${path}: pdf.js cannot read it: ${e.message}`);
    bad++;
  }
}
process.exit(bad ? 1 : 0);

// Drives `klausul serve` in Debian's headless Chromium as a buyer would:
// the form in Swedish and English, a good and a weak Word document dropped
// on the drop zone and sent with the keyboard, the statuses shown, the
// annotated copy downloaded, axe-core's WCAG 2.1 A and AA rules on both
// pages, an upload over the limit, and a foreign Host and Origin.
// Prints a JSON summary for tests/it/serve.rs, which judges it.
// Usage: node serve.mjs URL GOOD.docx WEAK.docx BIG_FILE OUT_DIR
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";

const [url, good, weak, big, out] = process.argv.slice(2);
const origin = new URL(url).origin;
const port = new URL(url).port;
const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const summary = {};

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    // A name of another site that resolves here, as a DNS rebinding would.
    "--host-resolver-rules=MAP evil.test 127.0.0.1",
  ],
});

// Evaluated through the DevTools protocol, which the page's policy does not
// govern: a script tag would be (rightly) refused by it.
const axeSource = readFileSync(axePath, "utf8");

async function axe(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
}

// Drops files on the drop zone as a file manager would: a drop event whose
// DataTransfer holds them.
async function drop(page, paths) {
  const files = paths.map((p) => ({ name: basename(p), data: readFileSync(p).toString("base64") }));
  const transfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }));
    }
    return dt;
  }, files);
  await page.dispatchEvent("#drop", "dragover", { dataTransfer: transfer });
  await page.dispatchEvent("#drop", "drop", { dataTransfer: transfer });
}

try {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const foreign = [];
  page.on("request", (r) => { if (!r.url().startsWith(origin)) foreign.push(r.url()); });
  // The page's policy refusing its own style or script is said on the console.
  const refusedByPolicy = [];
  page.on("console", (m) => { if (m.text().includes("Content Security Policy")) refusedByPolicy.push(m.text()); });

  await page.goto(url);
  summary.formLang = await page.getAttribute("html", "lang");
  await page.keyboard.press("Tab");
  summary.firstTab = await page.evaluate(() => document.activeElement?.className ?? "");
  summary.formViolations = await axe(page);

  // The language switch, and back, with the keyboard.
  await page.focus("header nav a");
  await Promise.all([page.waitForURL(/lang=en$/), page.keyboard.press("Enter")]);
  summary.switchedLang = await page.getAttribute("html", "lang");
  summary.switchedTitle = await page.textContent("h1");
  summary.switchedAxe = await axe(page);
  await page.focus("header nav a");
  await Promise.all([page.waitForURL(/lang=sv$/), page.keyboard.press("Enter")]);
  summary.backLang = await page.getAttribute("html", "lang");

  await drop(page, [good, weak]);
  summary.chosen = await page.textContent("#chosen");
  // Sent with the keyboard: focus on the button, Enter.
  await page.focus("button[type=submit]");
  await Promise.all([page.waitForURL(/\/r\/[0-9a-f]{32}\/$/), page.keyboard.press("Enter")]);
  summary.resultPath = new URL(page.url()).pathname;
  summary.statuses = await page.evaluate(() => {
    const docs = {};
    for (const section of document.querySelectorAll("section.doc")) {
      const name = section.querySelector("h2").textContent;
      const rows = section.querySelectorAll("table tbody tr");
      docs[name] = Array.from(rows).map((tr) => [
        tr.querySelector("th").textContent,
        tr.querySelector("td.st").classList[1],
      ]);
    }
    return docs;
  });
  summary.resultViolations = await axe(page);

  // The annotated copy of the weak document, by its link.
  const name = basename(weak);
  const link = page.getByRole("link", { name: `${name} med kommentarer (Word)` });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  summary.downloadName = download.suggestedFilename();
  await download.saveAs(join(out, "annotated.docx"));

  // Over the file limit: the 413 page, not a dropped connection.
  await page.goto(url);
  await page.setInputFiles("#files", big);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url() === `${origin}/check`),
    page.click("button[type=submit]"),
  ]);
  await page.waitForLoadState();
  summary.overStatus = response.status();
  summary.overTitle = await page.textContent("h1");
  summary.overText = await page.textContent("main p");
  summary.overAxe = await axe(page);
  summary.foreignRequests = foreign.slice();
  summary.refusedByPolicy = refusedByPolicy.slice();

  // Another site's name for this address (DNS rebinding): refused.
  const evil = await context.newPage();
  const refused = await evil.goto(`http://evil.test:${port}/`);
  summary.foreignHostStatus = refused.status();
  summary.foreignHostText = await evil.textContent("main p");
  // A form on another site, posted here: refused for its Origin. The
  // refused page's own policy would stop the form, so the test's context
  // bypasses it to play the other site.
  const attacker = await browser.newContext({ bypassCSP: true });
  const other = await attacker.newPage();
  await other.goto(`http://evil.test:${port}/`);
  const [posted] = await Promise.all([
    other.waitForResponse((r) => r.url() === `${origin}/check`),
    other.evaluate((target) => {
      const form = document.createElement("form");
      form.method = "post";
      form.action = target;
      form.enctype = "multipart/form-data";
      const field = document.createElement("input");
      field.name = "lang";
      field.value = "sv";
      form.appendChild(field);
      document.body.appendChild(form);
      form.submit();
    }, `${origin}/check`),
  ]);
  await other.waitForLoadState();
  summary.foreignOriginStatus = posted.status();
  summary.foreignOriginText = await other.textContent("main p");
  await attacker.close();
  console.log(JSON.stringify(summary));
} finally {
  await browser.close();
}

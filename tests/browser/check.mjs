// Opens an HTML report in Debian's headless Chromium, saves a screenshot
// and an A4 PDF print, and runs axe-core's WCAG 2.1 A and AA rules on it.
// Prints a JSON summary; exits 1 on any serious or critical violation.
// Usage: node check.mjs REPORT.html SCREENSHOT.png
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const [report, screenshot] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
try {
  const page = await browser.newPage();
  const requests = [];
  page.on("request", (r) => { if (!r.url().startsWith("file:")) requests.push(r.url()); });
  await page.goto(pathToFileURL(report).href);
  await page.screenshot({ path: screenshot, fullPage: true });
  const pdf = await page.pdf({ format: "A4" });
  // Keyboard: the first Tab reaches the skip link.
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.className ?? "");
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  console.log(JSON.stringify({
    violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })),
    passes: result.passes.length,
    requests,
    pdfBytes: pdf.length,
    firstTab: focused,
  }));
  process.exitCode = serious.length > 0 || requests.length > 0 ? 1 : 0;
} finally {
  await browser.close();
}

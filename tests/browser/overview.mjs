// Opens an HTML report's overview in a 1280×800 window of Debian's headless
// Chromium: measures the grid, saves a screenshot of the window, filters by
// "failed" with a click on its label (no script in the report), and prints
// the report on A4. Prints a JSON summary.
// Usage: node overview.mjs REPORT.html SCREENSHOT.png
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";

const [report, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(pathToFileURL(report).href);
  const table = page.locator("#overview table");
  await table.scrollIntoViewIfNeeded();
  const box = await table.boundingBox();
  await page.screenshot({ path: screenshot });
  const visible = async () => page.locator("#overview tbody tr:visible").count();
  const all = await visible();
  await page.click("label[for=f-fail]");
  const failed = await visible();
  await page.click("label[for=f-pass]");
  const passed = await visible();
  await page.click("label[for=f-all]");
  const scripts = await page.locator("script").count();
  const pdf = await page.pdf({ format: "A4" });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  console.log(JSON.stringify({ width: box.width, height: box.height, all, failed, passed, scripts, pages }));
} finally {
  await browser.close();
}

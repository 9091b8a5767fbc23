// Lighthouse (mobile) on the given addresses, several runs each, every run calibrated to the
// machine by its own benchmarkIndex: tools/audit.py explains why and reads what this prints.
//
//   node tools/lighthouse.mjs '{"urls": ["http://127.0.0.1:8001/"], "runs": 3, "targetIndex": 437.5,
//                               "chrome": "/usr/bin/chromium"}'
//
// One browser serves every run (a fresh tab and a fresh Lighthouse flow each time). A run is
// gathered first; the benchmarkIndex Lighthouse measured in that same browser just before the
// load gives the CPU slowdown (targetIndex is the phone's index); then the saved load is audited
// with that slowdown. In its simulated mode Lighthouse applies the slowdown only when auditing, so
// the load itself does not depend on it. Prints one JSON line per run.
import {auditFlowArtifacts, startFlow} from 'lighthouse';
import puppeteer from 'puppeteer-core';

const spec = JSON.parse(process.argv[2]);
const flags = {
  formFactor: 'mobile',
  onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  // Weigh nothing in any score and cost seconds per run: the back/forward-cache test navigates
  // away and back; the screenshots are pictures for the HTML report.
  skipAudits: ['bf-cache', 'screenshot-thumbnails', 'final-screenshot'],
  disableFullPageScreenshot: true,
  logLevel: 'error',
};
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index'];

const slowdownFor = index => Math.round(Math.min(4, Math.max(1, index / spec.targetIndex)) * 100) / 100;

const browser = await puppeteer.launch({
  executablePath: spec.chrome,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});
try {
  for (const url of spec.urls) {
    for (let run = 0; run < spec.runs; run++) {
      const page = await browser.newPage();
      const flow = await startFlow(page, {flags});
      await flow.navigate(url);
      const flowArtifacts = flow.createArtifactsJson();
      await page.close();
      const step = flowArtifacts.gatherSteps[0];
      const benchmarkIndex = step.artifacts.BenchmarkIndex;
      const slowdown = slowdownFor(benchmarkIndex);
      step.flags = {...step.flags, throttling: {...step.flags?.throttling, cpuSlowdownMultiplier: slowdown}};
      step.artifacts.settings.throttling.cpuSlowdownMultiplier = slowdown;  // audited as gathered
      const {lhr} = (await auditFlowArtifacts(flowArtifacts)).steps[0];
      if (lhr.configSettings.throttling.cpuSlowdownMultiplier !== slowdown ||
          lhr.configSettings.throttlingMethod !== 'simulate') {
        throw new Error(`${url}: Lighthouse did not simulate the calibrated CPU slowdown ${slowdown}x`);
      }
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(Object.entries(lhr.categories).map(([key, c]) => [key, c.score]));
      const metrics = Object.fromEntries(METRICS.map(id => [id, lhr.audits[id].numericValue]));
      console.log(JSON.stringify({url, run, benchmarkIndex, slowdown, scores, metrics}));
    }
  }
} finally {
  await browser.close();
}

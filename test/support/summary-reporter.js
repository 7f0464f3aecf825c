/** Prints the skipped specs (one line each, with their reason) and one plain closing line, "N passed, N failed, N skipped", after jest's own summary. */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    // A skipped spec says why in its title (e.g. the browser check without Chromium): one line each.
    for (const file of results.testResults) {
      for (const t of file.testResults) if (t.status === 'pending') process.stdout.write(`\nskipped: ${t.fullName}`);
    }
    process.stdout.write(`\n${results.numPassedTests} passed, ${failed} failed, ${results.numPendingTests} skipped\n`);
  }
}
module.exports = SummaryReporter;

package dev.gatehouse.bench.load;

/**
 * One measured run of a scenario.
 *
 * @param operations    requests completed in the window (watch-fanout: events delivered to watchers)
 * @param perSecond     operations / window
 * @param latency       request latency (watch-fanout: write acknowledgement → event arrival)
 * @param errors        non-2xx answers and failed requests (watch-fanout: events never delivered)
 * @param serverCores   server CPU time / window (cores busy), NaN when the server pid is unknown
 * @param clientCores   this load generator's CPU time / window
 * @param note          scenario-specific figures
 */
record ScenarioResult(String scenario, int round, long operations, double seconds, double perSecond,
                      Latencies.Summary latency, long errors, double serverCores, double clientCores, String note) {
  ScenarioResult withNotePrefix(String prefix) {
    return new ScenarioResult(scenario, round, operations, seconds, perSecond, latency, errors, serverCores,
        clientCores, prefix + note);
  }
}

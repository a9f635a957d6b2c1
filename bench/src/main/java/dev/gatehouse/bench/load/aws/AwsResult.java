package dev.gatehouse.bench.load.aws;

/**
 * One measured window of one scenario against one server.
 *
 * @param loadBefore  /proc/loadavg (1/5/15 min) when the warm-up started
 * @param loadAfter   /proc/loadavg when the window closed
 */
record AwsResult(String target, AwsScenario scenario, int round, int connections, SocketClosedLoop.Outcome outcome,
                 String loadBefore, String loadAfter) {
  double perSecond() {
    return outcome.perSecond();
  }
}

package dev.gatehouse.aws.server;

import dev.gatehouse.aws.auth.Caller;
import dev.gatehouse.aws.model.AccessKey;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.aws.state.AwsState;
import dev.gatehouse.aws.state.Batch;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records when long-term keys were last used (GetAccessKeyLastUsed). Like AWS, coarse: a key's record is
 * rewritten at most every {@link #RESOLUTION}, in the background, so a busy key costs no write per request.
 */
final class KeyUsage {
  private static final Logger log = LoggerFactory.getLogger(KeyUsage.class);
  static final Duration RESOLUTION = Duration.ofMinutes(1);

  private final AwsState state;

  KeyUsage(AwsState state) {
    this.state = state;
  }

  void used(Caller caller, String service, String region, Instant now) {
    if (!(caller instanceof Caller.UserCaller)) {
      return;
    }
    String key = AwsKeys.accessKey(caller.accessKeyId());
    state.get(key, AccessKey.class).ifPresent(v -> {
      AccessKey k = v.value();
      if (k.lastUsed() != null && k.lastUsed().plus(RESOLUTION).isAfter(now) && service.equals(k.lastUsedService())) {
        return;
      }
      state.commit(new Batch(state).put(key, k.withLastUsed(now, service, region))).exceptionally(e -> {
        log.debug("last-used update of {} skipped: {}", k.accessKeyId(), e.getMessage());
        return null;
      });
    });
  }
}

package dev.gatehouse.aws.api;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every Query action by name. IAM's and STS's action names do not collide, so one port serves both. */
public final class OperationRegistry {
  private final Map<String, OperationSpec> byAction = new HashMap<>();

  public OperationRegistry register(Collection<OperationSpec> specs) {
    for (OperationSpec spec : specs) {
      if (byAction.putIfAbsent(spec.action(), spec) != null) {
        throw new IllegalStateException("action registered twice: " + spec.action());
      }
    }
    return this;
  }

  public Optional<OperationSpec> find(String action) {
    return Optional.ofNullable(byAction.get(action));
  }

  public List<String> actions(String service) {
    return byAction.values().stream().filter(s -> s.service().equals(service)).map(OperationSpec::action).sorted().toList();
  }
}

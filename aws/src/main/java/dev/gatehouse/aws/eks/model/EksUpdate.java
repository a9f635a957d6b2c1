package dev.gatehouse.aws.eks.model;

import java.time.Instant;
import java.util.List;

/** One UpdateClusterConfig as DescribeUpdate shows it; Gatehouse applies updates at once (Successful). */
public record EksUpdate(String id, String status, String type, List<Param> params, Instant createdAt) {
  public EksUpdate {
    params = params == null ? List.of() : List.copyOf(params);
  }

  public record Param(String type, String value) {}
}

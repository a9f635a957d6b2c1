package dev.gatehouse.aws.protocol;

import java.util.Objects;

/** The outcome of {@link QueryRequest#parse}: the request's parameters, or the 400 error to answer with. */
public sealed interface QueryParse {
  record Parsed(QueryRequest request) implements QueryParse {
    public Parsed {
      Objects.requireNonNull(request, "request");
    }
  }

  record Malformed(AwsError error) implements QueryParse {
    public Malformed {
      Objects.requireNonNull(error, "error");
    }
  }
}

package dev.gatehouse.store.etcd;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code etcd://host[:port][,host[:port]...][/prefix][?cacert=..&cert=..&key=..&timeout=..]}. Written
 * by hand because java.net.URI treats a comma-separated host list as an opaque authority.
 */
final class StoreAddress {
  private static final int DEFAULT_PORT = 2379;

  private StoreAddress() {}

  static EtcdStoreOptions parse(String address) {
    boolean secure;
    String rest;
    if (address.startsWith("etcd://")) {
      secure = false;
      rest = address.substring("etcd://".length());
    } else if (address.startsWith("etcds://")) {
      secure = true;
      rest = address.substring("etcds://".length());
    } else {
      throw invalid(address, "it must start with etcd:// or etcds://");
    }
    Map<String, String> params = new LinkedHashMap<>();
    int question = rest.indexOf('?');
    if (question >= 0) {
      params = query(address, rest.substring(question + 1));
      rest = rest.substring(0, question);
    }
    String prefix = "";
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      prefix = rest.substring(slash);
      rest = rest.substring(0, slash);
      while (prefix.endsWith("/")) {
        prefix = prefix.substring(0, prefix.length() - 1);
      }
    }
    Path ca = pathParam(params, "cacert");
    Path cert = pathParam(params, "cert");
    Path key = pathParam(params, "key");
    Duration timeout = params.containsKey("timeout") ? duration(address, params.remove("timeout")) : Duration.ofSeconds(30);
    if (!params.isEmpty()) {
      throw invalid(address, "unknown parameter " + params.keySet().iterator().next()
          + " (known: cacert, cert, key, timeout)");
    }
    EtcdStoreOptions.Tls tls = null;
    if (ca != null || cert != null || key != null) {
      try {
        tls = new EtcdStoreOptions.Tls(ca, cert, key);
      } catch (IllegalArgumentException e) {
        throw invalid(address, e.getMessage());
      }
      secure = true;
    }
    List<URI> endpoints = new ArrayList<>();
    for (String hostPort : rest.split(",", -1)) {
      endpoints.add(endpoint(address, hostPort.trim(), secure ? "https" : "http"));
    }
    return new EtcdStoreOptions(endpoints, prefix, tls, timeout, 10_000);
  }

  private static URI endpoint(String address, String hostPort, String scheme) {
    if (hostPort.isEmpty()) {
      throw invalid(address, "an endpoint is empty");
    }
    String host = hostPort;
    String port = null;
    if (hostPort.startsWith("[")) { // IPv6 literal
      int close = hostPort.indexOf(']');
      if (close < 0) {
        throw invalid(address, "unclosed [ in " + hostPort);
      }
      host = hostPort.substring(0, close + 1);
      String after = hostPort.substring(close + 1);
      if (after.startsWith(":")) {
        port = after.substring(1);
      } else if (!after.isEmpty()) {
        throw invalid(address, "unexpected text after ] in " + hostPort);
      }
    } else if (hostPort.indexOf(':') >= 0) {
      host = hostPort.substring(0, hostPort.indexOf(':'));
      port = hostPort.substring(hostPort.indexOf(':') + 1);
    }
    int portNumber = DEFAULT_PORT;
    if (port != null) {
      try {
        portNumber = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        portNumber = -1;
      }
      if (portNumber < 1 || portNumber > 65535) {
        throw invalid(address, "bad port in " + hostPort);
      }
    }
    if (host.isEmpty()) {
      throw invalid(address, "no host in " + hostPort);
    }
    try {
      return new URI(scheme + "://" + host + ":" + portNumber);
    } catch (java.net.URISyntaxException e) {
      throw invalid(address, "bad host in " + hostPort);
    }
  }

  private static Map<String, String> query(String address, String query) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw invalid(address, "parameter " + pair + " has no value");
      }
      params.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return params;
  }

  private static Path pathParam(Map<String, String> params, String name) {
    String value = params.remove(name);
    return value == null || value.isEmpty() ? null : Path.of(value);
  }

  /** "30s", "500ms", "2m": the forms Kubernetes flags use for short timeouts. */
  private static Duration duration(String address, String text) {
    try {
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      }
      if (text.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
      }
      if (text.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(address, "timeout must look like 500ms, 30s or 2m, got " + text);
  }

  private static IllegalArgumentException invalid(String address, String why) {
    return new IllegalArgumentException("etcd store: invalid address " + address + ": " + why);
  }
}

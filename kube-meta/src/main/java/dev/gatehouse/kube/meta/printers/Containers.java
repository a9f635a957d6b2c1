package dev.gatehouse.kube.meta.printers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.internal.Json;

import java.util.List;
import java.util.stream.Collectors;

/** Upstream {@code layoutContainerCells}: container names and images, each comma separated. */
final class Containers {
    private Containers() {
    }

    static String names(List<JsonNode> containers) {
        return containers.stream().map(c -> Json.text(c, "/name")).collect(Collectors.joining(","));
    }

    static String images(List<JsonNode> containers) {
        return containers.stream().map(c -> Json.text(c, "/image")).collect(Collectors.joining(","));
    }
}

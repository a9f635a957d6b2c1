package dev.gatehouse.kube.meta.printers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.internal.Json;

import java.time.Instant;
import java.util.List;

/** Builds the cells of one table row for one kind, in the order of that kind's column definitions. */
interface RowPrinter {

    List<Object> cells(JsonNode object, Instant now);

    default List<TableRowCondition> conditions(JsonNode object) {
        return List.of();
    }

    static String name(JsonNode object) {
        return Json.text(object, "/metadata/name");
    }

    /** The {@code Age} cell. */
    static String age(JsonNode object, Instant now) {
        return HumanDuration.since(Json.time(object, "/metadata/creationTimestamp"), now);
    }
}

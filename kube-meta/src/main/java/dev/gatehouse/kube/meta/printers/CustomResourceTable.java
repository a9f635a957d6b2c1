package dev.gatehouse.kube.meta.printers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.validation.GoFormat;
import dev.gatehouse.kube.meta.internal.GoJson;
import dev.gatehouse.kube.meta.internal.Json;
import dev.gatehouse.kube.meta.internal.SimpleJsonPath;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Tables of custom resources from a CRD version's {@code additionalPrinterColumns}, as apiextensions-apiserver
 * 1.32 builds them: a {@code Name} column, then one column per printer column. A version without printer
 * columns gets upstream's default single {@code Age} column ({@code .metadata.creationTimestamp}).
 *
 * <p>Cells are null when the path finds nothing or the value does not fit the column type; {@code date} columns
 * print human durations; {@code string} columns print scalars as text and objects or arrays as JSON.
 */
public final class CustomResourceTable {

    /** One {@code additionalPrinterColumns} entry of a CRD version. */
    public record PrinterColumn(String name, String type, String format, String description, int priority,
                                String jsonPath) {
        public PrinterColumn {
            format = format == null ? "" : format;
            description = description == null ? "" : description;
        }

        /** Reads a {@code CustomResourceColumnDefinition} JSON object. */
        public static PrinterColumn fromJson(JsonNode column) {
            return new PrinterColumn(Json.text(column, "/name"), Json.text(column, "/type"),
                    Json.text(column, "/format"), Json.text(column, "/description"),
                    (int) Json.integer(column, "/priority"), Json.text(column, "/jsonPath"));
        }
    }

    private static final String CREATION_TIMESTAMP_DESCRIPTION =
            ColumnCatalog.DEFAULT.get(1).description();

    private final List<ColumnDefinition> columns;
    private final List<SimpleJsonPath> paths;

    private CustomResourceTable(List<ColumnDefinition> columns, List<SimpleJsonPath> paths) {
        this.columns = columns;
        this.paths = paths;
    }

    /**
     * @throws IllegalArgumentException {@code unrecognized column definition ".spec[?(@.x)]"} for a JSONPath
     *                                  outside the supported subset (CRD validation normally rejects those)
     */
    public static CustomResourceTable of(List<PrinterColumn> printerColumns) {
        List<PrinterColumn> effective = printerColumns.isEmpty()
                ? List.of(new PrinterColumn("Age", "date", "", CREATION_TIMESTAMP_DESCRIPTION, 0,
                ".metadata.creationTimestamp"))
                : printerColumns;
        List<ColumnDefinition> columns = new ArrayList<>();
        columns.add(ColumnCatalog.DEFAULT.get(0));
        List<SimpleJsonPath> paths = new ArrayList<>();
        for (PrinterColumn c : effective) {
            try {
                paths.add(SimpleJsonPath.parse(c.jsonPath()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unrecognized column definition " + GoFormat.quote(c.jsonPath()), e);
            }
            String description = c.description().isEmpty()
                    ? "Custom resource definition column (in JSONPath format): " + c.jsonPath() : c.description();
            columns.add(new ColumnDefinition(c.name(), c.type(), c.format(), description, c.priority()));
        }
        return new CustomResourceTable(List.copyOf(columns), List.copyOf(paths));
    }

    /** The table of one CRD version object ({@code spec.versions[i]}). */
    public static CustomResourceTable fromCrdVersion(JsonNode crdVersion) {
        List<PrinterColumn> printerColumns = new ArrayList<>();
        for (JsonNode c : Json.array(crdVersion, "/additionalPrinterColumns")) {
            printerColumns.add(PrinterColumn.fromJson(c));
        }
        return of(printerColumns);
    }

    public List<ColumnDefinition> columns() {
        return columns;
    }

    public List<Object> cells(JsonNode object, Instant now) {
        List<Object> cells = new ArrayList<>();
        cells.add(Json.text(object, "/metadata/name"));
        for (int i = 0; i < paths.size(); i++) {
            List<JsonNode> results = paths.get(i).find(object);
            cells.add(results.isEmpty() ? null : cell(columns.get(i + 1).type(), results.get(0), now));
        }
        return Collections.unmodifiableList(cells);
    }

    private static Object cell(String type, JsonNode value, Instant now) {
        if (type.equals("string")) {
            // client-go's jsonpath printer: text for scalars, JSON for containers, "<no value>" for null.
            if (value.isNull()) {
                return "<no value>";
            }
            if (value.isContainerNode()) {
                return GoJson.marshal(value);
            }
            return value.isFloatingPointNumber() ? GoFormat.formatFloat(value.asDouble()) : value.asText();
        }
        if (value.isNull()) {
            return null;
        }
        return switch (type) {
            case "integer" -> value.isNumber() ? (Object) (value.isIntegralNumber() ? value.asLong()
                    : (long) value.asDouble()) : null;
            case "number" -> value.isNumber() ? (Object) value.asDouble() : null;
            case "boolean" -> value.isBoolean() ? (Object) value.asBoolean() : null;
            case "date" -> value.isTextual() ? dateCell(value.asText(), now) : null;
            default -> null;
        };
    }

    /** Upstream parses the value as a query parameter time, then prints the age. */
    private static String dateCell(String text, Instant now) {
        if (text.isEmpty() || text.equals("null")) {
            return "<unknown>";
        }
        try {
            Instant t = OffsetDateTime.parse(text).toInstant();
            return t.equals(Json.GO_ZERO_TIME) ? "<unknown>" : HumanDuration.format(Duration.between(t, now));
        } catch (DateTimeParseException e) {
            return "<invalid>";
        }
    }
}

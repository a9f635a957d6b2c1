package dev.gatehouse.kube.meta.printers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.testing.Cases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableConvertorTest {

    private static final TableConvertor TABLES = new TableConvertor();
    private static final List<String> ROW_FILES = List.of("pods.yaml", "services.yaml", "nodes.yaml", "events.yaml",
            "deployments.yaml", "rbac.yaml", "core.yaml");

    static Stream<Arguments> rowCases() {
        List<Arguments> all = new ArrayList<>();
        for (String file : ROW_FILES) {
            JsonNode root = Cases.file("printers/" + file);
            Cases.of("printers/" + file, "group", "resource", "object", "cells", "conditions").forEach(a -> {
                JsonNode c = (JsonNode) a.get()[1];
                all.add(Arguments.of(file + ": " + a.get()[0], root, c));
            });
        }
        return all.stream();
    }

    static Stream<Arguments> durationCases() {
        return Cases.of("printers/duration.yaml", "duration", "expect");
    }

    static Stream<Arguments> columnCases() {
        return Cases.of("printers/columns.yaml", "group", "resource", "columns");
    }

    static Stream<Arguments> customResourceCases() {
        return Cases.of("printers/custom-resources.yaml", "printerColumns", "columns", "object", "cells", "error");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rowCases")
    void printsRows(String name, JsonNode file, JsonNode c) {
        String group = c.has("group") ? c.get("group").asText() : file.path("group").asText("");
        String resource = c.has("resource") ? c.get("resource").asText() : file.get("resource").asText();
        Instant now = Instant.parse(file.get("now").asText());
        List<Object> cells = TABLES.cells(group, resource, c.get("object"), now);
        assertThat(cells).containsExactlyElementsOf(Cases.scalars(c.get("cells")));
        assertThat(cells).as("one cell per column").hasSameSizeAs(TABLES.columns(group, resource));
        List<String> conditions = TABLES.rowConditions(group, resource, c.get("object")).stream()
                .map(rc -> rc.type() + "|" + rc.status() + "|" + rc.reason() + "|" + rc.message()).toList();
        assertThat(conditions).containsExactlyElementsOf(Cases.strings(c.get("conditions")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("durationCases")
    void formatsHumanDurations(String name, JsonNode c) {
        assertThat(HumanDuration.format(Duration.parse(c.get("duration").asText()))).isEqualTo(c.get("expect").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("columnCases")
    void definesColumns(String name, JsonNode c) {
        List<ColumnDefinition> columns = TABLES.columns(c.path("group").asText(""), c.get("resource").asText());
        assertThat(columns).extracting(d -> d.name() + "|" + d.type() + "|" + d.format() + "|" + d.priority())
                .containsExactlyElementsOf(Cases.strings(c.get("columns")));
        assertThat(columns).allSatisfy(d -> assertThat(d.description()).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("customResourceCases")
    void printsCustomResources(String name, JsonNode c) {
        List<CustomResourceTable.PrinterColumn> printerColumns = new ArrayList<>();
        c.get("printerColumns").forEach(p -> printerColumns.add(CustomResourceTable.PrinterColumn.fromJson(p)));
        if (c.has("error")) {
            assertThatThrownBy(() -> CustomResourceTable.of(printerColumns))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(c.get("error").asText());
            return;
        }
        if (c.has("columns")) {
            List<String> expected = Cases.strings(c.get("columns"));
            List<ColumnDefinition> columns = TABLES.customResourceColumns(printerColumns);
            assertThat(columns).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                ColumnDefinition d = columns.get(i);
                String[] want = expected.get(i).split("\\|", 5);
                assertThat(d.name() + "|" + d.type() + "|" + d.format() + "|" + d.priority())
                        .isEqualTo(String.join("|", want[0], want[1], want[2], want[3]));
                assertThat(d.description()).startsWith(want[4]);
            }
        }
        Instant now = Instant.parse(Cases.file("printers/custom-resources.yaml").get("now").asText());
        assertThat(TABLES.customResourceCells(printerColumns, c.get("object"), now))
                .containsExactlyElementsOf(Cases.scalars(c.get("cells")));
    }

    @Test
    void descriptionsAreUpstreamSwaggerDocs() {
        ColumnDefinition name = TABLES.columns("", "pods").get(0);
        assertThat(name.description()).isEqualTo("Name must be unique within a namespace. Is required when creating "
                + "resources, although some resources may allow a client to request the generation of an appropriate "
                + "name automatically. Name is primarily intended for creation idempotence and configuration "
                + "definition. Cannot be updated. More info: "
                + "https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names");
        assertThat(TABLES.columns("", "pods").get(3).description()).isEqualTo("The number of times the containers in "
                + "this pod have been restarted and when the last container in this pod has restarted.");
        assertThat(TABLES.columns("rbac.authorization.k8s.io", "rolebindings").get(3).description())
                .isEqualTo("Users in the roleBinding");
        assertThat(TABLES.columns("", "nodes").get(4).description()).isEqualTo("Kubelet Version reported by the node.");
        assertThat(TABLES.columns("", "secrets").get(1).description()).isEqualTo("Used to facilitate programmatic "
                + "handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types");
    }

    @Test
    void resourcesWithoutPrintersUseTheDefault() {
        assertThat(TABLES.hasPrinter("rbac.authorization.k8s.io", "roles")).isFalse();
        assertThat(TABLES.hasPrinter("", "pods")).isTrue();
        assertThat(TABLES.columns("example.com", "widgets")).extracting(ColumnDefinition::name)
                .containsExactly("Name", "Created At");
    }
}

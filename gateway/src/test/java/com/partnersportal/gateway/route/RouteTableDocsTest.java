package com.partnersportal.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The route table in docs/gateway.md is the table in the code, line for line. */
class RouteTableDocsTest {

    @Test
    void theDocumentedTableIsTheCodesTable() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../docs/gateway.md"));
        int header = lines.indexOf("| route | method | path | service | who may call | rate class |");
        List<String> documented = lines.subList(header + 2, lines.size()).stream()
                .takeWhile(line -> line.startsWith("|"))
                .toList();

        List<String> inCode = RouteTable.ROUTES.stream()
                .map(route -> "| `%s` | %s | `%s` | %s | %s | %s |".formatted(route.id(), route.methodName(),
                        route.path(), route.upstream().key(), route.access().describe(),
                        route.rateClass() == RateClass.SIGN_IN ? "sign-in" : "standard"))
                .toList();
        assertThat(documented).containsExactlyElementsOf(inCode);
    }
}

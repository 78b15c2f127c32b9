package com.partnersportal.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemBodiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiProblem limited = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "Slow down.",
            Map.of("retry_after_seconds", 3), Map.of("Retry-After", "3"));

    @Test
    void everyWriterGivesTheSameBody() throws Exception {
        MockHttpServletResponse written = new MockHttpServletResponse();
        ProblemBodies.write(written, limited);
        JsonNode raw = JSON.readTree(written.getContentAsString());
        ProblemDetail detail = ProblemBodies.detail(limited);

        assertThat(written.getStatus()).isEqualTo(429);
        assertThat(written.getContentType()).startsWith("application/problem+json");
        assertThat(written.getHeader("Retry-After")).isEqualTo("3");
        assertThat(raw.propertyNames()).containsExactly("type", "title", "status", "detail", "message", "errors");
        assertThat(raw.get("title").asString()).isEqualTo(detail.getTitle()).isEqualTo("Too Many Requests");
        assertThat(raw.get("detail").asString()).isEqualTo(detail.getDetail()).isEqualTo("Slow down.");
        assertThat(raw.get("message").asString()).isEqualTo(detail.getProperties().get("message"));
        assertThat(raw.get("errors").get(0).get("error_code").asString()).isEqualTo("rate_limited");
        assertThat(raw.get("errors").get(0).get("data").get("retry_after_seconds").asInt()).isEqualTo(3);
        assertThat(detail.getProperties().get("errors"))
                .isEqualTo(List.of(Map.of("error_code", "rate_limited", "data", Map.of("retry_after_seconds", 3))));
    }

    @Test
    void anAdvicesAnswerCarriesTheProblemsHeaders() {
        ResponseEntity<Object> answer = ProblemBodies.entity(limited);

        assertThat(answer.getStatusCode().value()).isEqualTo(429);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("3");
        assertThat(answer.getBody()).isInstanceOf(ProblemDetail.class);
    }

    @Test
    void aStatusNoOneNamedIsTitledError() throws Exception {
        JsonNode body = JSON.readTree(ProblemBodies.json(499, "http_499", "Error.", Map.of()));

        assertThat(body.get("title").asString()).isEqualTo("Error");
        assertThat(body.get("status").asInt()).isEqualTo(499);
    }

    @Test
    void anInvalidFieldNamesTheFieldAndWhy() {
        ApiProblem problem = ApiProblem.invalidField("created_to", "must not be before created_from");

        assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem.errorCode()).isEqualTo("invalid_field");
        assertThat(problem.detail()).isEqualTo("created_to must not be before created_from.");
        assertThat(problem.data()).containsEntry("field", "created_to").containsEntry("reason",
                "must not be before created_from");
    }
}

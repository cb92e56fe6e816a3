package io.agentic.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;

class ServletProblemHandlerTest {

  final ServletProblemHandler handler = new ServletProblemHandler();
  final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest());

  @Test
  void aWrongContentTypeIsA415ProblemWithACode() throws Exception {
    ResponseEntity<Object> answer =
        handler.handleException(
            new HttpMediaTypeNotSupportedException(
                MediaType.TEXT_PLAIN, List.of(MediaType.APPLICATION_JSON)),
            request);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    ProblemDetail problem = (ProblemDetail) answer.getBody();
    assertThat(problem.getProperties()).containsEntry("code", "UNSUPPORTED_MEDIA_TYPE");
    assertThat(problem.getType().toString()).endsWith("/unsupported-media-type");
  }

  @Test
  void aWrongMethodIsA405ProblemWithACode() throws Exception {
    ResponseEntity<Object> answer =
        handler.handleException(new HttpRequestMethodNotSupportedException("PATCH"), request);

    assertThat(((ProblemDetail) answer.getBody()).getProperties())
        .containsEntry("code", "METHOD_NOT_ALLOWED");
  }

  @Test
  void anApiExceptionKeepsItsCodeAndFieldErrors() {
    ResponseEntity<ProblemDetail> answer =
        handler.handleApi(
            ApiException.invalid(
                "GRAPH_INVALID", "bad graph", List.of(new FieldProblem("nodes[0].id", "bad id"))));

    assertThat(answer.getBody().getProperties())
        .containsEntry("code", "GRAPH_INVALID")
        .containsKey("errors");
  }
}

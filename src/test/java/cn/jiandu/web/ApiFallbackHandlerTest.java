package cn.jiandu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

class ApiFallbackHandlerTest {

    private final ApiFallbackHandler handler = new ApiFallbackHandler(new StaticMessageSource());

    private static MockHttpServletRequest post(String path) {
        return new MockHttpServletRequest("POST", path);
    }

    @Test
    void shouldAnswerAnUploadBeyondTheContainersLimitWith413InChinese() throws Exception {
        ResponseEntity<ProblemDetail> answer = handler.multipart(new MaxUploadSizeExceededException(200L << 20),
                post("/api/problems/1/evidence"));

        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(answer.getBody().getDetail()).containsPattern("\\p{IsHan}");
    }

    @Test
    void shouldAnswerBrokenMultipartWith400NamingTheBody() throws Exception {
        ResponseEntity<ProblemDetail> answer = handler.multipart(new MultipartException("Failed to parse"),
                post("/api/problems/1/evidence"));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().getProperties()).containsKey("errors");
        assertThat(answer.getBody().getDetail()).startsWith("body: ");
    }

    @Test
    void shouldLeaveMultipartFailuresOutsideTheApiToSpring() {
        assertThatThrownBy(() -> handler.multipart(new MultipartException("x"), post("/camunda/api/admin/x")))
                .isInstanceOf(MultipartException.class);
    }
}

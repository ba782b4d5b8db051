package cn.jiandu.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The API's answer when no controller method matches at all (an unknown path under /api, a
 * method the path does not have, a Content-Type none of its methods reads): the same RFC
 * 9457 problem in Chinese as {@link ApiExceptionHandler} gives, which Spring applies only
 * once a controller of cn.jiandu is chosen. Elsewhere (webapps, docs) Spring answers as
 * before.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiFallbackHandler {

    private final MessageSource messages;

    ApiFallbackHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<ProblemDetail> noMatch(Exception e, HttpServletRequest request, Locale locale) throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!(e instanceof ErrorResponse error) || !path.startsWith("/api/")) {
            // rethrown as it is, Spring carries on with its default answer
            throw e;
        }
        ProblemDetail body = error.updateAndGetBody(messages, locale);
        return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders()).body(body);
    }

    /**
     * A multipart request the servlet container could not read (broken, or beyond
     * spring.servlet.multipart's limits, which stay above the app's own checks): read before
     * any controller is chosen, so answered here. Too large is 413, anything else 400.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e, HttpServletRequest request) throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            throw e;
        }
        if (e instanceof MaxUploadSizeExceededException) {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    "上传的内容超过了服务器允许的总大小，请减少或压缩文件后分批上传");
            body.setType(URI.create("urn:jiandu:problem:too-large"));
            body.setTitle("上传内容过大");
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(body);
        }
        List<InputError> errors = List.of(InputError.of("body", "无法读取上传的内容（不是有效的 multipart/form-data 请求）"));
        return ResponseEntity.badRequest().body(ApiExceptionHandler.invalid(new InvalidInputException(errors)
                .getMessage(), errors));
    }
}

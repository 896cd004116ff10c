package io.kefu.server.system;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.nio.charset.CharacterCodingException;
import java.util.Map;

/** The one place HTTP errors become responses: a {@link ProblemDetail} whose detail a customer can read. */
@RestControllerAdvice
class ApiErrors {

    /** What each JSON endpoint expects, shown to a client whose body does not read. */
    private static final Map<String, String> EXAMPLE_BODIES = Map.of(
            "/api/ask", "{\"q\": \"话费怎么查\"}",
            "/api/admin/staff", "{\"username\": \"agent1\", \"displayName\": \"小王\", \"password\": \"至少 8 位\", "
                    + "\"roles\": [\"AGENT\"]}");

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpServletRequest request) {
        String example = EXAMPLE_BODIES.get(request.getServletPath());
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, example == null ? "请求格式不正确，请发送 JSON 对象。"
                : "请求格式不正确，请发送 JSON，例如 " + example + "。");
    }

    /**
     * The container could not read the query string or form ({@code ?q=%ff%fe} is not UTF-8): the client's mistake,
     * so a 400 the client can read, and nothing in the log.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail unreadableParameters(InvalidParameterException e) {
        HttpStatus status = HttpStatus.resolve(e.getErrorCode());
        if (status == null || !status.is4xxClientError()) status = HttpStatus.BAD_REQUEST;
        String detail = e.getCause() instanceof CharacterCodingException ? "请求参数不是有效的 UTF-8 编码，请检查后重试。"
                : "请求参数格式不正确，请检查后重试。";
        return ProblemDetail.forStatusAndDetail(status, detail);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "缺少参数 " + e.getParameterName() + "，请输入您想咨询的问题。");
    }
}

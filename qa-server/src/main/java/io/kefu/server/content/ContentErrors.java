package io.kefu.server.content;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused content requests as a {@link ProblemDetail} with the Chinese message. */
@RestControllerAdvice(basePackageClasses = ContentErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContentErrors {

    @ExceptionHandler(ContentException.class)
    ProblemDetail refused(ContentException e) {
        return ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    }
}

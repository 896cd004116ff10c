package io.kefu.server.content;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Refused content requests as a {@link ProblemDetail} with a Chinese message. */
@RestControllerAdvice(basePackageClasses = ContentErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContentErrors {

    @ExceptionHandler(ContentException.class)
    ProblemDetail refused(ContentException e) {
        return ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail noFile() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "请选择要导入的文件（表单字段 file）。");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "文件过大，最大 60 MB。请拆分后分批导入。");
    }

    /** Not a multipart upload at all (e.g. JSON sent to the import). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail notAnUpload() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "请以文件上传（multipart/form-data，字段 file）的方式发送要导入的文件。");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "参数 " + e.getName() + " 的格式不正确。");
    }
}

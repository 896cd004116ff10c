package io.kefu.server.system;

import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

import java.util.Map;

/**
 * The body of an error that never reached a controller (the container refused the request, e.g. a form body that is
 * not UTF-8, before Spring MVC and its {@code ApiErrors} saw it): Spring Boot's usual attributes plus a
 * {@code detail} a customer can read, as every other error of this server has.
 */
@Component
class ErrorBodies extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object status = attributes.get("status");
        if (status instanceof Integer code) attributes.putIfAbsent("detail", detail(code));
        return attributes;
    }

    private static String detail(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) return "请求未能完成，请稍后再试。";
        return switch (status) {
            case BAD_REQUEST -> "请求格式不正确，请检查后重试。";
            case UNAUTHORIZED -> "请先登录。";
            case FORBIDDEN -> "没有权限访问此地址。";
            case NOT_FOUND -> "找不到此地址。";
            case METHOD_NOT_ALLOWED -> "此地址不支持这种请求方法。";
            case PAYLOAD_TOO_LARGE -> "请求内容太大了。";
            case REQUEST_HEADER_FIELDS_TOO_LARGE, URI_TOO_LONG -> "请求太长了，请缩短后重试。";
            default -> status.is4xxClientError() ? "请求未能完成，请检查后重试。" : "系统繁忙，请稍后再试。";
        };
    }
}

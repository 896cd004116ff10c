package io.kefu.server.staff;

import io.kefu.server.system.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page and the one-time setup page, in Chinese. Rendered here (not static files) because each form
 * carries the request's CSRF token.
 */
@Controller
class SignInPages {

    private final StaffService staff;

    SignInPages(StaffService staff) {
        this.staff = staff;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(HttpServletRequest request, CsrfToken csrf) {
        String notice = request.getParameter("error") != null ? "用户名或密码错误，请重新输入。"
                : request.getParameter("blocked") != null ? "登录失败次数过多，请稍后再试。"
                : request.getParameter("logout") != null ? "您已安全退出。" : null;
        String setupLink = staff.setupOpen() ? "<p class=\"hint\">首次使用？请先 <a href=\"setup\">初始化管理员账号</a>。</p>" : "";
        return page("客服工作台登录", """
                <form method="post" action="login">
                  <h1>客服工作台登录</h1>
                  %s
                  <label for="username">用户名</label>
                  <input id="username" name="username" autocomplete="username" required autofocus>
                  <label for="password">密码</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required>
                  <input type="hidden" name="%s" value="%s">
                  <button type="submit" id="sign-in">登录</button>
                  %s
                </form>""".formatted(notice == null ? "" : "<p class=\"notice\" role=\"alert\">" + notice + "</p>",
                HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()), setupLink));
    }

    @GetMapping(value = "/setup", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String setup(CsrfToken csrf) {
        return setupPage(csrf, null);
    }

    @PostMapping(value = "/setup", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String setUp(@RequestParam(name = "token", required = false) String token,
                 @RequestParam(name = "username", required = false) String username,
                 @RequestParam(name = "password", required = false) String password,
                 HttpServletRequest request, CsrfToken csrf) {
        try {
            staff.setUp(token, username, password, request.getRemoteAddr());
            return page("初始化完成", "<form><h1>初始化完成</h1><p>管理员账号已创建，请 <a href=\"login\">登录</a>。</p></form>");
        } catch (BadRequestException e) {
            return setupPage(csrf, e.getMessage());
        }
    }

    private String setupPage(CsrfToken csrf, String error) {
        if (!staff.setupOpen()) {
            return page("初始化", "<form><h1>初始化</h1><p>系统已完成初始化，请直接 <a href=\"login\">登录</a>。</p></form>");
        }
        return page("初始化管理员账号", """
                <form method="post" action="setup">
                  <h1>初始化管理员账号</h1>
                  %s
                  <p class="hint">一次性设置令牌打印在服务器首次启动的日志中。</p>
                  <label for="token">设置令牌</label>
                  <input id="token" name="token" required autocomplete="off">
                  <label for="username">管理员用户名</label>
                  <input id="username" name="username" required autocomplete="username">
                  <label for="password">密码（至少 %d 位）</label>
                  <input id="password" name="password" type="password" required autocomplete="new-password">
                  <input type="hidden" name="%s" value="%s">
                  <button type="submit">创建管理员</button>
                </form>""".formatted(error == null ? "" : "<p class=\"notice\" role=\"alert\">" + HtmlUtils.htmlEscape(error) + "</p>",
                StaffService.MIN_PASSWORD_LENGTH, HtmlUtils.htmlEscape(csrf.getParameterName()),
                HtmlUtils.htmlEscape(csrf.getToken())));
    }

    private static String page(String title, String body) {
        return """
                <!doctype html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                  body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; background: #f3f5f8; margin: 0; }
                  form { max-width: 340px; margin: 12vh auto; background: #fff; padding: 28px; border-radius: 10px;
                         box-shadow: 0 2px 12px rgba(0,0,0,.08); display: flex; flex-direction: column; gap: 8px; }
                  h1 { font-size: 20px; margin: 0 0 8px; }
                  input { padding: 9px 10px; border: 1px solid #c8ced8; border-radius: 6px; font-size: 15px; }
                  button { margin-top: 12px; padding: 10px; border: 0; border-radius: 6px; background: #1f6feb; color: #fff;
                           font-size: 15px; cursor: pointer; }
                  .notice { color: #b42318; margin: 0; } .hint { color: #667085; font-size: 13px; }
                </style>
                </head>
                <body>
                %s
                </body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(title), body);
    }
}

package io.kefu.server.agent;

import io.kefu.server.system.OriginHeaderCheck;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The agent console: the page at {@code /agent} and its socket at {@code /ws/agent}. The socket accepts pages of
 * this server only (no allowed origins configured: same origin), so another site cannot open it with an agent's
 * session cookie.
 */
@Configuration(proxyBeanMethods = false)
class AgentSocketConfiguration implements WebSocketConfigurer, WebMvcConfigurer {

    private final AgentSocketHandler handler;

    AgentSocketConfiguration(AgentSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws/agent").addInterceptors(new OriginHeaderCheck());
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/agent").setViewName("forward:/agent.html");
    }
}

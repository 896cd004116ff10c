package io.kefu.server.chat;

import io.kefu.server.system.KefuProperties;
import io.kefu.server.system.OriginHeaderCheck;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The customer chat endpoints: the socket at {@code /ws/chat} (plain JSON frames, no STOMP) and the full-page chat
 * at {@code /chat}. Customer sockets identify themselves with the visitor token only; agents will connect to an
 * endpoint of their own behind sign-in.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ChatSocketConfiguration implements WebSocketConfigurer, WebMvcConfigurer {

    static final String PATH = "/ws/chat";
    /** Characters of a text frame the container holds before it hands a part over. */
    static final int TEXT_BUFFER_CHARS = 1024;

    private final ChatSocketHandler handler;
    private final KefuProperties.Chat settings;

    ChatSocketConfiguration(ChatSocketHandler handler, KefuProperties properties) {
        this.handler = handler;
        this.settings = properties.chat();
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH).addInterceptors(new OriginHeaderCheck())
                .setAllowedOriginPatterns(settings.allowedOrigins().toArray(String[]::new));
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/chat").setViewName("forward:/chat.html");
    }

    /**
     * The container's per-connection buffers, small because every idle connection holds them: a larger text frame
     * reaches the handlers in parts, which put it together ({@code FrameParts}) up to twice the frame limit, so that
     * a frame a little too large still gets a clear error and a far larger one closes that connection (1009). (A
     * factory bean is created before the properties bean exists, so it binds the settings itself.)
     */
    @Bean
    static ServletServerContainerFactoryBean chatSocketContainer(Environment environment) {
        KefuProperties properties = Binder.get(environment).bindOrCreate("kefu", KefuProperties.class);
        var container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(TEXT_BUFFER_CHARS);
        container.setMaxBinaryMessageBufferSize(1024);
        container.setMaxSessionIdleTimeout(properties.chat().idleTimeout().toMillis());
        return container;
    }
}

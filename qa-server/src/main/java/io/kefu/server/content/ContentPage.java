package io.kefu.server.content;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code /content}: the content console's page (static, from the jar). */
@Configuration(proxyBeanMethods = false)
class ContentPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/content").setViewName("forward:/content.html");
    }
}

package io.kefu.server;

import io.kefu.server.chat.IdleConnectionBuffers;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the chat server with the knowledge base it finds (by default the bundled demo content). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KefuServerApplication {

    public static void main(String[] args) {
        IdleConnectionBuffers.useSmallWebSocketBuffers();
        SpringApplication.run(KefuServerApplication.class, args);
    }
}

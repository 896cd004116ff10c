package io.kefu.server.cluster;

import io.kefu.server.system.KefuProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;

/**
 * Several nodes share one PostgreSQL database and talk through it (LISTEN/NOTIFY); with the embedded database the
 * server is one node and the bus says nothing.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    @Bean
    NodeId nodeId() {
        return NodeId.random();
    }

    @Bean
    ClusterBus clusterBus(KefuProperties properties, DataSource dataSource, JsonMapper json, NodeId node,
                          ApplicationEventPublisher events) {
        String url = properties.database().url();
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            return new PostgresBus(dataSource, json, properties.cluster().channel(), node, events);
        }
        return new SingleNodeBus();
    }
}

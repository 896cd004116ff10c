package io.kefu.server.cluster;

import java.util.UUID;

/** This server process among the nodes sharing one database: a new random id at every start. */
public record NodeId(String value) {

    public static NodeId random() {
        return new NodeId(UUID.randomUUID().toString());
    }
}

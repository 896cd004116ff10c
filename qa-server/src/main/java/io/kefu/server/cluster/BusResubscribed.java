package io.kefu.server.cluster;

/**
 * This node listens to the other nodes again after its connection to the bus was lost (the database restarted, the
 * network failed): whatever they announced meanwhile was not heard here, so the sockets on this node catch up from
 * the database. A Spring application event, published on the bus's listening thread.
 */
public record BusResubscribed() {
}

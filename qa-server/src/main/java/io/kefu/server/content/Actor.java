package io.kefu.server.content;

/**
 * Who asks: a signed-in staff member or an API token's account, with whether their roles include REVIEWER.
 *
 * @param address the client's address, for the audit log
 */
record Actor(String name, boolean reviewer, String address) {
}

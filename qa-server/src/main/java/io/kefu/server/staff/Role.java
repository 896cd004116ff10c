package io.kefu.server.staff;

/**
 * What a staff member may do. Higher roles include lower ones ({@link SecurityConfiguration#roleHierarchy()}):
 * ADMIN ⊃ SUPERVISOR ⊃ AGENT, and ADMIN ⊃ REVIEWER ⊃ EDITOR (a reviewer approves, publishes and rolls back the
 * content editors write).
 */
public enum Role {
    AGENT, SUPERVISOR, EDITOR, REVIEWER, ADMIN;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
